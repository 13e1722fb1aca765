"""A pytest plugin: nbval runs each chapter once, as students get it, and checks more.

- **One run per chapter**: a chapter of the book is collected as its trial notebook
  (:mod:`tools.trials`): the student edition's notebook with every exercise tried,
  run in a kernel of the students' environment. nbval compares every stored output
  of the chapter in it, solutions included; the verdict of every check after an
  empty, a wrong, a correct answer is judged here (:func:`tools.trials.verdict_problem`).
  With ``--in-this-environment``, the same notebook runs in a kernel of this environment
  (quick, while writing: it needs no student edition, and uses the nnlib of the book).

- **Figures**: nbval compares text outputs only, so a figure that no longer matches
  its code would go unnoticed. After nbval's own comparison, the stored PNGs are
  compared with the ones drawn now (:func:`tools.figures.figure_differences`).
- **Claims**: the sentences after the cell that state a result of the code are checked
  in the notebook's kernel (:mod:`tools.claims`), before the next cell runs.
- **The comparison can fail**: in a copy of the cell's stored outputs, one digit is
  changed or a line is drawn across the figure (:mod:`tools.output_changes`), and the
  same comparison, nbval's for text, ours for figures, must report a difference
  against the outputs of this very run. A sanitize rule or an option that hid a
  digit from nbval would show up here, and no notebook has to be run a second time.

nbval keeps what a cell printed in this run on the test item (``test_outputs``).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest
from nbval.kernel import CURRENT_ENV_KERNEL_NAME, RunningKernel
from nbval.plugin import IPyNbCell, IPyNbFile, coalesce_streams, find_metadata_tags

from tools.chapters import chapters
from tools.claims import check_claims_in_kernel, claims_after
from tools.figures import figure_differences
from tools.notebooks import ROOT
from tools.output_changes import changed_outputs
from tools.trials import (
    EDITION,
    STUDENT_KERNEL,
    STUDENT_PYTHON,
    student_kernel_folder,
    trial_notebook,
    verdict_problem,
)

TRIAL_KERNELS = ROOT / "_build" / "trial-kernels"


def pytest_addoption(parser):
    parser.addoption(
        "--in-this-environment",
        action="store_true",
        help="run each chapter's trial notebook in this environment, with the chapter's nnlib "
        "(quick, while writing: no student edition needed)",
    )


class ChapterAsStudentsGetIt(IPyNbFile):
    """A chapter of the book, collected as its trial notebook (module docstring)."""

    chapter = None

    def collect(self):
        here = self.config.option.in_this_environment
        if not here and not (STUDENT_PYTHON.exists() and (EDITION / "nnlib").is_dir()):
            raise pytest.fail.Exception(
                f"{self.path.name}: the student edition or its environment is missing: "
                "`make test` makes both (or run with --in-this-environment)"
            )
        self.nb = trial_notebook(self.chapter, where_from=not here)
        code_cells = [cell for cell in self.nb.cells if cell.cell_type == "code"]
        for number, cell in enumerate(code_cells):
            options = defaultdict(bool, find_metadata_tags(cell.metadata))
            options.setdefault("check", self.compare_outputs)
            trial = cell.metadata.get("trial")
            name = f"Cell {number}"
            if trial is not None:
                name += f" {trial['label']} {trial['role']} {trial.get('number', '')}".rstrip()
            yield IPyNbCell.from_parent(
                self, name=name, cell_num=number, cell=cell, options=options
            )

    def setup(self):
        if self.config.option.in_this_environment:
            kernel, folder = CURRENT_ENV_KERNEL_NAME, self.path.parent
        else:
            kernels = student_kernel_folder(TRIAL_KERNELS / str(os.getpid()))
            os.environ["JUPYTER_PATH"] = str(kernels)
            kernel, folder = STUDENT_KERNEL, EDITION / "notebooks"
        self.kernel = RunningKernel(
            kernel,
            cwd=str(folder),
            startup_timeout=self.config.option.nbval_kernel_startup_timeout,
        )
        self.setup_sanitize_files()


@functools.cache
def _chapters_by_path():
    return {chapter.path: chapter for chapter in chapters()}


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collected = yield
    if file_path.suffix != ".ipynb":  # the chapters are read for notebooks alone
        return collected
    chapter = _chapters_by_path().get(Path(file_path).resolve())
    if chapter is None:
        return collected
    replaced = [c for c in collected if not isinstance(c, IPyNbFile)]
    if len(replaced) < len(collected):
        collector = ChapterAsStudentsGetIt.from_parent(parent, path=file_path)
        collector.chapter = chapter
        replaced.append(collector)
    return replaced


def _figure_problems(stored_outputs, fresh_outputs) -> list[str]:
    with tempfile.TemporaryDirectory() as workdir:
        return figure_differences(stored_outputs, fresh_outputs, Path(workdir))


def unnoticed_change(stored_outputs, fresh_outputs, compare_text) -> str | None:
    """Change one stored output of a cell (a digit or its figure) and say which change,
    if any, the comparisons would let through. ``compare_text(fresh, stored)`` is
    nbval's text comparison, true when the outputs count as the same."""
    changed, kind = changed_outputs(stored_outputs)
    if kind == "figure":
        noticed = bool(_figure_problems(changed, fresh_outputs))
    elif kind == "text":
        noticed = not compare_text(fresh_outputs, changed)
    else:
        noticed = True  # no digit and no figure: nothing that could change unseen
    return None if noticed else kind


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if not isinstance(item, IPyNbCell):
        return result
    trial = item.cell.metadata.get("trial")
    if trial is not None:
        printed = "".join(o.get("text", "") for o in item.test_outputs or [])
        problem = verdict_problem(trial, printed)
        if problem is not None:
            raise AssertionError(problem)
    for cell in claims_after(item.parent.nb, item.cell):
        check_claims_in_kernel(item.parent.kernel, cell)
    if item.test_outputs is None:
        return result
    if "nbval-ignore-output" in item.cell.metadata.get("tags", []):
        return result
    problems = _figure_problems(item.cell.outputs, item.test_outputs)
    if problems:
        raise AssertionError(
            "stored figure differs from the one drawn now:\n" + "\n".join(problems)
        )
    kind = unnoticed_change(
        item.cell.outputs,
        item.test_outputs,
        lambda fresh, stored: item.compare_outputs(fresh, coalesce_streams(stored)),
    )
    if kind is not None:
        raise AssertionError(
            f"a changed {kind} in this cell's stored output would go unnoticed: "
            "is a sanitize rule or an option hiding it from the comparison?"
        )
    return result
