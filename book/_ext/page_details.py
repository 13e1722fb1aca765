"""Details of every page that readers and their tools rely on.

- **Image sizes**: each image of the book's content (the figures, in ``_images/``)
  gets ``width`` and ``height`` attributes read from its file, so that the browser
  reserves the space before the image arrives and the page does not jump while it
  loads (the site's CSS keeps images within the column).
- **A meta description**: the first paragraph of the page, shortened, for search
  engines and link previews; pages without one (search, index) describe the book.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import imagesize

IMG_TAG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\ssrc="([^"]+)"')
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")
DESCRIPTION_LENGTH = 160
BOOK_DESCRIPTION = (
    "A course book that builds, runs and trains a small neural network in Python, "
    "chapter by chapter, with the library nnlib."
)


def description(body: str) -> str:
    """The first paragraph of the page body as plain text, at most 160 characters."""
    match = FIRST_PARAGRAPH.search(body)
    text = " ".join(html.unescape(TAG.sub("", match.group(1))).split()) if match else ""
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def _add_description(app, pagename, templatename, context, doctree):
    text = description(context.get("body", "")) or BOOK_DESCRIPTION
    meta = f'<meta name="description" content="{html.escape(text, quote=True)}" />\n'
    context["metatags"] = context.get("metatags", "") + meta


def with_image_sizes(page_html: str, page_dir: Path) -> str:
    """``page_html`` with width and height added to every figure that lacks them."""

    def sized(match: re.Match) -> str:
        tag = match.group(0)
        source = SRC.search(tag)
        if " width=" in tag or source is None or "_images/" not in source.group(1):
            return tag  # sized already, or not a figure of the book (theme icons)
        image = page_dir / html.unescape(source.group(1))
        if not image.is_file():
            return tag  # the link check reports it
        width, height = imagesize.get(image)
        if width <= 0 or height <= 0:
            return tag
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end].rstrip()} width="{width}" height="{height}"{tag[end:]}'

    return IMG_TAG.sub(sized, page_html)


def _finish_pages(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        changed = with_image_sizes(text, page.parent)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _add_description)
    app.connect("build-finished", _finish_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
