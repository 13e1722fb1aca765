"""Every page of the built website loads as a reader's browser would show it, offline.

`make test` builds the site first; these tests serve _build/html on 127.0.0.1 and
drive Debian's Chromium through Playwright, with every other host blocked.
A full-page screenshot of each page is saved in _build/screenshots for review.
"""

from __future__ import annotations

import nbformat
import pytest

from tools.browser import new_context, open_page, wait_until_rendered
from tools.figures import png_images
from tools.notebooks import ROOT, toc_files

SCREENSHOTS = ROOT / "_build" / "screenshots"
TOC_FILES = toc_files()


def stored_figure_count(path) -> int:
    if path.suffix != ".ipynb":
        return 0
    cells = nbformat.read(path, as_version=4).cells
    return len(png_images(output for cell in cells for output in cell.get("outputs", [])))


@pytest.fixture(scope="module")
def opened_pages(browser, site_url):
    """Each page opened once, in one browser context, and kept open for the tests below."""
    context = new_context(browser)
    cache = {}

    def opened(source):
        if source not in cache:
            page_path = source.relative_to(ROOT).with_suffix(".html").as_posix()
            page, report = open_page(context, f"{site_url}/{page_path}")
            wait_until_rendered(page)
            cache[source] = page, report
        page, report = cache[source]
        page.bring_to_front()  # Chromium slows down the timers of pages in the background
        return page, report

    yield opened
    context.close()


@pytest.mark.parametrize("source", TOC_FILES, ids=lambda path: path.name)
def test_page_loads_offline_with_no_error_and_shows_every_figure_and_formula(opened_pages, source):
    page, report = opened_pages(source)
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
        assert formulas > 10 and stored_figure_count(source) > 0


@pytest.mark.parametrize(
    "source", [path for path in TOC_FILES if path.suffix == ".ipynb"], ids=lambda path: path.name
)
def test_solutions_start_closed_and_open_on_click(opened_pages, source):
    page, _ = opened_pages(source)
    solutions = page.locator("div.solution.dropdown")
    assert solutions.count() >= 3
    for index in range(solutions.count()):
        solution = solutions.nth(index)
        body = solution.locator("section").first
        assert body.is_hidden(), f"solution {index + 1} is open before any click"
        solution.locator("button.toggle-button").click()
        body.wait_for(state="visible", timeout=5_000)
