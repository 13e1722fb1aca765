"""Re-execute the book's notebooks in place, so that their stored outputs are current.

Each chapter first gets the current install cell (see tools/install_cell.py), and the
cells of its solutions are marked to stay folded in JupyterLab until opened.

Usage: python tools/execute_notebooks.py [NOTEBOOK ...]   (default: every notebook in _toc.yml)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chapters import chapter_files, fold_solutions
from tools.install_cell import with_install_cell
from tools.notebooks import execute, toc_notebooks


def main(arguments: list[str]) -> None:
    paths = [Path(argument).resolve() for argument in arguments] or toc_notebooks()
    chapters = {path.resolve() for path in chapter_files()}
    for path in paths:
        print(f"executing {path.name}", flush=True)
        notebook = nbformat.read(path, as_version=4)
        if path in chapters:
            with_install_cell(notebook)
            fold_solutions(notebook)
        execute(notebook, path.resolve().parent)
        nbformat.write(notebook, path)


if __name__ == "__main__":
    main(sys.argv[1:])
