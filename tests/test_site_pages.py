"""Every page of the built website works as readers meet it, offline.

`make test` builds the site first; these tests serve _build/html on 127.0.0.1 and
drive Debian's Chromium through Playwright, with every other host blocked. Each page
is opened once and kept open for all the tests below, in their order:

- it loads with no error and shows every figure and formula (with SCREENSHOTS=1 in the
  environment, a full-page screenshot of each page is saved in _build/screenshots for
  review); solutions open on click;
- axe-core (the current engine, from npm) finds no serious or critical accessibility
  problem in light mode, and none of colour again after switching to dark mode in place,
  as the theme's colour-mode button does (which changes colours and nothing else); axe's
  colour rules, its slowest, check each way of drawing text (colour, background, size,
  weight: `tools.browser.colour_kinds`) on the elements of the first page that show it,
  in each mode;
- at 390 by 844 pixels, a phone held upright, no page scrolls sideways as a whole;
  every display equation either fits or scrolls inside its box with shadows at the
  cut edges that show there is more; code blocks scroll inside their box, in a
  readable font size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from tools.browser import (
    COLOUR_RULES,
    PHONE,
    accessibility_violations,
    colour_violations_where_new,
    new_context_in_mode,
    open_page,
    phone_layout,
    wait_until_rendered,
)
from tools.figures import png_images
from tools.notebooks import ROOT, toc_files
from tools.site import SITE, html_pages

SCREENSHOTS = ROOT / "_build" / "screenshots"


@dataclass(frozen=True)
class Website:
    """A built website under test: its folder, and the source file of each page of its toc."""

    name: str
    folder: Path
    sources: dict[str, Path]  # page path below the site root -> notebook or Markdown file
    # The part of a page that axe checks, where the page has it: on a site made with the
    # same theme and chapters as the full one, only the part that differs.
    checked_by_axe: str | None = None
    # The pages that the browser opens (all, when None): on a site whose pages differ from
    # the full site's in one part made the same way on every page, a sample of them.
    opened_in_browser: tuple[str, ...] | None = None

    def pages(self) -> list[str]:
        """Every page of the site, but the redirect of the site root. Before the site is
        built, the pages of its toc: their tests then fail (see ``site_url``), where an
        empty list would let them pass unseen."""
        if not self.folder.exists():
            return list(self.sources)
        return [
            page.relative_to(self.folder).as_posix()
            for page in html_pages(self.folder)
            if 'http-equiv="Refresh"' not in page.read_text(encoding="utf-8")
        ]

    def chapter_pages(self) -> list[str]:
        return [page for page, source in self.sources.items() if source.suffix == ".ipynb"]


# The full site; tests/test_student_site.py runs the same tests on the student site.
WEBSITE = Website(
    "full",
    SITE,
    {path.relative_to(ROOT).with_suffix(".html").as_posix(): path for path in toc_files()},
)


def pytest_generate_tests(metafunc):
    website = metafunc.module.WEBSITE
    opened = website.opened_in_browser
    for name, values in (
        ("source_page", list(website.sources)),
        ("chapter_page", website.chapter_pages()),
        ("page_path", website.pages()),
    ):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, [v for v in values if opened is None or v in opened])


def stored_figure_count(path) -> int:
    if path.suffix != ".ipynb":
        return 0
    cells = nbformat.read(path, as_version=4).cells
    return len(png_images(output for cell in cells for output in cell.get("outputs", [])))


@pytest.fixture(scope="module")
def website(request):
    return request.module.WEBSITE


@pytest.fixture(scope="module")
def opened_pages(browser, site_url):
    """Each page opened once, in light mode, and kept open for the tests below."""
    context = new_context_in_mode(browser, "light")
    cache = {}

    def opened(page_path):
        if page_path not in cache:
            page, report = open_page(context, f"{site_url}/{page_path}")
            wait_until_rendered(page)
            cache[page_path] = page, report
        page, report = cache[page_path]
        page.bring_to_front()  # Chromium slows down the timers of pages in the background
        return page, report

    yield opened
    context.close()


def test_page_loads_offline_with_no_error_and_shows_every_figure_and_formula(
    opened_pages, website, source_page
):
    page, report = opened_pages(source_page)
    source = website.sources[source_page]
    if os.environ.get("SCREENSHOTS") and website.name == "full":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{source.stem}.png", full_page=True)

    assert report.problems == []
    broken_images = page.eval_on_selector_all(
        "img", "images => images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
    )
    assert broken_images == []
    assert page.locator("div.cell_output img").count() == stored_figure_count(source)
    formulas, typeset = page.eval_on_selector_all(
        "span.math, div.math",
        "nodes => [nodes.length, nodes.filter(n => n.querySelector('mjx-container')).length]",
    )
    assert typeset == formulas, f"{formulas - typeset} of {formulas} formulas left untypeset"
    if source.suffix == ".ipynb":
        assert formulas >= 5 and stored_figure_count(source) > 0


# Whether the body of each solution on the page is shown.
SOLUTIONS_SHOWN = (
    "() => [...document.querySelectorAll('div.solution.dropdown')]"
    ".map(solution => solution.querySelector('section')"
    ".checkVisibility({visibilityProperty: true}))"
)


def test_solutions_start_closed_and_open_on_click(opened_pages, chapter_page):
    page, _ = opened_pages(chapter_page)
    shown = page.evaluate(SOLUTIONS_SHOWN)
    assert len(shown) >= 3
    assert not any(shown), f"solutions {[i + 1 for i, s in enumerate(shown) if s]} open at first"
    # The first opens under the mouse, as a reader clicks; the others by a click event
    # each, all at once (the same button and handler, quicker than moving the mouse).
    solutions = page.locator("div.solution.dropdown")
    solutions.first.locator("button.toggle-button").click()
    solutions.first.locator("section").first.wait_for(state="visible", timeout=5_000)
    page.evaluate(
        "() => [...document.querySelectorAll('div.solution.dropdown button.toggle-button')]"
        ".slice(1).forEach(button => button.click())"
    )
    page.wait_for_function(f"() => ({SOLUTIONS_SHOWN})().every(Boolean)", timeout=5_000)


# Colours change at once, with no transition whose middle axe could measure.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
TO_DARK_MODE = (
    "() => { localStorage.setItem('mode', 'dark');"
    " document.documentElement.dataset.mode = 'dark';"
    " document.documentElement.dataset.theme = 'dark'; }"
)
SMALLEST_CODE_FONT_PX = 11


@pytest.fixture(scope="module")
def colours_checked() -> dict[str, set[str]]:
    """The ways of drawing text, in each mode, that axe's colour rules have checked on
    this site so far (see ``tools.browser.colour_kinds``)."""
    return {"light": set(), "dark": set()}


def test_no_serious_or_critical_accessibility_violation_in_light_or_dark_mode(
    opened_pages, page_path, website, colours_checked
):
    page, report = opened_pages(page_path)
    found = {}
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    within = website.checked_by_axe
    found["light"] = accessibility_violations(
        page, within=within, skipping=COLOUR_RULES
    ) + colour_violations_where_new(page, colours_checked["light"], within)
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(TO_DARK_MODE)
    assert page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
    found["dark"] = colour_violations_where_new(page, colours_checked["dark"], within)
    assert found == {"light": [], "dark": []}
    assert report.problems == []


def test_on_a_phone_equations_fit_or_show_that_they_scroll_and_code_stays_readable(
    opened_pages, page_path
):
    page, _ = opened_pages(page_path)
    layout = phone_layout(page)
    assert layout["pageWidth"] <= PHONE["viewport"]["width"], "the page scrolls sideways"
    assert layout["cutEquations"] == []
    assert layout["codeNotScrolling"] == 0
    if page_path.startswith("book/0"):  # a chapter, with code
        assert layout["smallestCodeFont"] >= SMALLEST_CODE_FONT_PX
