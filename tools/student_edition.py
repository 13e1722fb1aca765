"""Write the student edition: every chapter without its solutions, ready to unzip and run.

Usage: python tools/student_edition.py [OUTPUT_DIR]   (default: _build/student, and a zip beside it)

For each chapter of _toc.yml, the solution of each exercise (its text and its code) is
removed, the exercise becomes plain Markdown that Jupyter shows well, and an empty code
cell follows it for the answer. Everything else stays as it is, outputs included.
The folder also holds nnlib, requirements.txt, a Makefile for `make lab` and a README.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chapters import EXERCISE_END, Chapter, Exercise, chapters
from tools.notebooks import ROOT

DEFAULT_OUTPUT = ROOT / "_build" / "student"
ZIP_ROOT = "nnlib-course-student"
ANSWER_PROMPT = "# Your answer to exercise {number}: write and run your code here.\n"
# Every file of the zip gets this time stamp, so that the same edition gives the same zip.
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

README = """# Neural networks from scratch in Python: student edition

The chapters of the course as Jupyter notebooks, in `notebooks/`, with the small
library `nnlib` that they import. The exercises have no solutions here: each one
is followed by an empty code cell for your answer.

## Getting started

With Python 3.11 or newer and `make`:

    make lab

creates a virtual environment in `.venv` with the versions the course was tested
with (first time only, a few minutes) and opens the notebooks in JupyterLab.

Without `make`:

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt     (on Windows: .venv\\Scripts\\pip ...)
    .venv/bin/jupyter lab --notebook-dir=notebooks

Run each notebook from the top. The cells that measure time print different numbers
on your computer; every other output should match what you see stored.
"""

MAKEFILE = """# `make lab`: set up the environment on first use, then open the notebooks.
VENV := .venv

lab: $(VENV)/.installed
\t$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

$(VENV)/.installed: requirements.txt
\ttest -x $(VENV)/bin/python || python3 -m venv $(VENV)
\t$(VENV)/bin/python -m pip install --quiet -r requirements.txt
\ttouch $@

.PHONY: lab
"""


def exercise_markdown(chapter: Chapter, position: int, exercise: Exercise) -> str:
    number = f"{chapter.number}.{position}"
    return f"### Exercise {number}: {exercise.title} ({exercise.level})\n\n{exercise.text}\n"


def student_notebook(chapter: Chapter) -> nbformat.NotebookNode:
    """The chapter's notebook with each solution replaced by an empty answer cell."""
    notebook = nbformat.read(chapter.path, as_version=4)
    exercise_at = {exercise.cell: exercise for exercise in chapter.exercises}
    position = {exercise.label: index for index, exercise in enumerate(chapter.exercises, 1)}
    solution_cells = {index for exercise in chapter.exercises for index in exercise.solution_cells}
    cells = []
    for index, cell in enumerate(notebook.cells):
        if index in solution_cells:
            continue
        if index in exercise_at:
            exercise = exercise_at[index]
            number = f"{chapter.number}.{position[exercise.label]}"
            before, _, rest = cell.source.partition("```{exercise-start}")
            after = rest.partition(EXERCISE_END)[2]
            text = exercise_markdown(chapter, position[exercise.label], exercise)
            cells.append(nbformat.v4.new_markdown_cell(f"{before}{text}{after}".strip() + "\n"))
            cells.append(nbformat.v4.new_code_cell(ANSWER_PROMPT.format(number=number)))
        else:
            cells.append(cell)
    notebook.cells = cells
    return notebook


def build(output: Path = DEFAULT_OUTPUT, root: Path = ROOT) -> tuple[Path, Path]:
    """Write the student edition of the book in ``root`` into ``output``, and zip it;
    return both paths."""
    if output.exists():
        shutil.rmtree(output)
    (output / "notebooks").mkdir(parents=True)
    for chapter in chapters(root):
        nbformat.write(student_notebook(chapter), output / "notebooks" / chapter.path.name)
    shutil.copytree(root / "nnlib", output / "nnlib", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("requirements.txt", "pyproject.toml"):
        shutil.copy2(root / name, output / name)
    (output / "README.md").write_text(README)
    (output / "Makefile").write_text(MAKEFILE)

    archive = output.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(output.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(
                    f"{ZIP_ROOT}/{path.relative_to(output).as_posix()}", FIXED_TIME
                )
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zipped.writestr(info, path.read_bytes())
    return output, archive


if __name__ == "__main__":
    folder, archive = build(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_OUTPUT)
    print(f"student edition: {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
    print(
        f"zip:             {archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive}"
    )
