"""A term plan for teachers: weeks of two sessions, made from the chapters themselves.

The Sphinx extension ``book/_ext/course_outline.py`` writes it into the teachers' page
"Term plan" at build time, like the course outline: a chapter added to the toc, or one
that grows, changes the plan with nothing to edit by hand.

Each chapter gets sessions by its size: the minutes it takes to go through live, at
:data:`WORDS_PER_MINUTE` words of text and :data:`CODE_LINES_PER_MINUTE` lines of
code run together, in sessions of :data:`LIVE_MINUTES` live minutes each (the rest of
the 90 is questions and exercises). After each part of the book comes a session for
practice and catching up; at the end, the final project.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from tools.chapters import Chapter, chapters
from tools.install_cell import is_install_cell

MARKER = "<!-- term plan -->"
WORDS_PER_MINUTE = 50
CODE_LINES_PER_MINUTE = 5
LIVE_MINUTES = 75  # at most, of a 90-minute session; the rest for questions and exercises
SESSIONS_PER_WEEK = 2
PROJECT_SESSIONS = (
    "Final project: the data, the baselines and the plan",
    "Final project: work in class, with the teacher's feedback",
    "Final project: presentations",
)
# Weight of each part of the grade, in per cent.
ASSESSMENT = {"homework": 50, "final project": 50}


@dataclass(frozen=True)
class Session:
    what: str
    live_minutes: int  # of the chapter, 0 for practice and the project
    chapter: Chapter | None = None


def live_minutes(chapter: Chapter) -> int:
    """Minutes to go through the chapter live: its text and code, without the exercises."""
    cells = nbformat.read(chapter.path, as_version=4).cells
    exercise_cells = {
        index
        for exercise in chapter.exercises
        for index in (exercise.cell, exercise.check_cell, *exercise.solution_cells)
    }
    words = code_lines = 0
    for index, cell in enumerate(cells):
        if index in exercise_cells or is_install_cell(cell):
            continue
        if cell.cell_type == "markdown":
            words += len(cell.source.split())
        elif cell.cell_type == "code":
            code_lines += sum(1 for line in cell.source.splitlines() if line.strip())
    return round(words / WORDS_PER_MINUTE + code_lines / CODE_LINES_PER_MINUTE)


def part_ends(root: Path) -> set[int]:
    """The numbers of the chapters that end a numbered part of the book."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    ends, number = set(), 0
    for part in toc["parts"]:
        if part.get("numbered"):
            number += len(part["chapters"])
            ends.add(number)
    return ends


def sessions(root: Path) -> list[Session]:
    plan = []
    ends = part_ends(root)
    for chapter in chapters(root):
        minutes = live_minutes(chapter)
        count = max(1, math.ceil(minutes / LIVE_MINUTES))
        for part in range(1, count + 1):
            what = f"Chapter {chapter.number}: {chapter.title}"
            if count > 1:
                what += f" ({part} of {count})"
            plan.append(Session(what, math.ceil(minutes / count), chapter))
        if chapter.number in ends:
            plan.append(Session("Practice and catching up: the part's hard exercises", 0))
    plan += [Session(what, 0) for what in PROJECT_SESSIONS]
    return plan


def weeks(root: Path) -> int:
    return math.ceil(len(sessions(root)) / SESSIONS_PER_WEEK)


def term_plan_markdown(root: Path) -> str:
    rows = []
    plan = sessions(root)
    last_session_of = {}
    for index, session in enumerate(plan):
        if session.chapter is not None:
            last_session_of[session.chapter.number] = index
    for index, session in enumerate(plan):
        week, day = divmod(index, SESSIONS_PER_WEEK)
        homework = ""
        if session.chapter is not None and last_session_of[session.chapter.number] == index:
            graded = [
                f"{session.chapter.number}.{position}"
                for position, exercise in enumerate(session.chapter.exercises, 1)
                if exercise.level != "easy"
            ]
            homework = f"{', '.join(graded)}, due week {week + 2}"
        live = f"{session.live_minutes}" if session.live_minutes else ""
        rows.append(f"| {week + 1} | {day + 1} | {session.what} | {live} | {homework} |")
    return (
        f"{len(plan)} sessions in {weeks(root)} weeks.\n\n"
        "| Week | Session | What | Live minutes | Graded homework |\n"
        "| --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"
    )
