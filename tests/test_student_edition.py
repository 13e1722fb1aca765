"""The student edition: every chapter, no solution left in it, and every notebook still runs."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import zipfile

import nbformat
import pytest

from tools.chapters import chapter_files, chapters
from tools.notebooks import execute_all
from tools.student_edition import ANSWER_PROMPT, ZIP_ROOT, build

CHAPTERS = chapters()


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    folder, archive = build(tmp_path_factory.mktemp("edition") / "student")
    return folder, archive


def student_copy(edition, chapter):
    return nbformat.read(edition[0] / "notebooks" / chapter.path.name, as_version=4)


def test_every_chapter_of_the_toc_is_in_the_edition_with_the_library_and_instructions(edition):
    folder, _ = edition
    assert sorted(p.name for p in (folder / "notebooks").iterdir()) == sorted(
        path.name for path in chapter_files()
    )
    for name in ("README.md", "requirements.txt", "pyproject.toml", "Makefile"):
        assert (folder / name).is_file()
    assert (folder / "nnlib" / "network.py").is_file()
    assert not list(folder.rglob("__pycache__"))
    assert "\nlab: " in (folder / "Makefile").read_text()


def test_the_zip_holds_the_same_files_as_the_folder(edition):
    folder, archive = edition
    in_folder = {
        f"{ZIP_ROOT}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*") if p.is_file()
    }
    with zipfile.ZipFile(archive) as zipped:
        assert set(zipped.namelist()) == in_folder
        assert (
            zipped.read(f"{ZIP_ROOT}/nnlib/weights.py")
            == (folder / "nnlib/weights.py").read_bytes()
        )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_no_solution_text_or_code_is_left(edition, chapter):
    original = nbformat.read(chapter.path, as_version=4)
    student_text = "\n".join(cell.source for cell in student_copy(edition, chapter).cells)
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
def test_each_exercise_keeps_its_task_and_gets_an_empty_answer_cell(edition, chapter):
    cells = student_copy(edition, chapter).cells
    for position, exercise in enumerate(chapter.exercises, 1):
        number = f"{chapter.number}.{position}"
        task = next(i for i, c in enumerate(cells) if f"### Exercise {number}: " in c.source)
        assert exercise.text in cells[task].source
        assert f"({exercise.level})" in cells[task].source
        answer = cells[task + 1]
        assert answer.cell_type == "code"
        assert answer.source == ANSWER_PROMPT.format(number=number)
        assert answer.outputs == [] and answer.execution_count is None


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_everything_but_the_exercises_is_intact_with_its_outputs(edition, chapter):
    original = nbformat.read(chapter.path, as_version=4)
    changed = {e.cell for e in chapter.exercises} | {
        i for e in chapter.exercises for i in e.solution_cells
    }
    kept = [cell for index, cell in enumerate(original.cells) if index not in changed]
    student = [
        cell
        for cell in student_copy(edition, chapter).cells
        if "### Exercise " not in cell.source and not cell.source.startswith("# Your answer")
    ]
    assert student == kept


@pytest.fixture(scope="module")
def student_environment(edition):
    """The environment in which a student's kernel imports the edition's own nnlib."""
    folder, _ = edition
    environment = {**os.environ, "PYTHONPATH": str(folder)}
    found = subprocess.run(
        [sys.executable, "-c", "import nnlib; print(nnlib.__file__)"],
        env=environment, cwd=folder / "notebooks", capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert found.startswith(str(folder)), f"the kernel would import another nnlib: {found}"
    return environment


@pytest.fixture(scope="module")
def executed_student_notebooks(edition, student_environment):
    notebooks = [copy.deepcopy(student_copy(edition, chapter)) for chapter in CHAPTERS]
    executed = execute_all(notebooks, edition[0] / "notebooks", student_environment)
    return dict(zip((chapter.path.name for chapter in CHAPTERS), executed, strict=True))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_every_student_notebook_runs_top_to_bottom_with_the_copied_library(
    executed_student_notebooks, chapter
):
    executed = executed_student_notebooks[chapter.path.name]
    assert all(cell.execution_count for cell in executed.cells if cell.cell_type == "code")
    for cell in executed.cells:
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if "raises-exception" not in cell.metadata.get("tags", []):
            assert errors == [], f"{cell.source[:60]!r} raised {errors[0].ename}"
