"""The figure comparison that `make test` adds to nbval tells stale figures apart."""

from __future__ import annotations

import nbformat

from tools.figures import figure_differences, redrawn_png, strike_through
from tools.notebooks import toc_notebooks


def stored_figure_outputs():
    notebook = nbformat.read(toc_notebooks()[1], as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and "plt.show()" in c.source)
    return cell.outputs


def redrawn(outputs, draw):
    """A copy of ``outputs`` whose figure has been changed by ``draw(image)``."""
    copies = [nbformat.from_dict(dict(output)) for output in outputs]
    for output in copies:
        if "image/png" in output.get("data", {}):
            new_png = redrawn_png(output.data["image/png"], draw)
            output.data = {**output.data, "image/png": new_png}
    return copies


def test_the_same_figure_passes(tmp_path):
    outputs = stored_figure_outputs()
    assert figure_differences(outputs, redrawn(outputs, lambda image: None), tmp_path) == []


def test_a_figure_with_a_changed_line_fails(tmp_path):
    outputs = stored_figure_outputs()
    changed = redrawn(outputs, strike_through)
    problems = figure_differences(outputs, changed, tmp_path)
    assert len(problems) == 1 and "Image files did not match" in problems[0]


def test_a_figure_that_is_no_longer_drawn_fails_with_a_hint(tmp_path):
    outputs = stored_figure_outputs()
    without = [o for o in outputs if "image/png" not in o.get("data", {})]
    assert figure_differences(outputs, without, tmp_path) == [
        "1 stored figures, 0 drawn now (is MPLBACKEND set? it keeps figures out of the outputs)"
    ]
