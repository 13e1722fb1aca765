"""Write the student edition: every chapter without its solutions, and its website.

Usage: python tools/student_edition.py [OUTPUT_DIR]   (default: _build/student)

For each chapter of _toc.yml, the solution of each exercise (its text and its code) is
removed; the exercise becomes a Markdown heading with its title and level, followed by
an empty code cell for the answer and by the exercise's check cell, whose code is folded
away in JupyterLab and whose output is a one-line verdict. Everything else stays as it
is, outputs included.

The folder also holds nnlib, a lean requirements.txt (only what the notebooks run, at
the versions the book was built with), a Makefile for `make lab`, a README and, in
html/, the student website: the chapters without solutions and without the teachers'
part, built as strictly as the full site. A zip of the folder, without the website,
is written beside it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

import nbformat
import yaml
from nbformat import NotebookNode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chapters import EXERCISE_END, Chapter, Exercise, chapters
from tools.notebooks import ROOT

DEFAULT_OUTPUT = ROOT / "_build" / "student"
SITE_FOLDER = "website"
ZIP_ROOT = "nnlib-course-student"
ANSWER_PROMPT = (
    "# Your answer to exercise {number}: write it here and run it, then run the check below.\n"
)
# What the notebooks import, tqdm for the progress bar of nnlib's `fit(progress=True)`, and
# JupyterLab with the extension that renders their MyST; and jsonschema, which JupyterLab
# needs, at the book's version: later ones bring a grammar that takes 3 s to load each
# time JupyterLab starts.
LEAN_PACKAGES = (
    "numpy",
    "scipy",
    "matplotlib",
    "scikit-learn",
    "tqdm",
    "jupyterlab",
    "jupyterlab-myst",
    "jsonschema",
)
# The code's licence (MIT) and that of the text and figures (CC BY 4.0).
LICENCE_FILES = ("LICENSE", "LICENSE-TEXT")
# Every file of the zip gets this time stamp, so that the same edition gives the same zip.
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

README = """# Neural networks from scratch in Python: student edition

The chapters of the course as Jupyter notebooks, in `notebooks/`, with the small
library `nnlib` that they import. The exercises have no solutions here. Each one is
followed by an empty code cell for your answer and by a cell that checks it: run your
answer, then the check. It prints one line: that all checks pass, or a hint that names
what is not right yet.

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

## The chapters as a website

Open `website/index.html` in a browser to read the chapters as web pages, with their
figures and formulas, also offline. They are the notebooks of this edition: exercises
without solutions, each with a button to download its notebook.

## Licence

The text and figures are licensed under the Creative Commons Attribution 4.0
International licence (CC BY 4.0, `LICENSE-TEXT`); the code, `nnlib` and the code in
the notebooks, under the MIT licence (`LICENSE`). You may share and adapt them, also
for teaching, if you name the source.
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

PYPROJECT = """[build-system]
requires = {build_requires}
build-backend = "setuptools.build_meta"

[project]
name = "nnlib"
version = "{version}"
description = "{description}"
license = "{license}"
license-files = {license_files}
requires-python = "{requires_python}"
dependencies = {dependencies}

[tool.setuptools]
packages = {packages}
"""

SITE_INTRO = """(intro)=
# {title}: student edition

The chapters of the course, with their exercises and without the solutions. Each
chapter page can be downloaded as a notebook (the download button at the top): run it
in JupyterLab, write your answer to each exercise in the empty cell below it, and run
the check that follows, which tells you whether your answer is right, or what is not
right yet.

## Chapters

{chapter_list}
"""


def _name(requirement: str) -> str:
    """The normalised project name of a pinned requirement line (PEP 503)."""
    return re.sub(r"[-_.]+", "-", requirement.split("==")[0].strip()).lower()


def lean_requirements(root: Path = ROOT) -> str:
    """requirements.txt of the edition: the book's pins of :data:`LEAN_PACKAGES`, and nnlib."""
    pins = {
        _name(line): line.strip()
        for line in (root / "requirements.txt").read_text().splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    }
    missing = [package for package in LEAN_PACKAGES if package not in pins]
    if missing:
        raise ValueError(f"requirements.txt: expected a pin for {', '.join(missing)}, found none")
    lines = [pins[package] for package in LEAN_PACKAGES]
    return (
        "# What the notebooks need, at the versions the course was built and tested with.\n"
        + "\n".join(lines)
        + "\n# nnlib, from this folder.\n-e .\n"
    )


def pyproject(root: Path = ROOT) -> str:
    """pyproject.toml of the edition: how to install nnlib, without the book's tool settings."""
    settings = tomllib.loads((root / "pyproject.toml").read_text())
    project = settings["project"]
    return PYPROJECT.format(
        build_requires=_toml_list(settings["build-system"]["requires"]),
        version=project["version"],
        description=project["description"],
        license=project["license"],
        license_files=_toml_list(project["license-files"]),
        requires_python=project["requires-python"],
        dependencies=_toml_list(project["dependencies"]),
        packages=_toml_list(settings["tool"]["setuptools"]["packages"]),
    )


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def exercise_number(chapter: Chapter, exercise: Exercise) -> str:
    return f"{chapter.number}.{chapter.exercises.index(exercise) + 1}"


def exercise_markdown(chapter: Chapter, exercise: Exercise) -> str:
    """The exercise as Markdown that every notebook viewer shows: title and level as a
    heading, under the exercise's label, to which the chapter's text may refer."""
    number = exercise_number(chapter, exercise)
    heading = f"### Exercise {number}: {exercise.title} ({exercise.level})"
    return f"({exercise.label})=\n{heading}\n\n{exercise.text}\n"


def plain_exercise_cell(chapter: Chapter, exercise: Exercise, source: str) -> str:
    """``source`` of the exercise's cell with the exercise directive made plain Markdown."""
    before, _, rest = source.partition("```{exercise-start}")
    after = rest.partition(EXERCISE_END)[2]
    return f"{before}{exercise_markdown(chapter, exercise)}{after}".strip() + "\n"


def check_cell_for_students(check: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A fresh copy of a check cell: no output yet, its code folded away in JupyterLab and
    on the website, so that the learner sees the verdict and not the expected values."""
    cell = nbformat.v4.new_code_cell(check.source)
    if "mystnb" in check.metadata:  # how the website labels the folded code
        cell.metadata["mystnb"] = check.metadata["mystnb"]
    tags = check.metadata.get("tags", [])
    cell.metadata["tags"] = [*tags, *(["hide-input"] if "hide-input" not in tags else [])]
    cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def with_ids(exercise: Exercise, **cells: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """``cells`` with ids made from the exercise's label and their role, so that the
    same chapter always gives the same notebook."""
    for role, cell in cells.items():
        cell.id = f"{exercise.label}-{role}"
    return list(cells.values())


def with_exercises_replaced(
    chapter: Chapter,
    answer_and_check: Callable[[Exercise, NotebookNode], tuple[NotebookNode, NotebookNode]],
) -> NotebookNode:
    """The chapter's notebook with each exercise's task made plain Markdown, and its
    solution and check replaced by the two cells that ``answer_and_check(exercise,
    notebook)`` makes: one for the answer, one that checks it."""
    notebook = nbformat.read(chapter.path, as_version=4)
    exercise_at = {exercise.cell: exercise for exercise in chapter.exercises}
    left_out = {
        index
        for exercise in chapter.exercises
        for index in [*exercise.solution_cells, exercise.check_cell]
    }
    cells = []
    for index, cell in enumerate(notebook.cells):
        if index in left_out:
            continue
        if index not in exercise_at:
            cells.append(cell)
            continue
        exercise = exercise_at[index]
        if exercise.check_cell is None:
            raise ValueError(f"{chapter.path.name}: exercise {exercise.label} has no check")
        task = nbformat.v4.new_markdown_cell(plain_exercise_cell(chapter, exercise, cell.source))
        answer, check = answer_and_check(exercise, notebook)
        cells += with_ids(exercise, task=task, answer=answer, check=check)
    notebook.cells = cells
    return notebook


def student_notebook(chapter: Chapter) -> nbformat.NotebookNode:
    """The chapter's notebook with each solution replaced by an empty answer cell, and the
    check of each exercise after it."""

    def answer_and_check(exercise, notebook):
        prompt = ANSWER_PROMPT.format(number=exercise_number(chapter, exercise))
        check = check_cell_for_students(notebook.cells[exercise.check_cell])
        return nbformat.v4.new_code_cell(prompt), check

    return with_exercises_replaced(chapter, answer_and_check)


def build_site(edition: Path, book: list[Chapter], root: Path = ROOT) -> Path:
    """Build the student website from the edition's notebooks into ``edition/website``."""
    config = yaml.safe_load((root / "_config.yml").read_text())
    config["title"] = f"{config['title']}: student edition"
    # No launch or repository buttons: they lead to the book's source, solutions included.
    config["launch_buttons"] = {"thebe": False}
    config["html"]["use_repository_button"] = False
    # The course outline belongs to the teachers' part, which this site leaves out; the
    # buttons that a published address brings stay out.
    config["sphinx"]["local_extensions"].pop("course_outline")
    config["sphinx"]["local_extensions"].pop("publishing")
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    toc["parts"] = [part for part in toc["parts"] if part.get("numbered")]
    chapter_list = "\n".join(f"{c.number}. {{ref}}`{c.label}`" for c in book)

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder)
        shutil.copytree(
            root / "book",
            source / "book",
            ignore=shutil.ignore_patterns("*.ipynb", "teachers", "intro.md", "__pycache__"),
        )
        for notebook in (edition / "notebooks").glob("*.ipynb"):
            shutil.copy2(notebook, source / "book" / notebook.name)
        (source / "book" / "intro.md").write_text(
            SITE_INTRO.format(title=config["title"].split(":")[0], chapter_list=chapter_list)
        )
        (source / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
        (source / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False))
        jupyter_book = Path(sys.executable).parent / "jupyter-book"
        subprocess.run(
            [str(jupyter_book), "build", str(source), "-W", "-n", "--keep-going", "-q"],
            check=True,
        )
        site = edition / SITE_FOLDER
        shutil.copytree(source / "_build" / "html", site)
    return site


def build(
    output: Path = DEFAULT_OUTPUT, root: Path = ROOT, *, with_site: bool = True
) -> tuple[Path, Path]:
    """Write the student edition of the book in ``root`` into ``output``, its website
    into ``output/website`` (unless ``with_site`` is false), and zip them; return the
    folder and the zip."""
    if output.exists():
        shutil.rmtree(output)
    (output / "notebooks").mkdir(parents=True)
    book = chapters(root)
    for chapter in book:
        nbformat.write(student_notebook(chapter), output / "notebooks" / chapter.path.name)
    shutil.copytree(root / "nnlib", output / "nnlib", ignore=shutil.ignore_patterns("__pycache__"))
    (output / "requirements.txt").write_text(lean_requirements(root))
    (output / "pyproject.toml").write_text(pyproject(root))
    (output / "README.md").write_text(README)
    for licence in LICENCE_FILES:
        shutil.copy2(root / licence, output / licence)
    # Results of the long runs that a chapter shows (benchmarks/results/<chapter>.json),
    # at the same place relative to the notebooks as in the book.
    for chapter in book:
        result = root / "benchmarks" / "results" / f"{chapter.path.stem}.json"
        if result.exists():
            (output / "benchmarks" / "results").mkdir(parents=True, exist_ok=True)
            shutil.copy2(result, output / "benchmarks" / "results" / result.name)
    (output / "Makefile").write_text(MAKEFILE)
    if with_site:
        build_site(output, book, root)

    # The zip holds the website too, so that students can read the chapters offline.
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


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    folder, archive = build(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_OUTPUT)
    print(f"student edition: {_shown(folder)}")
    print(f"student website: {_shown(folder / SITE_FOLDER)}")
    print(f"zip:             {_shown(archive)}")
