"""Fixtures shared by the tests of the built website, and the order in which tests start."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tools.browser import launch, new_context
from tools.site import SITE, serve


@pytest.fixture(scope="module")
def site_url(request):
    """The address of the site under test: the module's ``WEBSITE``, or else the full site."""
    website = getattr(request.module, "WEBSITE", None)
    folder = SITE if website is None else website.folder
    if not (folder / "index.html").exists():
        pytest.fail(f"{folder} is not built: `make test` builds it before the tests")
    with serve(folder) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = new_context(browser)
    yield context
    context.close()


# The modules that take longest (browsers, notebook runs, nbgrader) start first, so that
# the two workers of `make test` (pytest-xdist, a module per worker) finish together.
SLOWEST_FIRST = (
    "test_site_pages.py",
    "test_student_site.py",
    "test_nbgrader_course.py",
    "test_student_edition.py",
    "test_nbval_catches_changes.py",
)


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        return SLOWEST_FIRST.index(name) if name in SLOWEST_FIRST else len(SLOWEST_FIRST)

    items.sort(key=rank)
