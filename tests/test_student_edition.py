"""The student edition: current, without solutions, lean, and every check gives its verdict.

`make test` first builds the edition into _build/student (`make student`) and creates
its environment in .venv-student from the edition's own requirements.txt, as a student
would. The notebooks run in that environment, each from top to bottom, with, after
each exercise's check of the empty answer, a typical wrong answer and its check, then
the solution and its check (tests/wrong_answers.py): one run per chapter shows that
each check gives a readable hint for the empty and the wrong answer and passes the
solution, in the environment that students get.
"""

from __future__ import annotations

import copy
import re
import subprocess
import zipfile

import nbformat
import pytest
from wrong_answers import WRONG_ANSWERS

from nnlib.checking import FAIL_MARK, PASS_MARK
from tools.chapters import chapter_files, chapters
from tools.notebooks import ROOT, execute_all
from tools.student_edition import (
    ANSWER_PROMPT,
    DEFAULT_OUTPUT,
    LEAN_PACKAGES,
    SITE_FOLDER,
    ZIP_ROOT,
    lean_requirements,
    student_notebook,
)

CHAPTERS = chapters()
PASSED = re.compile(rf"{PASS_MARK} (All \d+ checks pass|The check passes)\.\n")
EDITION = DEFAULT_OUTPUT
STUDENT_PYTHON = ROOT / ".venv-student" / "bin" / "python"
# What the book needs to be built and tested, and students do not.
AUTHORING_TOOLS = ("jupyter-book", "sphinx", "pytest", "nbval", "playwright", "ruff", "nbgrader")


@pytest.fixture(scope="module")
def edition():
    if not (EDITION / "notebooks").is_dir() or not STUDENT_PYTHON.exists():
        pytest.fail("the student edition or its environment is missing: `make test` makes both")
    return EDITION


def student_copy(chapter):
    return nbformat.read(EDITION / "notebooks" / chapter.path.name, as_version=4)


def exercise_cells(notebook, chapter, position):
    """The task, answer and check cells of exercise ``position`` (from 1) of ``chapter``."""
    number = f"{chapter.number}.{position}"
    task = next(i for i, c in enumerate(notebook.cells) if f"### Exercise {number}: " in c.source)
    return notebook.cells[task : task + 3]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_built_edition_is_made_from_the_current_chapters(edition, chapter):
    assert student_copy(chapter) == student_notebook(chapter), "run `make student`"


def test_every_chapter_is_there_with_the_library_instructions_and_lean_requirements(edition):
    assert sorted(p.name for p in (edition / "notebooks").iterdir()) == sorted(
        path.name for path in chapter_files()
    )
    for name in ("README.md", "requirements.txt", "pyproject.toml", "Makefile"):
        assert (edition / name).is_file()
    for module in (ROOT / "nnlib").glob("*.py"):
        copied = edition / "nnlib" / module.name
        assert copied.read_bytes() == module.read_bytes(), f"{copied} is old: `make student`"
    assert "\nlab: " in (edition / "Makefile").read_text()
    assert (edition / "requirements.txt").read_text() == lean_requirements()
    assert "[tool.pytest" not in (edition / "pyproject.toml").read_text()


def test_the_lean_requirements_pin_what_students_run_at_the_books_versions():
    book_pins = {
        line.split("==")[0].lower().replace("_", "-"): line
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if "==" in line
    }
    lines = [line for line in lean_requirements().splitlines() if not line.startswith("#")]
    assert lines == [book_pins[package] for package in LEAN_PACKAGES] + ["-e ."]


def test_the_student_environment_has_what_the_notebooks_need_and_no_authoring_tool(edition):
    listed = subprocess.run(
        [STUDENT_PYTHON, "-m", "pip", "list", "--format=freeze"],
        capture_output=True, text=True, check=True,
    ).stdout.lower().replace("_", "-")  # fmt: skip
    installed = {line.split("==")[0] for line in listed.splitlines()}
    assert set(LEAN_PACKAGES) | {"ipykernel", "nnlib"} <= installed
    assert installed.isdisjoint(AUTHORING_TOOLS)


FIT_WITH_PROGRESS = """
import nnlib
from nnlib import NeuralNetwork

network = NeuralNetwork(2, 1, 3, 1.0, seed=0)
inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
history = network.fit(inputs, [[0], [1], [1], [0]], epochs=5, progress=True)
print(nnlib.__file__)
print(history.epochs, len(history.error))
"""


def test_fit_shows_its_progress_bar_in_the_students_environment(edition, tmp_path):
    run = subprocess.run(
        [STUDENT_PYTHON, "-c", FIT_WITH_PROGRESS],
        cwd=tmp_path,  # nnlib as installed in the environment, not from the current folder
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(edition / "nnlib" / "__init__.py"), "5", "5"]
    assert "epochs" in run.stderr and "5/5" in run.stderr and "error=" in run.stderr


def test_the_zip_holds_the_edition_without_its_website(edition):
    # Left out: the website, and what installing and running the edition add to it.
    not_zipped = {SITE_FOLDER, ".built", "nnlib.egg-info", "__pycache__", ".ipynb_checkpoints"}
    in_folder = {
        f"{ZIP_ROOT}/{p.relative_to(edition).as_posix()}"
        for p in edition.rglob("*")
        if p.is_file() and not_zipped.isdisjoint(p.relative_to(edition).parts)
    }
    with zipfile.ZipFile(edition.with_suffix(".zip")) as zipped:
        assert set(zipped.namelist()) == in_folder
        assert (
            zipped.read(f"{ZIP_ROOT}/nnlib/weights.py")
            == (edition / "nnlib/weights.py").read_bytes()
        )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_no_solution_text_or_code_is_left(edition, chapter):
    original = nbformat.read(chapter.path, as_version=4)
    student_text = "\n".join(cell.source for cell in student_copy(chapter).cells)
    assert "{solution" not in student_text
    assert "dropdown" not in student_text
    solution_sources = [
        original.cells[index].source.strip()
        for exercise in chapter.exercises
        for index in exercise.solution_cells
    ]
    assert len(solution_sources) >= 3 * len(chapter.exercises) > 0
    for source in solution_sources:
        assert source not in student_text, f"solution text left in: {source[:60]!r}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_each_exercise_has_its_title_and_level_an_empty_answer_cell_and_its_check(edition, chapter):
    original = nbformat.read(chapter.path, as_version=4)
    notebook = student_copy(chapter)
    for position, exercise in enumerate(chapter.exercises, 1):
        task, answer, check = exercise_cells(notebook, chapter, position)
        number = f"{chapter.number}.{position}"
        assert f"### Exercise {number}: {exercise.title} ({exercise.level})" in task.source
        assert exercise.text in task.source
        assert answer.cell_type == "code"
        assert answer.source == ANSWER_PROMPT.format(number=number)
        assert answer.outputs == [] and answer.execution_count is None
        assert check.source == original.cells[exercise.check_cell].source
        assert check.outputs == [] and check.execution_count is None
        assert check.metadata["jupyter"] == {"source_hidden": True}
        assert "hide-input" in check.metadata["tags"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_everything_but_the_exercises_is_intact_with_its_outputs(edition, chapter):
    original = nbformat.read(chapter.path, as_version=4)
    changed = set()
    for exercise in chapter.exercises:
        changed |= {exercise.cell, exercise.check_cell, *exercise.solution_cells}
    kept = [cell for index, cell in enumerate(original.cells) if index not in changed]
    exercise_ids = {
        f"{exercise.label}-{role}"
        for exercise in chapter.exercises
        for role in ("task", "answer", "check")
    }
    student = [cell for cell in student_copy(chapter).cells if cell.id not in exercise_ids]
    assert student == kept


# ---------------------------------------------------------------- in the students' environment

WHERE_FROM = "import sys, nnlib\nprint(sys.prefix)\nprint(nnlib.__file__)"


def trial_cell(source, role, label):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["trial"] = {"role": role, "label": label}
    return cell


def trial_notebook(chapter):
    """The student notebook with, after each check, a wrong answer, the check, the
    solution and the check again; and first a cell that says where nnlib comes from."""
    notebook = copy.deepcopy(student_copy(chapter))
    original = nbformat.read(chapter.path, as_version=4)
    check_ids = {f"{exercise.label}-check": exercise for exercise in chapter.exercises}
    cells = [trial_cell(WHERE_FROM, "where-from", "")]
    for cell in notebook.cells:
        cells.append(cell)
        if cell.id in check_ids:
            exercise = check_ids[cell.id]
            solution = "\n\n".join(
                original.cells[i].source
                for i in exercise.solution_cells
                if original.cells[i].cell_type == "code"
            )
            cells += [
                trial_cell(WRONG_ANSWERS[exercise.label][0], "wrong", exercise.label),
                trial_cell(cell.source, "wrong-check", exercise.label),
                trial_cell(solution, "solution", exercise.label),
                trial_cell(cell.source, "solution-check", exercise.label),
            ]
    notebook.cells = cells
    return notebook


@pytest.fixture(scope="module")
def trials(edition):
    notebooks = [trial_notebook(chapter) for chapter in CHAPTERS]
    executed = execute_all(
        notebooks,
        edition / "notebooks",
        {"PYTHONDONTWRITEBYTECODE": "1"},  # the edition stays as it was built
        kernel_python=STUDENT_PYTHON,
    )
    return dict(zip((chapter.path.name for chapter in CHAPTERS), executed, strict=True))


def printed(cell) -> str:
    return "".join(output.get("text", "") for output in cell.outputs)


def verdicts(notebook, chapter, role):
    """Each exercise's label and what its check printed, after the answer of ``role``."""
    if role == "empty":
        ids = {f"{exercise.label}-check": exercise.label for exercise in chapter.exercises}
        return {ids[cell.id]: printed(cell) for cell in notebook.cells if cell.id in ids}
    return {
        cell.metadata["trial"]["label"]: printed(cell)
        for cell in notebook.cells
        if cell.metadata.get("trial", {}).get("role") == role
    }


def test_every_exercise_has_a_typical_wrong_answer():
    assert set(WRONG_ANSWERS) == {e.label for chapter in CHAPTERS for e in chapter.exercises}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_every_notebook_runs_top_to_bottom_in_the_students_environment(trials, chapter):
    executed = trials[chapter.path.name]
    prefix, nnlib_file = printed(executed.cells[0]).split()
    assert prefix == str(ROOT / ".venv-student")
    assert nnlib_file == str(EDITION / "nnlib" / "__init__.py")
    assert all(cell.execution_count for cell in executed.cells if cell.cell_type == "code")
    for cell in executed.cells:
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if "raises-exception" not in cell.metadata.get("tags", []):
            assert errors == [], f"{cell.source[:60]!r} raised {errors[0].ename}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_each_check_names_what_is_missing_in_the_empty_answer(trials, chapter):
    for label, verdict in verdicts(trials[chapter.path.name], chapter, "empty").items():
        assert verdict.startswith(f"{FAIL_MARK} `"), f"{label}: {verdict!r}"
        assert "is not defined yet: write your answer in the cell above" in verdict, label
        assert verdict.count("\n") == 1, f"{label}: one line expected, got {verdict!r}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_each_check_gives_its_hint_for_a_typical_wrong_answer(trials, chapter):
    found = verdicts(trials[chapter.path.name], chapter, "wrong-check")
    assert set(found) == {exercise.label for exercise in chapter.exercises}
    for label, verdict in found.items():
        assert verdict.startswith(f"{FAIL_MARK} "), f"{label}: {verdict!r}"
        assert WRONG_ANSWERS[label][1] in verdict, f"{label}: {verdict!r}"
        assert verdict.count("\n") == 1 and "Traceback" not in verdict


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_each_check_passes_the_solution_after_a_wrong_answer(trials, chapter):
    found = verdicts(trials[chapter.path.name], chapter, "solution-check")
    assert set(found) == {exercise.label for exercise in chapter.exercises}
    for label, verdict in found.items():
        assert PASSED.fullmatch(verdict), f"{label}: {verdict!r}"
