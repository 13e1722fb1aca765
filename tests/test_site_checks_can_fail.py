"""The site checks detect what they are meant to: each is shown a broken page.

A check that cannot fail proves nothing; these tests feed the same functions that
check the real site with a small site that has a script error, a missing image, a
request to another host, a broken link and a broken anchor, and with a page that
fails accessibility checks and overflows a phone's screen; and the way the site tests
tell text drawn in a new way from text drawn in ways already checked, and check it; and
the measurement of a page that the site tests judge, on a page with faults of each kind.
"""

from __future__ import annotations

import pytest

from tools.browser import (
    COLOUR_RULES,
    NEW_WAY,
    PHONE,
    accessibility_violations,
    colour_kinds,
    colour_violations_where_new,
    open_page,
    phone_layout,
)
from tools.page_checks import measure_page
from tools.site import link_problems, serve

BROKEN_PAGE = """<!DOCTYPE html>
<html><head><title>broken</title>
<script src="https://cdn.example.org/library.js"></script>
</head><body>
<h1 id="top">A broken page</h1>
<img src="missing.png" alt="a figure that was never written">
<a href="other.html#top">fine</a>
<a href="other.html#%CE%BB-as-written">fine: the id is written encoded, as nbconvert does</a>
<a href="other.html#%CE%BB-decoded">fine: the id is "λ-decoded"</a>
<a href="other.html#no-such-anchor">broken anchor</a>
<a href="gone.html">broken link</a>
<a href="https://example.org/">an external link, not followed offline</a>
<script>throw new Error("boom from a page script");</script>
</body></html>
"""
GOOD_PAGE = """<!DOCTYPE html><html><body><h1 id="top">Fine</h1>
<h2 id="%CE%BB-as-written">As written</h2><h2 id="λ-decoded">Decoded</h2></body></html>"""


@pytest.fixture
def broken_site(tmp_path):
    (tmp_path / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (tmp_path / "other.html").write_text(GOOD_PAGE, encoding="utf-8")
    return tmp_path


def test_the_browser_check_reports_a_script_error_a_missing_image_and_another_host(
    broken_site, context
):
    with serve(broken_site) as url:
        _, report = open_page(context, f"{url}/index.html")
    assert any("boom from a page script" in error for error in report.console_errors)
    assert any("missing.png (HTTP 404)" in failure for failure in report.failed_requests)
    assert report.blocked_requests == ["https://cdn.example.org/library.js"]


def test_the_link_check_reports_missing_files_anchors_and_scripts_from_other_hosts(broken_site):
    problems = link_problems(broken_site)
    assert sorted(problems) == sorted(
        [
            "index.html: <a href='other.html#no-such-anchor'> points to a missing anchor",
            "index.html: <a href='gone.html'> points to a missing file",
            "index.html: <script src='https://cdn.example.org/library.js'> loads from another host",
            "index.html: <img src='missing.png'> points to a missing file",
        ]
    )


INACCESSIBLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>inaccessible</title></head><body><main>
<h1>A page that some readers cannot use</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color: #bbbbbb; background: #ffffff">Pale grey text on white.</p>
<button aria-label="Close"><span>Search</span></button>
<div style="width: 700px">a line wider than a phone</div>
<mjx-container display="true" style="display: block; overflow-x: hidden; width: 200px">
<span style="display: inline-block; width: 600px">a wide equation, cut off</span>
</mjx-container>
</main></body></html>
"""


def test_axe_and_the_phone_check_report_what_some_readers_cannot_use(tmp_path, context):
    (tmp_path / "index.html").write_text(INACCESSIBLE_PAGE)
    with serve(tmp_path) as url:
        page, _ = open_page(context, f"{url}/index.html")
        violations = accessibility_violations(page)
        colour_violations = accessibility_violations(page, rules=COLOUR_RULES)
        other_violations = accessibility_violations(page, skipping=COLOUR_RULES)
        layout = phone_layout(page)
    rules = {line.split(" ")[1] for line in violations}
    assert {"image-alt", "color-contrast", "label-content-name-mismatch"} <= rules
    # The run in dark mode, of the colour rules alone, still finds the pale text.
    assert {line.split(" ")[1] for line in colour_violations} == {"color-contrast"}
    # Without the colour rules, axe finds the rest: on pages whose text is drawn only in
    # ways already checked, the site's tests run it so.
    assert {line.split(" ")[1] for line in other_violations} == rules - {"color-contrast"}
    assert layout["pageWidth"] > PHONE["viewport"]["width"]
    assert layout["cutEquations"] == ["a wide equation, cut off"]


CHECKED_TEXT = '<main><p>Dark text and <a href="#">an underlined link</a>.</p></main>'
NEW_WAYS = (
    '<p style="color: #bbbbbb">Pale text</p>'
    "<p><strong>Bold text</strong></p>"
    '<p>A <a href="#" style="text-decoration: none">link that is not underlined</a></p>'
)


def test_text_drawn_in_a_new_way_is_told_apart_from_the_ways_already_checked(context):
    page = context.new_page()
    page.set_content(CHECKED_TEXT)
    checked = colour_kinds(page)
    page.set_content(CHECKED_TEXT.replace("</main>", NEW_WAYS + "</main>"))
    new = colour_kinds(page) - checked
    assert len(checked) == 2  # the text, and the link in it
    assert len(new) == 3
    assert any(kind.startswith("rgb(187, 187, 187) ") for kind in new)
    assert any(" | 700 | " in kind for kind in new)
    assert any("link none" in kind for kind in new)


# Text that is drawn in new ways, and fails axe's colour rules: pale text (twice), a
# link told apart from the text around it by colour alone, and pale text in a link.
FAILING_NEW_WAYS = (
    '<p style="color: #bbbbbb">Pale text</p><p style="color: #bbbbbb">More pale text</p>'
    "<p>A paragraph with words before a <a href='#' style='text-decoration: none;"
    " color: #0000ee'>link that is not underlined</a> and more words after it.</p>"
    "<p><a href='#'><span style='color: #c0c0ff'>A pale link</span></a></p>"
)


def test_the_colour_rules_check_each_element_that_draws_text_in_a_new_way(context):
    page = context.new_page()
    page.set_content(CHECKED_TEXT)
    checked = set()
    assert colour_violations_where_new(page, checked) == []
    assert len(checked) == 2
    page.set_content(CHECKED_TEXT.replace("</main>", FAILING_NEW_WAYS + "</main>"))
    lines = colour_violations_where_new(page, checked)
    found = {line.split(" ")[1]: line.split(") at ")[1].split(", ") for line in lines}
    # The first element of each new way is checked (not the second pale paragraph), and
    # text in a link as well as the link.
    assert set(found) == {"color-contrast", "link-in-text-block"}
    assert len(found["color-contrast"]) == 2 and found["color-contrast"][1] == "span"
    assert len(found["link-in-text-block"]) == 1
    assert page.locator(f"[{NEW_WAY}]").count() == 0  # the marks are gone
    # Its ways now checked, the same page is not checked again.
    assert colour_violations_where_new(page, checked) == []


# A page with the faults that tools.page_checks measures on every page of the website:
# a solution open from the start, an image that does not load, a formula left
# untypeset, text too pale in light mode and other text too dark in dark mode.
MEASURED_PAGE = """<!DOCTYPE html>
<html lang="en" data-theme="light"><head><title>measured</title><style>
html[data-theme="dark"] body { background: #000; color: #eee; color-scheme: dark; }
html[data-theme="dark"] .dim { color: #222; }
div.solution.dropdown section { display: none; }
div.solution.dropdown section.shown { display: block; }
</style></head><body><main>
<h1>Measured</h1>
<p style="color: #bbbbbb">Pale text.</p>
<p class="dim">Text that dark mode dims.</p>
<img src="missing.png" alt="a figure that was never written">
<span class="math">x^2</span>
<div class="solution dropdown"><button class="toggle-button">Show</button>
<section class="shown">open from the start</section></div>
<div class="solution dropdown"><button class="toggle-button">Show</button>
<section>closed</section></div>
<script>document.querySelectorAll("button.toggle-button").forEach(b => b.addEventListener(
  "click", () => b.nextElementSibling.classList.add("shown")));</script>
</main></body></html>
"""


def test_a_page_measured_for_the_site_tests_shows_its_faults_and_is_left_ready_to_print(
    tmp_path, context
):
    (tmp_path / "index.html").write_text(MEASURED_PAGE)
    checked = {"light": set(), "dark": set()}
    with serve(tmp_path) as url:
        page, report = open_page(context, f"{url}/index.html")
        measured = measure_page(page, report, checked)
        left_as = page.evaluate("document.documentElement.dataset.theme"), page.viewport_size
    assert measured["solutionsShownAtFirst"] == [True, False]
    assert measured["solutionsShownAfterClick"] == [True, True]
    assert len(measured["brokenImages"]) == 1 and measured["brokenImages"][0].endswith(
        "missing.png"
    )
    assert (measured["formulas"], measured["typeset"]) == (1, 0)
    assert measured["colourSchemeInDarkMode"] == "dark"
    light, dark = measured["accessibility"]["light"], measured["accessibility"]["dark"]
    assert any(line.startswith("serious: color-contrast") for line in light)
    assert [line.split(" ")[1] for line in dark] == ["color-contrast"]
    assert any("missing.png (HTTP 404)" in problem for problem in measured["problems"])
    assert measured["phone"]["pageWidth"] <= PHONE["viewport"]["width"]
    assert left_as == ("light", {"width": 1280, "height": 900})
