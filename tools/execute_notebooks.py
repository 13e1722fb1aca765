"""Re-execute the book's notebooks in place, so that their stored outputs are current.

Usage: python tools/execute_notebooks.py [NOTEBOOK ...]   (default: every notebook in _toc.yml)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.notebooks import execute, toc_notebooks


def main(arguments: list[str]) -> None:
    paths = [Path(argument) for argument in arguments] or toc_notebooks()
    for path in paths:
        print(f"executing {path}", flush=True)
        notebook = nbformat.read(path, as_version=4)
        execute(notebook, path.resolve().parent)
        nbformat.write(notebook, path)


if __name__ == "__main__":
    main(sys.argv[1:])
