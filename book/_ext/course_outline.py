"""Write the course outline and the term plan into the teachers' pages, read from the
chapters themselves.

The page ``book/teachers/course_outline.md`` holds the line ``<!-- course outline -->``;
at build time it is replaced by one session per chapter of the numbered parts of
_toc.yml, with the chapter's prerequisites, learning goals, slide deck and exercises.
A chapter added to the toc is in the outline at the next build, with nothing else to
change.
The page ``book/teachers/term_plan.md`` holds ``<!-- term plan -->``, replaced by the
schedule of tools/term_plan.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.chapters import chapters
from tools.course_outline import MARKER, outline_markdown
from tools.site import SLIDES_FOLDER
from tools.term_plan import MARKER as TERM_PLAN_MARKER
from tools.term_plan import term_plan_markdown


def _insert_outline(app, docname, source):
    # The slide decks are in slides/ at the top of the website (see `make book`), the
    # chapters in book/: both as seen from the page.
    page_folder = os.path.dirname(docname) or "."
    slides = os.path.relpath(SLIDES_FOLDER, page_folder)
    chapters_folder = os.path.relpath("book", page_folder)
    pages = (
        (MARKER, lambda root: outline_markdown(root, slides, chapters_folder)),
        (TERM_PLAN_MARKER, term_plan_markdown),
    )
    for marker, made in pages:
        if marker in source[0]:
            root = Path(app.srcdir)
            for chapter in chapters(root):
                app.env.note_dependency(str(chapter.path))
            source[0] = source[0].replace(marker, made(root))


def setup(app):
    app.connect("source-read", _insert_outline)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
