"""Teachers may reuse and adapt the book: the text and figures under CC BY 4.0, the code
under MIT, said in the licence files, the README, every page of both websites and the
student edition, and in the package's metadata."""

from __future__ import annotations

import tomllib
import zipfile

from bs4 import BeautifulSoup, SoupStrainer

from tools.notebooks import ROOT
from tools.site import html_pages
from tools.student_edition import DEFAULT_OUTPUT, LICENCE_FILES, SITE_FOLDER, ZIP_ROOT

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MIT = "https://opensource.org/license/mit"


def test_the_licence_files_hold_the_two_licences():
    code, text = (ROOT / name for name in LICENCE_FILES)
    assert code.read_text().startswith("MIT License\n\nCopyright (c) 2026 ")
    assert "Permission is hereby granted, free of charge" in code.read_text()
    legal_code = text.read_text()
    assert legal_code.startswith("Attribution 4.0 International\n")
    assert "Creative Commons Attribution 4.0 International Public License" in legal_code
    assert "Section 8 -- Interpretation." in legal_code
    assert len(legal_code.split()) > 2500, "the whole legal code, not a summary"


def test_the_readme_and_the_package_name_both_licences():
    readme = (ROOT / "README.md").read_text()
    assert "## Licence" in readme and "CC BY 4.0" in readme and "MIT licence" in readme
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert (project["license"], project["license-files"]) == ("MIT", ["LICENSE"])


def licence_links(page) -> set[str]:
    footers = BeautifulSoup(
        page.read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer("footer")
    )
    footer = footers.select_one("footer p.licence")
    return set() if footer is None else {a["href"] for a in footer.find_all("a")}


def test_every_page_of_both_websites_names_both_licences_in_its_footer(built_site):
    student_site = DEFAULT_OUTPUT / SITE_FOLDER
    pages = [*html_pages(built_site), *html_pages(student_site)]
    assert len(pages) > 2 * len(list(student_site.glob("book/*.html")))
    for page in pages:
        if 'http-equiv="Refresh"' not in page.read_text(encoding="utf-8"):
            assert licence_links(page) == {CC_BY, MIT}, page


def test_the_student_edition_and_its_zip_carry_the_licences():
    edition = DEFAULT_OUTPUT
    assert "## Licence" in (edition / "README.md").read_text()
    assert 'license = "MIT"' in (edition / "pyproject.toml").read_text()
    with zipfile.ZipFile(edition.with_suffix(".zip")) as zipped:
        for name in LICENCE_FILES:
            assert (edition / name).read_bytes() == (ROOT / name).read_bytes()
            assert zipped.read(f"{ZIP_ROOT}/{name}") == (ROOT / name).read_bytes()
