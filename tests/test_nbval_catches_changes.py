"""nbval really compares: a changed output in any chapter makes its cell fail.

In copies of the chapters, every checked output is changed: a figure gets a line
drawn across it, and any other output that holds a digit gets one digit changed.
nbval (with the figure plugin of `make test`) then runs the copies, and exactly the
changed cells must fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import nbformat

from tools.figures import redrawn_png, strike_through
from tools.notebooks import ROOT, toc_notebooks

DIGIT = re.compile(r"\d")


def change_first_digit(text: str) -> str:
    return DIGIT.sub(lambda m: str((int(m.group()) + 1) % 10), text, count=1)


def change_one_output(output) -> bool:
    """Change a figure if there is one, else a digit; say whether anything changed."""
    data = output.get("data", {})
    if "image/png" in data:
        data["image/png"] = redrawn_png(data["image/png"], strike_through)
    elif output.output_type == "stream" and DIGIT.search(output.text):
        output.text = change_first_digit(output.text)
    elif output.output_type == "error" and DIGIT.search(output.evalue):
        output.evalue = change_first_digit(output.evalue)
    elif DIGIT.search(data.get("text/plain", "")):
        data["text/plain"] = change_first_digit(data["text/plain"])
    else:
        return False
    return True


def mutate(notebook) -> tuple[set[int], set[int]]:
    """Change one output of each checked code cell; return the indices of the cells
    whose figure was changed and of those whose text was changed."""
    figures, texts = set(), set()
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        has_figure = any("image/png" in o.get("data", {}) for o in cell.outputs)
        if any(change_one_output(output) for output in cell.outputs):
            (figures if has_figure else texts).add(index)
    return figures, texts


def test_a_changed_digit_or_a_stale_figure_in_any_checked_output_makes_its_cell_fail(tmp_path):
    expected, changed_figures = {}, 0
    for path in toc_notebooks():
        notebook = nbformat.read(path, as_version=4)
        figures, texts = mutate(notebook)
        expected[path.name] = figures | texts
        changed_figures += len(figures)
        nbformat.write(notebook, tmp_path / path.name)
    report = tmp_path / "report.xml"
    subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
            "--nbval", "--nbval-current-env", "-p", "tools.nbval_figures",
            f"--nbval-sanitize-with={ROOT / 'tests' / 'nbval_sanitize.cfg'}",
            f"--junitxml={report}", "--rootdir", str(tmp_path), str(tmp_path),
        ],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    failed = {name: set() for name in expected}
    passed = 0
    for case in ElementTree.parse(report).iter("testcase"):
        notebook_name = case.get("classname", "").split(".")[0] + ".ipynb"
        cell = int(case.get("name").removeprefix("Cell "))
        if case.find("failure") is not None:
            failed[notebook_name].add(cell)
        else:
            passed += 1
    assert failed == expected
    assert sum(map(len, expected.values())) > 50, "too few checked outputs to prove anything"
    assert changed_figures >= 4, "every chapter has a figure to change"
    assert passed > 0, "the unchanged cells still pass"
