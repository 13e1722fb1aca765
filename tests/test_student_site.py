"""The student website (`make student`): the same browser tests as the full site, and no
solution and no teachers' page on it.

The tests of tests/test_site_pages.py run here again, on _build/student/website: every page
loads offline with its figures and formulas, passes axe in light and dark mode, and
works on a phone. Its pages share the theme, the templates and the chapters' text with
the full site, which axe checks whole; so `make test` opens where this site differs, its
home page and the last chapter of each part, with tools/student_site_checks.py, and axe
checks the exercises of each chapter (and the whole of any page without them). Every
page is checked as HTML.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from test_site_navigation import walk
from test_site_pages import *  # noqa: F403 (the same tests, on this module's WEBSITE)
from test_site_pages import Website, recorded_measurements, stored_figure_count

from tools.chapters import chapters
from tools.site import classes, html_pages, link_problems, start_tags
from tools.student_edition import DEFAULT_OUTPUT
from tools.student_site_checks import CHECKED_BY_AXE, MEASUREMENTS, OPENED, STUDENT_SITE

EDITION = DEFAULT_OUTPUT
WEBSITE = Website(
    STUDENT_SITE,
    {"book/intro.html": EDITION / "README.md"}
    | {
        f"book/{chapter.path.stem}.html": EDITION / "notebooks" / chapter.path.name
        for chapter in chapters()
    },
    checked_by_axe=CHECKED_BY_AXE,
    opened_in_browser=OPENED,
)


@pytest.fixture(scope="module")
def measured():
    """Replaces the measurements of the full site: those of the pages that
    tools/student_site_checks.py opened (``tools.page_checks``), for the site as it is
    built now."""
    recorded = recorded_measurements(
        MEASUREMENTS, STUDENT_SITE, list(OPENED), "python tools/student_site_checks.py"
    )
    return recorded["pages"].__getitem__


def test_solutions_start_closed_and_open_on_click(measured, chapter_page):
    """Replaces the test of the full site: here there is no solution to open."""
    page = measured(chapter_page)
    assert page["solutions"] == 0
    assert page["exerciseHeadings"] >= 3


def test_no_page_holds_a_solution_or_a_teachers_page():
    pages = html_pages(STUDENT_SITE)
    assert {page.relative_to(STUDENT_SITE).as_posix() for page in pages} >= set(WEBSITE.sources)
    assert not (STUDENT_SITE / "book" / "teachers").exists()
    for page in pages:
        html = page.read_text(encoding="utf-8")  # the words, wherever they stand in the page
        assert not any("solution" in classes(a) for _, a in start_tags(page)), page.name
        assert "Solution to" not in html, page.name
        assert "For teachers" not in html, page.name


def test_next_and_previous_walk_the_student_site_in_toc_order():
    toc = list(WEBSITE.sources)
    forward = walk(toc[0], "a.right-next", STUDENT_SITE)
    assert forward == toc
    assert walk(forward[-1], "a.left-prev", STUDENT_SITE) == toc[::-1]


def test_no_link_of_the_student_site_is_broken_or_loads_from_another_host():
    assert link_problems(STUDENT_SITE) == []


def test_no_page_offers_a_launch_or_repository_button_that_leads_to_the_solutions():
    header = BeautifulSoup((STUDENT_SITE / "book" / "01_weights.html").read_text(), "html.parser")
    text = header.get_text()
    assert "Binder" not in text and "Colab" not in text and "Repository" not in text
    assert (STUDENT_SITE / "_sources" / "book" / "01_weights.ipynb").exists()


def test_every_page_shows_the_figures_and_formulas_of_its_notebook():
    """The pages that the browser does not open, read as HTML: each chapter page holds
    an image for each figure stored in its notebook, and formulas for MathJax."""
    assert set(WEBSITE.opened_in_browser) < set(WEBSITE.sources)
    for page, source in WEBSITE.sources.items():
        tags = start_tags(STUDENT_SITE / page)
        figures = [a for name, a in tags if name == "img" and "_images/" in (a["src"] or "")]
        assert len(figures) == stored_figure_count(source), page
        if source.suffix == ".ipynb":
            formulas = [a for _, a in tags if {"math", "notranslate"} <= classes(a)]
            assert len(formulas) >= 5 and figures, page
