"""Every figure says what it shows: a caption and alt text in the notebook, and on the
website an image with that alt text, its size, and its caption; every page has a
meta description and a favicon."""

from __future__ import annotations

import nbformat
import pytest
from bs4 import BeautifulSoup, SoupStrainer

from tools.notebooks import page_of, toc_files, toc_notebooks
from tools.site import SITE, html_pages

NOTEBOOKS = toc_notebooks()
SITE_BUILT = pytest.mark.usefixtures("built_site")


def figure_cells(path):
    cells = nbformat.read(path, as_version=4).cells
    return [
        cell
        for cell in cells
        if cell.cell_type == "code"
        and any("image/png" in output.get("data", {}) for output in cell.outputs)
    ]


def built_page(path):
    page = SITE / page_of(path)
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_cell_has_a_named_caption_and_alt_text_in_its_metadata(path):
    for cell in figure_cells(path):
        options = cell.metadata.get("mystnb", {})
        caption = options.get("figure", {}).get("caption", "")
        alt = options.get("image", {}).get("alt", "")
        assert options.get("figure", {}).get("name", "").startswith("fig-"), cell.source[:60]
        assert len(caption.split()) >= 6, f"a caption says what to look at: {caption!r}"
        assert len(alt.split()) >= 12, f"alt text says what the figure shows: {alt!r}"
        assert caption != alt and ".png" not in alt


@SITE_BUILT
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_on_the_website_each_figure_has_its_alt_text_size_and_caption(path):
    page = built_page(path)
    images = page.select("img[src*='_images/']")
    cells = figure_cells(path)
    assert len(images) == len(cells)
    for image, cell in zip(images, cells, strict=True):
        assert image["alt"] == cell.metadata["mystnb"]["image"]["alt"]
        assert int(image["width"]) > 0 and int(image["height"]) > 0
        caption = image.find_parent("figure").find("figcaption").get_text(" ", strip=True)
        written = cell.metadata["mystnb"]["figure"]["caption"]
        assert written.replace("'", "\u2019") in caption  # Sphinx sets typographic quotes


@SITE_BUILT
def test_every_page_has_a_meta_description_and_a_favicon():
    pages = html_pages(SITE)
    assert len(pages) >= len(toc_files())
    for page_path in pages:
        page = BeautifulSoup(
            page_path.read_text(encoding="utf-8"),
            "html.parser",
            parse_only=SoupStrainer(["meta", "link"]),  # all this test reads: parsed faster
        )
        if page.find("meta", attrs={"http-equiv": "Refresh"}):
            continue  # the redirect from index.html to the first page
        meta = page.find("meta", attrs={"name": "description"})
        assert meta is not None and len(meta["content"].split()) >= 8, page_path.name
        icon = page.find("link", rel="icon")
        assert icon is not None, page_path.name
        assert (page_path.parent / icon["href"]).is_file()
