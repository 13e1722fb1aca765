"""nbval really compares: a changed digit in any checked output of any chapter fails it.

Every checked text output that holds a digit gets one digit changed, in copies of the
notebooks; nbval then runs on the copies, and exactly those cells must fail.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import nbformat

from tools.notebooks import ROOT, toc_notebooks

DIGIT = re.compile(r"\d")


def change_first_digit(text: str) -> str:
    return DIGIT.sub(lambda m: str((int(m.group()) + 1) % 10), text, count=1)


def mutate(notebook) -> set[int]:
    """Change one digit in each checked output; return the indices of those code cells."""
    changed = set()
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        for output in cell.outputs:
            if output.output_type == "stream" and DIGIT.search(output.text):
                output.text = change_first_digit(output.text)
            elif output.output_type == "error" and DIGIT.search(output.evalue):
                output.evalue = change_first_digit(output.evalue)
            elif "text/plain" in output.get("data", {}) and DIGIT.search(output.data["text/plain"]):
                output.data["text/plain"] = change_first_digit(output.data["text/plain"])
            else:
                continue
            changed.add(index)
            break
    return changed


def test_a_changed_digit_in_any_checked_output_makes_nbval_fail(tmp_path):
    expected = {}
    for path in toc_notebooks():
        notebook = nbformat.read(path, as_version=4)
        expected[path.name] = mutate(notebook)
        nbformat.write(notebook, tmp_path / path.name)
    report = tmp_path / "report.xml"
    subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
            "--nbval", "--nbval-current-env",
            f"--nbval-sanitize-with={ROOT / 'tests' / 'nbval_sanitize.cfg'}",
            f"--junitxml={report}", "--rootdir", str(tmp_path), str(tmp_path),
        ],
        cwd=tmp_path, capture_output=True, text=True, check=False,
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
    assert passed > 0, "the unchanged cells still pass"
