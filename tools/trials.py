"""Each chapter as the tests run it: the student edition's notebook, with every exercise tried.

`make test` executes every chapter once, and this notebook is what it executes, in the
students' environment (`.venv-student`, made from the edition's own requirements):

- first a cell that prints where Python and nnlib come from, with the expected paths
  stored as its output, so that a kernel of the wrong environment fails;
- the student edition's notebook, whose cells outside the exercises are the chapter's
  own, with their stored outputs (and claims) to compare;
- after each exercise's check of the empty answer: each typical wrong answer of
  ``tests/wrong_answers.py`` with the check after it, each correct answer written
  differently with the check, then the chapter's own solution cells and check cell,
  with their stored outputs. A wrong answer that changes what the chapter made (trains
  its network further, overwrites its data) names those variables as a third item:
  they are copied before the answer and put back after its check, so that the answers
  after it start from the chapter's state.

Cells added here carry ``metadata["trial"]``, which says what the check's verdict must
be; :func:`verdict_problem` judges it (the plugin :mod:`tools.nbval_checks` does so
after nbval has run the cell).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from pathlib import Path

import nbformat

from nnlib.checking import FAIL_MARK, PASS_MARK
from tools.chapters import Chapter
from tools.notebooks import ROOT
from tools.student_edition import DEFAULT_OUTPUT, student_notebook

EDITION = DEFAULT_OUTPUT
STUDENT_PYTHON = ROOT / ".venv-student" / "bin" / "python"
WRONG_ANSWERS_FILE = ROOT / "tests" / "wrong_answers.py"
STUDENT_KERNEL = "nnlib-student"
# Where the students' kernels keep what Python compiles: outside the edition, which stays
# as it was built, and read by the next kernel (each would compile scikit-learn again).
STUDENT_BYTECODE = ROOT / "_build" / "student-bytecode"
WHERE_FROM = "import sys, nnlib\nprint(sys.prefix)\nprint(nnlib.__file__)"
PASSED = re.compile(rf"{PASS_MARK} (All \d+ checks pass|The check passes)\.\n")
NOT_DEFINED = "is not defined yet: write your answer in the cell above"
KEEP = "import copy\n_kept = {{name: copy.deepcopy(globals()[name]) for name in {names!r}}}"
RESTORE = "globals().update(_kept)"


def wrong_answers() -> dict[str, dict[str, list]]:
    """Every exercise's typical wrong answers, each with a piece of the verdict its check
    must print, and its correct answers written differently from the solution:
    ``{label: {"wrong": [(code, hint), ...], "right": [code, ...]}}``."""
    spec = importlib.util.spec_from_file_location("wrong_answers", WRONG_ANSWERS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ANSWERS


def student_kernel_folder(folder: Path) -> Path:
    """Write the spec of a kernel that runs in the students' environment into
    ``folder/kernels`` (a folder for ``JUPYTER_PATH``) and return ``folder``."""
    spec_folder = folder / "kernels" / STUDENT_KERNEL
    spec_folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [str(STUDENT_PYTHON), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (the students' environment)",
        "language": "python",
        "env": {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(STUDENT_BYTECODE)},
    }
    (spec_folder / "kernel.json").write_text(json.dumps(spec))
    return folder


def _trial_cell(source: str, role: str, label: str, **expected) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["trial"] = {"role": role, "label": label, **expected}
    return cell


def _where_from_cell() -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(WHERE_FROM, execution_count=1)
    expected = f"{ROOT / '.venv-student'}\n{EDITION / 'nnlib' / '__init__.py'}\n"
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=expected)]
    return cell


def trial_notebook(
    chapter: Chapter, answers: dict | None = None, *, where_from: bool = True
) -> nbformat.NotebookNode:
    """The student notebook of ``chapter`` with every exercise tried (module docstring);
    with ``where_from`` false, without the first cell, for a run in another environment.
    The student notebook is made anew: the tests show that the built edition holds it."""
    answers = wrong_answers() if answers is None else answers
    student = student_notebook(chapter)
    original = nbformat.read(chapter.path, as_version=4)
    exercise_of_check = {f"{e.label}-check": e for e in chapter.exercises}
    cells = [_where_from_cell()] if where_from else []
    for cell in student.cells:
        exercise = exercise_of_check.get(cell.get("id"))
        if exercise is None:
            cells.append(cell)
            continue
        label, check = exercise.label, cell.source
        tried = answers.get(label, {"wrong": [], "right": []})
        cells.append(_trial_cell(check, "empty-check", label))
        for number, (code, hint, *changed) in enumerate(tried["wrong"], 1):
            if changed:
                keep = KEEP.format(names=tuple(changed[0]))
                cells.append(_trial_cell(keep, "keep", label, number=number))
            cells.append(_trial_cell(code, "wrong", label, number=number))
            cells.append(_trial_cell(check, "wrong-check", label, number=number, hint=hint))
            if changed:
                cells.append(_trial_cell(RESTORE, "restore", label, number=number))
        for number, code in enumerate(tried["right"], 1):
            cells.append(_trial_cell(code, "right", label, number=number))
            cells.append(_trial_cell(check, "right-check", label, number=number))
        for index in exercise.solution_cells:
            cells.append(copy.deepcopy(original.cells[index]))
        solution_check = copy.deepcopy(original.cells[exercise.check_cell])
        solution_check.metadata["trial"] = {"role": "solution-check", "label": label}
        cells.append(solution_check)
    student.cells = cells
    return student


def verdict_problem(trial: dict, printed: str) -> str | None:
    """What is wrong with the verdict ``printed`` by a check cell of a trial, or None."""
    role, label = trial["role"], trial["label"]
    which = f"{label}, {role.replace('-', ' ')} {trial.get('number', '')}".rstrip()
    if role in ("wrong", "right", "keep", "restore"):
        return None  # an answer, or state kept for one: the check after it has the verdict
    if printed.count("\n") != 1 or not printed.endswith("\n") or "Traceback" in printed:
        return f"{which}: the verdict should be one line, got {printed!r}"
    if role == "empty-check":
        if not (printed.startswith(f"{FAIL_MARK} `") and NOT_DEFINED in printed):
            return f"{which}: the verdict should name what is not defined yet, got {printed!r}"
    elif role == "wrong-check":
        if not printed.startswith(f"{FAIL_MARK} ") or trial["hint"] not in printed:
            return f"{which}: the verdict should fail with {trial['hint']!r}, got {printed!r}"
    elif not PASSED.fullmatch(printed):
        return f"{which}: the verdict should pass, got {printed!r}"
    return None
