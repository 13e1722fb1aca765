"""The pages of the student website that differ from the full site's, measured as a reader
meets them, as ``tools/pdf.py`` measures every page of the full site (``tools.page_checks``).

Usage: python tools/student_site_checks.py   (`make test` runs it after `make student`)

The student website shares the theme, the templates and the chapters' text with the full
site. It differs in its home page and in the exercises, which tools/student_edition.py
writes the same way in every chapter: so the home page and the last chapter of each part
are opened, and axe checks a chapter's exercises and the whole of any other page. The
measurements, with the digest of each page's file, go to ``MEASUREMENTS``, which
tests/test_student_site.py judges as tests/test_site_pages.py judges the full site's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.browser import launch, new_context_in_mode
from tools.chapters import parts
from tools.notebooks import ROOT, page_of
from tools.page_checks import open_measured
from tools.site import file_digest, serve
from tools.student_edition import DEFAULT_OUTPUT, SITE_FOLDER

STUDENT_SITE = DEFAULT_OUTPUT / SITE_FOLDER
OPENED = ("book/intro.html", *(page_of(part[-1]) for part in parts()))
CHECKED_BY_AXE = "section#exercises"
MEASUREMENTS = ROOT / "_build" / "student-site-measurements.json"


def measure(site: Path = STUDENT_SITE, output: Path = MEASUREMENTS) -> Path:
    """Open each page of ``OPENED`` on ``site`` in one browser, measure it, and write
    what was measured, page by page, into ``output``."""
    measured = {}
    colours_checked = {"light": set(), "dark": set()}
    with serve(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = new_context_in_mode(browser, "light")
            for page_path in OPENED:
                page, _, found = open_measured(
                    context, f"{url}/{page_path}", colours_checked, CHECKED_BY_AXE
                )
                page.close()
                measured[page_path] = {"sha256": file_digest(site / page_path)} | found
        finally:
            browser.close()
    output.write_text(json.dumps({"pages": measured}, indent=1), encoding="utf-8")
    return output


if __name__ == "__main__":
    print(measure().relative_to(ROOT))
