"""The course outline for teachers, one session per chapter, read from the chapters.

The Sphinx extension ``book/_ext/course_outline.py`` writes it into the teachers' page
at build time, so a chapter added to the toc is in the outline with nothing to change.
"""

from __future__ import annotations

from pathlib import Path

from tools.chapters import CHAPTER_LINK, chapters
from tools.slides import deck_name

MARKER = "<!-- course outline -->"
SESSION_MINUTES = 90
SUGGESTED_USE = {
    "easy": "in class, in pairs (about 10 minutes)",
    "medium": "in class or as homework (about 20 minutes)",
    "hard": "homework (30 to 45 minutes)",
}


def outline_markdown(root: Path, slides: str = "../../slides", chapters_folder: str = "..") -> str:
    """The outline; ``slides``, ``chapters_folder``: the folders of the slide decks on the
    website and of the chapters, relative to the page of the outline."""

    def from_the_page(markdown: str) -> str:  # the chapters' links to one another
        return CHAPTER_LINK.sub(rf"[\g<text>]({chapters_folder}/\g<stem>.ipynb)", markdown)

    parts = []
    for chapter in chapters(root):
        document = chapter.path.relative_to(root).with_suffix("").as_posix()
        goals = "\n".join(f"- {from_the_page(goal)}" for goal in chapter.goals)
        rows = "\n".join(
            f"| {{ref}}`{chapter.number}.{position} {exercise.title} <{exercise.label}>` "
            f"| {exercise.level} | {SUGGESTED_USE[exercise.level]} |"
            for position, exercise in enumerate(chapter.exercises, 1)
        )
        parts.append(
            f"## Session {chapter.number}: {chapter.title}\n\n"
            f"{SESSION_MINUTES} minutes, on the chapter {{doc}}`/{document}`. "
            f'Slides: <a href="{slides}/{deck_name(chapter)}">the chapter as a deck</a>.\n\n'
            f"**Students need**: {from_the_page(chapter.prerequisites)}\n\n"
            f"**Learning goals.** After the session, students know\n\n{goals}\n\n"
            f"**Exercises**\n\n"
            f"| Exercise | Level | Suggested use |\n| --- | --- | --- |\n{rows}\n"
        )
    return "\n".join(parts)
