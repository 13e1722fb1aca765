"""What a reader meets on a page of the website, measured in one load of the page.

``open_measured`` opens a page in light mode, waits until it has rendered, and
``measure_page`` does on it what a reader does, in this order, writing down what
the tests judge (tests/test_site_pages.py):

1. looks at it: images that did not load, figures, formulas and how many are typeset;
2. opens each solution, the first with the mouse;
3. lets axe-core check it in light mode (its colour rules only on text drawn in a way
   that no page before showed: ``tools.browser.colour_violations_where_new``), then
   switches to dark mode in place, as the theme's colour-mode button does (which changes
   colours and nothing else), and lets axe's colour rules check it again;
4. holds it as a phone held upright, and measures what could be cut off.

Then the page is ready to print: in light mode again, at the size it had, with its
solutions open. ``tools/pdf.py`` measures every page of the website this way in the load that
prints it, and writes the numbers, with the digest of each page's file, beside the
PDFs; tests/test_student_site.py measures pages of the student website the
same way, in its own loads.
"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.browser import (
    COLOUR_RULES,
    accessibility_violations,
    colour_violations_where_new,
    open_page,
    phone_layout,
    wait_until_rendered,
)

# Whether the body of each solution on the page is shown.
SOLUTIONS_SHOWN = (
    "() => [...document.querySelectorAll('div.solution.dropdown')]"
    ".map(solution => solution.querySelector('section')"
    ".checkVisibility({visibilityProperty: true}))"
)
# Whether every block that scrolls can be reached with the keyboard: the theme decides
# that a moment after a solution opens (book/_ext/reader_fixes.py), as a reader sees it.
TAB_STOPS_SET = """() => [...document.querySelectorAll(
    'pre, .nboutput > .output_area, .cell_output > .output, .pst-scrollable-table-container')]
  .every(e => e.tabIndex === 0
              || (e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight))"""
# Colours change at once, with no transition whose middle axe could measure.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
TO_MODE = (
    "mode => { localStorage.setItem('mode', mode);"
    " document.documentElement.dataset.mode = mode;"
    " document.documentElement.dataset.theme = mode; }"
)
_LOOK = """() => ({
  brokenImages: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0))
    .map(i => i.src),
  figures: document.querySelectorAll('div.cell_output img').length,
  formulas: document.querySelectorAll('span.math, div.math').length,
  typeset: [...document.querySelectorAll('span.math, div.math')]
    .filter(n => n.querySelector('mjx-container')).length,
  solutions: document.querySelectorAll('div.solution').length,
  exerciseHeadings: [...document.querySelectorAll('h3')]
    .filter(h => h.textContent.includes('Exercise ')).length,
})"""


def open_measured(context, url: str, colours_checked, within=None, screenshot=None):
    """Open ``url`` in a new page of ``context`` (in light mode), wait until it has
    rendered, save a full-page screenshot of it to the path ``screenshot`` if given,
    and measure it (``measure_page``); return the page, its load report and what was
    measured."""
    page, report = open_page(context, url)
    wait_until_rendered(page)
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=screenshot, full_page=True)
    return page, report, measure_page(page, report, colours_checked, within)


def measure_page(page, report, colours_checked: dict[str, set[str]], within=None) -> dict:
    """Measure ``page`` (with its load ``report``) as the module docstring says; axe
    checks only the parts that the CSS selector ``within`` selects, if any.
    ``colours_checked`` maps each mode to the ways of drawing text checked so far on
    this website, and gains the page's."""
    page.bring_to_front()  # Chromium slows down the timers of pages in the background
    measured = page.evaluate(_LOOK)
    measured["solutionsShownAtFirst"] = page.evaluate(SOLUTIONS_SHOWN)
    _open_solutions(page)
    measured["solutionsShownAfterClick"] = page.evaluate(SOLUTIONS_SHOWN)

    measured["modeAtFirst"] = page.evaluate("document.documentElement.dataset.theme")
    light = accessibility_violations(page, within=within, skipping=COLOUR_RULES)
    light += colour_violations_where_new(page, colours_checked["light"], within)
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(TO_MODE, "dark")
    measured["colourSchemeInDarkMode"] = page.evaluate(
        "getComputedStyle(document.body).colorScheme"
    )
    dark = colour_violations_where_new(page, colours_checked["dark"], within)
    page.evaluate(TO_MODE, "light")
    measured["accessibility"] = {"light": light, "dark": dark}

    viewport = page.viewport_size
    measured["phone"] = phone_layout(page)
    page.set_viewport_size(viewport)
    measured["problems"] = report.problems
    return measured


def _open_solutions(page) -> None:
    """Open every solution: the first under the mouse, as a reader clicks; the others
    by a click event each, all at once (the same button and handler, quicker than
    moving the mouse)."""
    solutions = page.locator("div.solution.dropdown")
    if not solutions.count():
        return
    try:
        solutions.first.locator("button.toggle-button").click(timeout=5_000)
        solutions.first.locator("section").first.wait_for(state="visible", timeout=5_000)
        page.evaluate(
            "() => [...document.querySelectorAll('div.solution.dropdown button.toggle-button')]"
            ".slice(1).forEach(button => button.click())"
        )
        page.wait_for_function(f"() => ({SOLUTIONS_SHOWN})().every(Boolean)", timeout=5_000)
        page.wait_for_function(TAB_STOPS_SET, timeout=2_000)
    except PlaywrightTimeout:
        pass  # what is shown then is measured, and judged by the tests
