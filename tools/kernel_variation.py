"""Which stored outputs depend on the last bits of rounding? Run by hand, never in the tests.

OpenBLAS picks its kernels for the CPU it runs on, and other kernels round differently in
the last bits. A chapter whose printed values or figures change when OpenBLAS is forced
to other kernels would show a reader on another machine something else than the book.
This script executes each chapter under each forced kernel (``OPENBLAS_CORETYPE``, both
safe on any x86-64 CPU) and compares every checked output with the stored one, as the
tests do: text after the sanitize rules, figures by matplotlib's image comparison. Cells
tagged ``nbval-ignore-output`` (timings) are left out.

Some machines set OPENBLAS_CORETYPE on purpose, which is why the tests and CI run with
the machine's own setting and only this script forces one.

Usage: python tools/kernel_variation.py [NOTEBOOK ...]   (default: every chapter)
"""

from __future__ import annotations

import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.figures import figure_differences
from tools.notebooks import execute, sanitize_rules, text_outputs, toc_notebooks

CORETYPES = ("Sandybridge", "Prescott")


def text_of(cell, rules) -> str:
    text = "".join(text_outputs(cell))
    for regex, replacement in rules:
        text = re.sub(regex, replacement, text)
    return text


def differences(stored, fresh) -> list[str]:
    """The checked code cells whose outputs differ between two runs of one notebook."""
    rules = sanitize_rules()
    found = []
    pairs = zip(stored.cells, fresh.cells, strict=True)
    for index, (old, new) in enumerate(pairs):
        if old.cell_type != "code" or "nbval-ignore-output" in old.metadata.get("tags", []):
            continue
        old_text, new_text = text_of(old, rules), text_of(new, rules)
        if old_text != new_text:
            found.append(f"cell {index}: text\n  stored: {old_text!r}\n  now:    {new_text!r}")
        with tempfile.TemporaryDirectory() as workdir:
            for problem in figure_differences(old.outputs, new.outputs, Path(workdir)):
                found.append(f"cell {index}: {problem}")
    return found


def run_under(path: Path, coretype: str) -> list[str]:
    stored = nbformat.read(path, as_version=4)
    environment = {"OPENBLAS_CORETYPE": coretype, "OPENBLAS_NUM_THREADS": "1"}
    try:
        fresh = execute(nbformat.read(path, as_version=4), path.parent, environment)
    except CellExecutionError as error:  # a claim of the prose failed, or a cell
        return [f"the run stopped: {str(error).strip().splitlines()[-1]}"]
    return differences(stored, fresh)


def main(arguments: list[str]) -> int:
    paths = [Path(argument).resolve() for argument in arguments] or toc_notebooks()
    jobs = [(path, coretype) for path in paths for coretype in CORETYPES]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: run_under(*job), jobs))
    fragile = 0
    for (path, coretype), found in zip(jobs, results, strict=True):
        status = "same outputs" if not found else f"{len(found)} differences"
        print(f"{path.name} with OPENBLAS_CORETYPE={coretype}: {status}")
        for line in found:
            print("  " + line)
        fragile += len(found)
    return 1 if fragile else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
