"""Fixtures shared by the tests of the built website."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tools.browser import launch, new_context
from tools.site import SITE, serve


@pytest.fixture(scope="module")
def site_url():
    if not (SITE / "index.html").exists():
        pytest.fail("the site is not built: `make test` builds it before the tests")
    with serve(SITE) as url:
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
