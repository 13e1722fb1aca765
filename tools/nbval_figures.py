"""A pytest plugin: a notebook cell run by nbval also fails when its figure is stale.

nbval keeps what a cell printed in this run on the test item (``test_outputs``);
after nbval's own text comparison, this plugin compares the figures as well.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell

from tools.figures import figure_differences


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if isinstance(item, IPyNbCell) and item.test_outputs is not None:
        if "nbval-ignore-output" not in item.cell.metadata.get("tags", []):
            with tempfile.TemporaryDirectory() as workdir:
                problems = figure_differences(item.cell.outputs, item.test_outputs, Path(workdir))
            if problems:
                raise AssertionError(
                    "stored figure differs from the one drawn now:\n" + "\n".join(problems)
                )
    return result
