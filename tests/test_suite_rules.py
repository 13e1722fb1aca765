"""Rules of the test suite itself: a skipped test fails the run, the tests of nnlib
need no browser, and no property fails by its timing."""

from __future__ import annotations

import os
import subprocess
import sys

from tools.notebooks import ROOT


def run_pytest(folder, *arguments, environment=None):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
         "--rootdir", str(folder), *arguments],
        cwd=folder, capture_output=True, text=True, check=False,
        # Only the plugins named here: the run starts in a second, not in ten.
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
             **(environment or {})},
    )  # fmt: skip


def test_a_skipped_test_fails_the_run_and_is_named(tmp_path):
    (tmp_path / "test_example.py").write_text(
        "import pytest\n\n\ndef test_runs():\n    pass\n\n\n"
        "@pytest.mark.skipif(True, reason='nothing built')\ndef test_needs_a_build():\n    pass\n"
    )
    skipping = run_pytest(tmp_path, "-p", "tests.conftest", "test_example.py")
    assert skipping.returncode == 1, skipping.stdout
    assert "1 tests were skipped, which fails the run" in skipping.stdout
    assert "test_needs_a_build" in skipping.stdout
    assert "1 passed, 1 skipped" in skipping.stdout


def test_the_tests_of_nnlib_run_where_the_browser_cannot_be_imported(tmp_path):
    fake = tmp_path / "no-browser" / "playwright"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('no browser on this machine')\n")
    environment = {"PYTHONPATH": os.pathsep.join([str(fake.parent), str(ROOT)])}
    result = run_pytest(
        ROOT, "-p", "no:randomly", str(ROOT / "tests" / "test_checks.py"), "-x",
        environment=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]
    assert " passed" in result.stdout


def test_hypothesis_has_no_deadline_and_keeps_the_examples_of_the_quick_settings(tmp_path):
    (tmp_path / "test_example.py").write_text(
        "from hypothesis import settings\n\n\ndef test_settings():\n"
        "    print('deadline', settings.default.deadline,"
        " 'examples', settings.default.max_examples)\n"
    )
    full = run_pytest(tmp_path, "-s", "-p", "tests.conftest", "test_example.py")
    quick = run_pytest(
        tmp_path, "-s", "-p", "tests.hypothesis_quick", "-p", "tests.conftest", "test_example.py"
    )
    assert "deadline None examples 100" in full.stdout, full.stdout
    assert "deadline None examples 25" in quick.stdout, quick.stdout
