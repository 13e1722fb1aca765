"""Fixtures shared by the tests of the built website, the order in which tests start, and
the rule that no test is skipped.

The browser is imported only by the fixtures that start it, so that the tests of nnlib
run without the browser stack (`pytest tests/test_network.py`).
"""

from __future__ import annotations

import pytest
from hypothesis import settings

from tools.site import SITE, serve

# A busy machine must not fail a property by its timing: Hypothesis's deadline is off
# (speed is measured by the benchmarks). The settings loaded before are kept, such as
# the fewer examples of `-p tests.hypothesis_quick`.
settings.register_profile("no-deadline", parent=settings.default, deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(scope="session")
def built_site():
    """The built website; a test that reads it fails, never skips, when it is missing."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is not built: `make test` builds it before the tests")
    return SITE


@pytest.fixture(scope="module")
def site_url(request):
    """The address of the site under test: the module's ``WEBSITE``, or else the full site."""
    website = getattr(request.module, "WEBSITE", None)
    folder = SITE if website is None else website.folder
    if not (folder / "index.html").exists():
        pytest.fail(f"{folder} is not built: `make test` builds it before the tests")
    with serve(folder) as url:
        yield url


# One browser for all the tests of a process (each xdist worker is one): a test gets a
# context of its own, which shares nothing with the others.
@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tools.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    from tools.browser import new_context

    context = new_context(browser)
    yield context
    context.close()


# The modules that take longest (browsers, chapters, nbgrader) start first, so that the
# two workers of `make test` (pytest-xdist, a module per worker) finish together. The
# chapters run after the browsers, the later (longer) ones first.
SLOWEST_FIRST = (
    "test_slides.py",
    "test_jupyterlab.py",
    "chapters",
    "test_nbgrader_course.py",
    "test_nbval_catches_changes.py",
)


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        if item.path.suffix == ".ipynb":
            return SLOWEST_FIRST.index("chapters"), -int(name.split("_")[0])
        return SLOWEST_FIRST.index(name) if name in SLOWEST_FIRST else len(SLOWEST_FIRST), 0

    items.sort(key=rank)


# A skipped test proves nothing, and a missing build must not pass as "skipped": the run
# fails if any test was skipped (the reports of every xdist worker reach this process).
SKIPPED = []


def pytest_runtest_logreport(report):
    if report.skipped:
        SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session):
    if SKIPPED and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if SKIPPED:
        terminalreporter.write_line(
            f"{len(SKIPPED)} tests were skipped, which fails the run: " + ", ".join(SKIPPED[:5]),
            red=True,
        )
