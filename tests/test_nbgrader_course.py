"""The chapters as an nbgrader course, graded by the real nbgrader.

The course is written into a temporary folder, with its own gradebook. The test runs
`nbgrader generate_assignment` for every chapter and checks every released notebook. It
hands in three submissions: one that holds the solutions, one that is the released
notebook as it is, untouched, and one that answers each exercise with a typical wrong
answer (the first of tests/wrong_answers.py). `nbgrader autograde` grades them: the
solutions get full marks, the empty and the wrong answers none, and the feedback on each
wrong answer names its mistake. Grading runs each chapter from top to bottom, so, to keep
`make test` quick, only quick chapters are handed in: the solutions for one whose answers
join several cells of code (class design), the empty notebook for the first chapter, and
the wrong answers for the chapter on `run`. `make grading` runs this module with
``NNLIB_GRADE_EVERY_CHAPTER=1``, which hands in the solutions and the wrong answers of
every chapter (about four minutes on two cores). That every check passes its
solution and fails on an empty and on every wrong answer, in every chapter, nbval shows
(tools/trials.py), with the same check cells that grading puts back. One `nbgrader
autograde` grades all submissions, and `nbgrader generate_feedback` writes their
feedback, whose formulas and cross-references must show offline.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nnlib.checking import FAIL_MARK, PASS_MARK
from tools.chapters import NUMBERED_EQUATION, chapters, reference_texts
from tools.nbgrader_course import (
    ANSWER_PROMPT,
    GRADED_LATER,
    POINTS,
    assignment_name,
    build,
)
from tools.site import link_problems
from tools.trials import wrong_answers

CHAPTERS = chapters()
WRONG_ANSWERS = wrong_answers()
REFERENCES = reference_texts(CHAPTERS)
# What each submission hands in: the assignments of these chapters.
EVERY_CHAPTER = os.environ.get("NNLIB_GRADE_EVERY_CHAPTER") == "1"
HANDED_IN = {
    "holds-solutions": [c for c in CHAPTERS if EVERY_CHAPTER or c.path.stem == "03_class_design"],
    "hands-in-empty": [chapter for chapter in CHAPTERS if chapter.path.stem == "01_weights"],
    "hands-in-wrong-answers": [
        c for c in CHAPTERS if EVERY_CHAPTER or c.path.stem == "04_run_method"
    ],
}
BIN = Path(sys.executable).parent


def nbgrader(course: Path, *arguments: str) -> subprocess.Popen:
    # nbgrader runs `alembic` from PATH to create the gradebook.
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.Popen(
        [BIN / "nbgrader", *arguments],
        cwd=course, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def finish(process: subprocess.Popen) -> str:
    output, _ = process.communicate()
    assert process.returncode == 0, output[-3000:]
    assert "[ERROR]" not in output and "| ERROR]" not in output, output[-3000:]
    return output


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return build(tmp_path_factory.mktemp("nbgrader") / "course")


@pytest.fixture(scope="module")
def graded(course):
    """Scores of both submissions: {submission: {assignment: (score, max_score)}}."""
    from nbgrader.api import Gradebook  # here, not above: it takes 2 s to import

    finish(nbgrader(course, "generate_assignment", "*"))
    for submission, handed_in_chapters in HANDED_IN.items():
        for chapter in handed_in_chapters:
            name = assignment_name(chapter)
            handed_in = course / "submitted" / submission / name
            handed_in.mkdir(parents=True)
            version = "source" if submission == "holds-solutions" else "release"
            notebook = nbformat.read(course / version / name / chapter.path.name, as_version=4)
            if submission == "hands-in-wrong-answers":
                for cell in notebook.cells:
                    if cell.id.endswith("-answer"):
                        label = cell.id.removesuffix("-answer")
                        cell.source += "\n" + WRONG_ANSWERS[label]["wrong"][0][0]
            nbformat.write(notebook, handed_in / chapter.path.name)
    finish(nbgrader(course, "autograde", "*"))
    finish(nbgrader(course, "generate_feedback", "*"))
    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for submission, handed_in_chapters in HANDED_IN.items():
            found = {
                name: gradebook.find_submission(name, submission)
                for name in map(assignment_name, handed_in_chapters)
            }
            scores[submission] = {name: (s.score, s.max_score) for name, s in found.items()}
    return scores


def test_each_typical_wrong_answer_gets_no_marks_and_feedback_that_names_its_mistake(
    graded, course
):
    for chapter in HANDED_IN["hands-in-wrong-answers"]:
        name = assignment_name(chapter)
        assert graded["hands-in-wrong-answers"][name] == (0, 6), chapter.path.name
        feedback = course / "feedback" / "hands-in-wrong-answers" / name
        page = (feedback / chapter.path.with_suffix(".html").name).read_text(encoding="utf-8")
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
        failed = re.findall(rf"{FAIL_MARK} (.*?)(?= Exercise \d| Summary¶)", text)
        assert len(failed) == len(chapter.exercises)
        for exercise, verdict in zip(chapter.exercises, failed, strict=True):
            assert WRONG_ANSWERS[exercise.label]["wrong"][0][1] in verdict, exercise.label
        # Before grading, the visible part of each check found the names it asks for.
        assert text.count(f"{PASS_MARK} Your answer defines ") == len(chapter.exercises)
        if chapter.path.stem == "04_run_method":  # as "Running the course" quotes it
            assert f"{PASS_MARK} Your answer defines `zero_network` and `zero_output`." in text


def released(course, chapter):
    name = assignment_name(chapter)
    return nbformat.read(course / "release" / name / chapter.path.name, as_version=4)


def test_the_solutions_get_full_marks(graded):
    assert graded["holds-solutions"], "no chapter's solutions were handed in"
    for chapter in HANDED_IN["holds-solutions"]:
        score, max_score = graded["holds-solutions"][assignment_name(chapter)]
        assert max_score == sum(POINTS[exercise.level] for exercise in chapter.exercises) == 6
        assert score == max_score, chapter.path.name


def test_the_empty_submission_gets_no_marks_for_the_exercises(graded):
    assert graded["hands-in-empty"], "no empty notebook was handed in"
    for chapter in HANDED_IN["hands-in-empty"]:
        score, max_score = graded["hands-in-empty"][assignment_name(chapter)]
        assert (score, max_score) == (0, 6), chapter.path.name


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_released_notebook_has_empty_answers_and_locked_checks_worth_points_by_level(
    graded, course, chapter
):
    cells = {cell.id: cell for cell in released(course, chapter).cells}
    for position, exercise in enumerate(chapter.exercises, 1):
        answer = cells[f"{exercise.label}-answer"]
        assert answer.source.strip() == ANSWER_PROMPT.format(number=f"{chapter.number}.{position}")
        assert answer.metadata["nbgrader"]["solution"] is True
        check = cells[f"{exercise.label}-check"]
        assert check.source.startswith(GRADED_LATER) and "HIDDEN TESTS" not in check.source
        assert "    check.answers(" in check.source, "students can check the names they define"
        assert "answer_check(grading=True)" not in check.source
        assert check.metadata["nbgrader"]["locked"] is True
        assert check.metadata["nbgrader"]["points"] == POINTS[exercise.level]
        assert f"({exercise.level})" in cells[f"{exercise.label}-task"].source
    text = "\n".join(cell.source for cell in cells.values())
    assert "BEGIN SOLUTION" not in text and "{solution" not in text


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_released_notebook_keeps_the_chapters_outputs_and_figures_but_not_the_solutions(
    graded, course, chapter
):
    book = nbformat.read(chapter.path, as_version=4).cells
    solutions = {i for exercise in chapter.exercises for i in exercise.solution_cells}
    checks = {exercise.check_cell for exercise in chapter.exercises}

    def figures(cells):
        return sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))

    kept = [cell for i, cell in enumerate(book) if i not in solutions | checks]
    release = released(course, chapter).cells
    assert figures(release) == figures(kept) > 0
    assert sum(len(c.get("outputs", [])) for c in release) == sum(
        len(c.get("outputs", [])) for c in kept
    )
    for cell in release:
        if cell.id.endswith(("-answer", "-check")):
            assert cell.outputs == []


def test_the_feedback_shows_formulas_and_references_offline(graded, course):
    pages = sorted((course / "feedback").rglob("*.html"))
    assert len(pages) == sum(map(len, HANDED_IN.values()))
    assert link_problems(course / "feedback") == []  # nothing loads from another host
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count("<math") >= 5, page.name
        tex = re.findall(r"\$[^$<>]*\\[a-z]+[^$<>]*\$", text)  # $...\command...$ left as TeX
        assert tex == [], (page.name, tex[:3])
        assert "{ref}" not in text and "{eq}" not in text and ")=\n" not in text, page.name


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_released_notebook_writes_out_its_cross_references(graded, course, chapter):
    cells = released(course, chapter).cells
    markdown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    assert re.findall(r"\{(?:ref|eq)\}`|^\([\w-]+\)=$", markdown, re.M) == []
    book = "\n".join(cell.source for cell in nbformat.read(chapter.path, as_version=4).cells)
    numbers = [REFERENCES[m["label"]][1:-1] for m in NUMBERED_EQUATION.finditer(book)]
    assert [n for n in numbers if f"\\tag{{{n}}}" not in markdown] == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_released_assignment_holds_every_file_its_code_reads(graded, course, chapter):
    folder = course / "release" / assignment_name(chapter)
    code = "\n".join(c.source for c in released(course, chapter).cells if c.cell_type == "code")
    assert "../" not in code, "a released assignment is handed out as its folder alone"
    for path in re.findall(r"""["']([\w/.-]+\.json)["']""", code):
        assert (folder / path).is_file(), path


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_released_notebook_shows_no_line_of_the_checks_that_grade_it(graded, course, chapter):
    book = nbformat.read(chapter.path, as_version=4).cells
    checks = {exercise.check_cell for exercise in chapter.exercises}
    elsewhere = "\n".join(cell.source for i, cell in enumerate(book) if i not in checks)
    release = {
        line.strip()
        for cell in released(course, chapter).cells
        for line in cell.source.splitlines()
    }
    visible = ("#", "from ", "import ", "check.answers(", "with answer_check(")
    for exercise in chapter.exercises:
        decisive = [
            line.strip()
            for line in book[exercise.check_cell].source.splitlines()
            if len(line.strip()) > 25
            and not line.lstrip().startswith(visible)
            and line.strip() not in elsewhere
        ]
        assert decisive, exercise.label
        assert [line for line in decisive if line in release] == [], exercise.label
