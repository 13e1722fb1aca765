"""Checks of the built website that need no browser: links, anchors, and what pages load.

Used by the tests; also runnable by hand: python tools/site.py [_build/html]
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
# (tag, attribute) pairs that link to another page or load a resource.
LINK_ATTRIBUTES = [
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
]
LOADED_TAGS = {"link", "script", "img", "source", "iframe"}


class _StartTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@functools.cache
def start_tags(page: Path) -> tuple[tuple[str, dict[str, str | None]], ...]:
    """Every opening tag of ``page`` with its attributes, in order: all that the link,
    anchor and navigation checks read, in one pass, much quicker than a whole tree."""
    parser = _StartTags()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return tuple(parser.tags)


def classes(attributes: dict[str, str | None]) -> set[str]:
    return set((attributes.get("class") or "").split())


@functools.cache
def _ids_in(page: Path) -> frozenset[str]:
    ids = set()
    for tag, attributes in start_tags(page):
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if attributes.get(name):
                ids.add(attributes[name])
    return frozenset(ids)


# The slide decks that the website carries (`make book`): tests/test_slides.py tests them.
SLIDES_FOLDER = "slides"


def html_pages(site: Path) -> list[Path]:
    """The pages of the website, without its static files and slide decks."""
    return sorted(
        path
        for path in site.rglob("*.html")
        if "_static" not in path.parts and path.relative_to(site).parts[0] != SLIDES_FOLDER
    )


def file_digest(path: Path) -> str:
    """The SHA-256 of a file: which version of a page or deck a measurement belongs to."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reader_pages(site: Path) -> list[str]:
    """The paths below ``site`` of the pages that readers read: every page but the
    redirect of the site root."""
    return [
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if 'http-equiv="Refresh"' not in page.read_text(encoding="utf-8")
    ]


def link_problems(site: Path) -> list[str]:
    """Every internal link or resource whose file or anchor does not exist.

    Links to other hosts are not followed (the checks run offline), but a page that
    *loads* a script, style, image or frame from another host is reported: the site
    must work without a network.
    """
    start_tags.cache_clear()
    _ids_in.cache_clear()
    problems = []
    for page in html_pages(site):
        for tag, attributes in start_tags(page):
            attribute = dict(LINK_ATTRIBUTES).get(tag)
            url = attributes.get(attribute) if attribute else None
            if url is None:
                continue
            where = f"{page.relative_to(site)}: <{tag} {attribute}={url!r}>"
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "javascript", "data") or url == "#":
                continue
            if parts.scheme or parts.netloc:
                relations = set((attributes.get("rel") or "").split())
                if tag in LOADED_TAGS and not (tag == "link" and _is_navigation(relations)):
                    problems.append(f"{where} loads from another host")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{where} points to a missing file")
            elif parts.fragment and target.suffix == ".html":
                # A browser looks for the fragment as written, then percent-decoded
                # (nbconvert writes a heading's "λ" as "%CE%BB" in its id and its link).
                ids = _ids_in(target)
                if parts.fragment not in ids and unquote(parts.fragment) not in ids:
                    problems.append(f"{where} points to a missing anchor")
    return problems


def _is_navigation(relations: set[str]) -> bool:
    """A <link> that names a related page (canonical, next, ...) loads nothing."""
    return not relations & {"stylesheet", "preload", "icon", "modulepreload", "manifest"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a page while it loads breaks the connection: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else SITE
    found = link_problems(site)
    print("\n".join(found) or f"no broken links in {len(html_pages(site))} pages")
    sys.exit(1 if found else 0)
