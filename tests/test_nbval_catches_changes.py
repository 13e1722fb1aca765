"""nbval really compares: a changed output makes its cell fail.

Every `make test` already tries a change on every checked cell of every chapter, in
the same run that checks the outputs (the plugin :mod:`tools.nbval_checks`): one digit
or the figure of the stored output is changed, and nbval's comparison must notice.
The tests here prove that this check works: end to end, nbval with the plugin fails on
exactly the changed cells of a chapter copy, and the check reports a comparison that
lets a change through. The same run shows that a claim of the prose (:mod:`tools.claims`)
which no longer holds fails the cell after which it is checked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import nbformat

from tools.claims import claims_of
from tools.nbval_checks import unnoticed_change
from tools.notebooks import ROOT, toc_notebooks
from tools.output_changes import change_one_output

DIGIT = re.compile(r"\d")
# The end-to-end run uses one chapter: the pipeline is the same for all of them.
CHAPTER = toc_notebooks()[1]


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


def negate_claims(notebook) -> set[int]:
    """Turn every claim of the prose into its opposite; return the indices of the code
    cells after which they are checked."""
    cells, code_index = set(), -1
    for cell in notebook.cells:
        if cell.cell_type == "code":
            code_index += 1
        for claim in claims_of(cell):
            claim["check"] = f"not ({claim['check']})"
            cells.add(code_index)
    return cells


def test_nbval_with_the_plugin_fails_on_exactly_the_changed_cells_of_a_chapter(tmp_path):
    notebook = nbformat.read(CHAPTER, as_version=4)
    figures, texts = mutate(notebook)
    claimed = negate_claims(notebook)
    nbformat.write(notebook, tmp_path / CHAPTER.name)
    report = tmp_path / "report.xml"
    subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
            "-p", "nbval.plugin", "--nbval", "--nbval-current-env", "-p", "tools.nbval_checks",
            f"--nbval-sanitize-with={ROOT / 'tests' / 'nbval_sanitize.cfg'}",
            f"--junitxml={report}", "--rootdir", str(tmp_path), str(tmp_path),
        ],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        # nbval and the checks, and no other plugin to load.
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )  # fmt: skip
    failed, passed, failed_claims = set(), 0, set()
    for case in ElementTree.parse(report).iter("testcase"):
        cell = int(case.get("name").removeprefix("Cell "))
        failure = case.find("failure")
        if failure is not None:
            failed.add(cell)
            if "the chapter says" in failure.get("message", "") + (failure.text or ""):
                failed_claims.add(cell)
        else:
            passed += 1
    assert failed == figures | texts | claimed
    # A cell whose printed text was changed fails in nbval's comparison, before its claims
    # are checked; the figures are compared after them.
    assert failed_claims == claimed - texts != set()
    assert len(texts) > 10 and len(figures) >= 2, "too few checked outputs to prove anything"
    assert passed > 0, "the unchanged cells still pass"


def stored_outputs_with_digits_and_a_figure():
    notebook = nbformat.read(CHAPTER, as_version=4)
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    text_cell = next(c for c in cells if c.outputs and DIGIT.search(c.outputs[0].get("text", "")))
    figure_cell = next(c for c in cells if "plt.show()" in c.source)
    return text_cell.outputs, figure_cell.outputs


def test_the_check_reports_a_comparison_that_lets_a_changed_digit_through():
    text_outputs, figure_outputs = stored_outputs_with_digits_and_a_figure()

    def strict(fresh, stored):
        return [o.get("text") for o in fresh] == [o.get("text") for o in stored]

    def blind_to_digits(fresh, stored):
        def masked(outputs):
            return [DIGIT.sub("#", o.get("text", "")) for o in outputs]

        return masked(fresh) == masked(stored)

    assert unnoticed_change(text_outputs, text_outputs, strict) is None
    assert unnoticed_change(text_outputs, text_outputs, blind_to_digits) == "text"
    assert unnoticed_change(figure_outputs, figure_outputs, blind_to_digits) is None
