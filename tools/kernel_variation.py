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

import itertools
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.figures import figure_differences
from tools.notebooks import ROOT, execute, toc_notebooks

CORETYPES = ("Sandybridge", "Prescott")
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def sanitize_rules() -> list[tuple[str, str]]:
    lines = [line for line in SANITIZE.read_text().splitlines() if line.strip()]
    rules = []
    for line, following in itertools.pairwise(lines):
        if line.startswith("regex: ") and following.startswith("replace: "):
            rules.append((line.removeprefix("regex: "), following.removeprefix("replace: ")))
    return rules


def text_of(outputs, rules) -> str:
    parts = []
    for output in outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
        else:
            data = output.get("data", {})
            parts.extend(str(data[key]) for key in ("text/plain", "text/html") if key in data)
    text = "".join(parts)
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
        old_text, new_text = text_of(old.outputs, rules), text_of(new.outputs, rules)
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
