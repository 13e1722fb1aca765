"""The student edition: current, without solutions, lean, and every check gives its verdict.

`make test` first builds the edition into _build/student (`make student`) and creates
its environment in .venv-student from the edition's own requirements.txt, as a student
would. Each chapter runs once in that environment, as its trial notebook: the student
notebook with, after each exercise's check of the empty answer, typical wrong answers and
correct ones (tests/wrong_answers.py), each with its check, then the solution and its
check (tools/trials.py). nbval runs it, and the plugin tools/nbval_checks.py judges each
verdict; the tests here check what the trial notebooks hold and that the judging can fail.
"""

from __future__ import annotations

import subprocess
import tomllib
import zipfile

import nbformat
import pytest

from nnlib.checking import FAIL_MARK, PASS_MARK
from tools.chapters import chapter_files, chapters
from tools.notebooks import ROOT
from tools.student_edition import (
    ANSWER_PROMPT,
    DEFAULT_OUTPUT,
    LEAN_PACKAGES,
    SITE_FOLDER,
    ZIP_ROOT,
    lean_requirements,
    student_notebook,
)
from tools.trials import (
    NOT_DEFINED,
    STUDENT_BYTECODE,
    STUDENT_PYTHON,
    WHERE_FROM,
    trial_notebook,
    verdict_problem,
    wrong_answers,
)

CHAPTERS = chapters()
EDITION = DEFAULT_OUTPUT
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
    for module in (ROOT / "nnlib").rglob("*.py"):
        copied = edition / module.relative_to(ROOT)
        assert copied.read_bytes() == module.read_bytes(), f"{copied} is old: `make student`"
    assert "\nlab: " in (edition / "Makefile").read_text()
    assert (edition / "requirements.txt").read_text() == lean_requirements()
    assert "[tool.pytest" not in (edition / "pyproject.toml").read_text()
    # A package of nnlib missing from `packages` would be left out of a regular install.
    folders = sorted(
        ".".join(init.parent.relative_to(ROOT).parts) for init in ROOT.glob("nnlib/**/__init__.py")
    )
    for project in (ROOT, edition):
        settings = tomllib.loads((project / "pyproject.toml").read_text())
        assert sorted(settings["tool"]["setuptools"]["packages"]) == folders


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
        env={"PATH": "/usr/bin:/bin", "PYTHONPYCACHEPREFIX": str(STUDENT_BYTECODE)},
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(edition / "nnlib" / "__init__.py"), "5", "5"]
    assert "epochs" in run.stderr and "5/5" in run.stderr and "error=" in run.stderr


def test_the_zip_holds_the_edition_and_its_website_which_the_readme_names(edition):
    # Left out: what installing and running the edition add to it.
    not_zipped = {".built", "nnlib.egg-info", "__pycache__", ".ipynb_checkpoints"}
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
        for chapter in CHAPTERS:
            assert f"{ZIP_ROOT}/{SITE_FOLDER}/book/{chapter.path.stem}.html" in zipped.namelist()
    assert f"`{SITE_FOLDER}/index.html`" in (edition / "README.md").read_text()


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


# ------------------------------------------ every exercise tried, in the students' environment
# `make test` runs each chapter once, as its trial notebook (tools/trials.py), in the
# students' environment: nbval compares the stored outputs, and the plugin
# tools/nbval_checks.py judges the verdict of every check. Here: that the trial
# notebooks hold what they should, and that the judging can fail.


def test_every_exercise_has_typical_wrong_answers_and_a_correct_one_written_differently():
    answers = wrong_answers()
    assert set(answers) == {e.label for chapter in CHAPTERS for e in chapter.exercises}
    for label, tried in answers.items():
        assert len(tried["wrong"]) >= 3 and len(tried["right"]) >= 1, label
        for code, hint, *changed in tried["wrong"]:
            assert code.strip() and hint.strip(), label
            # At most one more item: the names of the variables that the answer changes.
            assert len(changed) <= 1, label
            assert all(name.isidentifier() for names in changed for name in names), label


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_the_trial_notebook_is_the_student_notebook_with_every_answer_tried(edition, chapter):
    original = nbformat.read(chapter.path, as_version=4)
    answers = wrong_answers()
    trial = trial_notebook(chapter, answers)
    assert trial.cells[0].source == WHERE_FROM and trial.cells[0].outputs
    solutions = [original.cells[i] for e in chapter.exercises for i in e.solution_cells]
    check_ids = {f"{exercise.label}-check" for exercise in chapter.exercises}
    assert [
        cell for cell in trial.cells[1:] if "trial" not in cell.metadata and cell not in solutions
    ] == [cell for cell in student_copy(chapter).cells if cell.get("id") not in check_ids]
    for exercise in chapter.exercises:
        tried = answers[exercise.label]
        label = exercise.label
        mine = [c for c in trial.cells if c.metadata.get("trial", {}).get("label") == label]
        expected = ["empty-check"]
        for _, _, *changed in tried["wrong"]:  # what a wrong answer changes is put back
            expected += ["keep"] * bool(changed) + ["wrong", "wrong-check"]
            expected += ["restore"] * bool(changed)
        expected += ["right", "right-check"] * len(tried["right"]) + ["solution-check"]
        assert [cell.metadata.trial.role for cell in mine] == expected
        assert [cell.source for cell in mine if cell.metadata.trial.role == "wrong"] == [
            code for code, *_ in tried["wrong"]
        ]
        check = original.cells[exercise.check_cell]
        assert {cell.source for cell in mine if cell.metadata.trial.role.endswith("check")} == {
            check.source
        }
        assert mine[-1].outputs == check.outputs  # the stored verdict, which nbval compares
        # The chapter's own solution cells, with their stored outputs, before its check.
        solution = [original.cells[i] for i in exercise.solution_cells]
        at = next(i for i, cell in enumerate(trial.cells) if cell is mine[-1])
        assert trial.cells[at - len(solution) : at] == solution


VERDICTS = {
    "empty-check": f"{FAIL_MARK} `weights` {NOT_DEFINED}.\n",
    "wrong-check": f"{FAIL_MARK} `weights` should be an array of shape (2, 3), got (3, 2)\n",
    "right-check": f"{PASS_MARK} All 3 checks pass.\n",
    "solution-check": f"{PASS_MARK} The check passes.\n",
}


def test_the_verdicts_are_judged_by_what_the_answer_was():
    hint = "should be an array of shape (2, 3)"
    for role, verdict in VERDICTS.items():
        trial = {"role": role, "label": "ex-x", "number": 1, "hint": hint}
        assert verdict_problem(trial, verdict) is None, role
        for other_role, other in VERDICTS.items():
            if other_role != role and {role, other_role} != {"right-check", "solution-check"}:
                assert verdict_problem(trial, other) is not None, (role, other_role)
        assert verdict_problem(trial, verdict + verdict) is not None, "two lines"
        assert verdict_problem(trial, "") is not None, "no verdict"
    wrong = {"role": "wrong-check", "label": "ex-x", "number": 1, "hint": "another mistake"}
    assert "another mistake" in verdict_problem(wrong, VERDICTS["wrong-check"])
    traceback = f"{FAIL_MARK} Traceback (most recent call last) {NOT_DEFINED}\n"
    assert verdict_problem({"role": "empty-check", "label": "ex-x"}, traceback) is not None
