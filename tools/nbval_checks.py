"""A pytest plugin that adds two checks to every notebook cell that nbval runs.

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

import tempfile
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell, coalesce_streams

from tools.claims import check_claims_in_kernel, claims_after
from tools.figures import figure_differences
from tools.output_changes import changed_outputs


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
