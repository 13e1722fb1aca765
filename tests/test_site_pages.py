"""Every page of the built website works as readers meet it, offline.

`make test` builds the site and prints it first (tools/pdf.py), and in the load of each
page that prints it, or that is made for it alone, Debian's Chromium, driven by
Playwright, with every other host blocked, measures what a reader meets there
(``tools.page_checks``). These tests judge what was measured, on each page as it is
built now (the digest of its file):

- it loads with no error and shows every figure and formula (with SCREENSHOTS=1 in the
  environment, tools/pdf.py saves a full-page screenshot of each page in
  _build/screenshots for review); solutions open on click;
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

import json
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from tools.browser import PHONE
from tools.figures import png_images
from tools.notebooks import page_of, toc_files
from tools.pdf import DEFAULT_OUTPUT, MEASUREMENTS
from tools.site import SITE, file_digest, reader_pages

SITE_MEASUREMENTS = DEFAULT_OUTPUT / MEASUREMENTS


@dataclass(frozen=True)
class Website:
    """A built website under test: its folder, and the source file of each page of its toc."""

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
        built, the pages of its toc: their tests then fail (see ``measured``), where an
        empty list would let them pass unseen."""
        if not self.folder.exists():
            return list(self.sources)
        return reader_pages(self.folder)

    def chapter_pages(self) -> list[str]:
        return [page for page, source in self.sources.items() if source.suffix == ".ipynb"]


# The full site; tests/test_student_site.py runs the same tests on the student site.
WEBSITE = Website(
    SITE,
    {page_of(path): path for path in toc_files()},
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


def recorded_measurements(path: Path, site: Path, pages: list[str], made_by: str) -> dict:
    """What Chromium measured on the pages of ``site`` (``tools.page_checks``), as
    ``made_by`` recorded it in ``path``: only for exactly ``pages``, as built now."""
    if not path.exists():
        pytest.fail(f"{path} is missing: `make test` runs `{made_by}` before the tests")
    recorded = json.loads(path.read_text(encoding="utf-8"))
    measured_pages = recorded["pages"]
    assert sorted(measured_pages) == sorted(pages), "the pages measured are not those to measure"
    for page_path, measured in measured_pages.items():
        assert measured["sha256"] == file_digest(site / page_path), (
            f"{page_path} was measured in an earlier build: `{made_by}` measures it again"
        )
    return recorded


@pytest.fixture(scope="module")
def measured():
    """The measurements of a page of the full site, made in the load that printed it."""
    return recorded_measurements(SITE_MEASUREMENTS, SITE, reader_pages(SITE), "make pdf")[
        "pages"
    ].__getitem__


def test_page_loads_offline_with_no_error_and_shows_every_figure_and_formula(
    measured, website, source_page
):
    page = measured(source_page)
    source = website.sources[source_page]
    assert page["problems"] == []
    assert page["brokenImages"] == []
    assert page["figures"] == stored_figure_count(source)
    formulas, typeset = page["formulas"], page["typeset"]
    assert typeset == formulas, f"{formulas - typeset} of {formulas} formulas left untypeset"
    if source.suffix == ".ipynb":
        assert formulas >= 5 and stored_figure_count(source) > 0


def test_solutions_start_closed_and_open_on_click(measured, chapter_page):
    page = measured(chapter_page)
    shown = page["solutionsShownAtFirst"]
    assert len(shown) >= 3
    assert not any(shown), f"solutions {[i + 1 for i, s in enumerate(shown) if s]} open at first"
    opened = page["solutionsShownAfterClick"]
    assert len(opened) == len(shown)
    assert all(opened), f"solutions {[i + 1 for i, s in enumerate(opened) if not s]} stay shut"


def test_no_serious_or_critical_accessibility_violation_in_light_or_dark_mode(measured, page_path):
    page = measured(page_path)
    assert page["modeAtFirst"] == "light"
    assert page["colourSchemeInDarkMode"] == "dark"
    assert page["accessibility"] == {"light": [], "dark": []}
    assert page["problems"] == []


SMALLEST_CODE_FONT_PX = 11


def test_on_a_phone_equations_fit_or_show_that_they_scroll_and_code_stays_readable(
    measured, page_path
):
    layout = measured(page_path)["phone"]
    assert layout["pageWidth"] <= PHONE["viewport"]["width"], "the page scrolls sideways"
    assert layout["cutEquations"] == []
    assert layout["codeNotScrolling"] == 0
    if page_path.startswith("book/0"):  # a chapter, with code
        assert layout["smallestCodeFont"] >= SMALLEST_CODE_FONT_PX
