"""The library, tests, tools and notebooks pass ruff, as pyproject.toml configures it."""

import subprocess
import sys

import pytest

from tools.notebooks import ROOT

LINTED = ["nnlib", "tests", "tools", "benchmarks", "book"]


@pytest.mark.parametrize(
    "command",
    [
        ["check", *LINTED],
        ["format", "--check", "nnlib", "tests", "tools", "benchmarks", "book/_ext"],
    ],
    ids=["ruff check", "ruff format --check"],
)
def test_ruff_reports_nothing(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
