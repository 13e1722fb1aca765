"""The first cell of every chapter: it installs nnlib where the library is missing.

A chapter opened with the Colab or Binder launch button runs in an environment that
may not have nnlib. This cell installs it from the book's repository, whose address
and branch are the one setting ``repository`` in _config.yml, and does nothing where
nnlib is already installed (as in `make lab`, in the tests, and in the student
edition). The website does not show it (tag ``remove-cell``); the downloaded
notebook has it. `make notebooks` writes it into every chapter before running them.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import yaml

from tools.notebooks import ROOT

TAG = "remove-cell"


def install_cell_source(root: Path = ROOT) -> str:
    repository = yaml.safe_load((root / "_config.yml").read_text())["repository"]
    url = repository["url"].rstrip("/")
    return (
        "# On Colab or Binder, where nnlib may be missing: install it from the book's\n"
        "# repository. Where it is installed, this cell does nothing.\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        f'repository = "{url}.git"\n'
        f'branch = "{repository["branch"]}"\n'
        'if importlib.util.find_spec("nnlib") is None:\n'
        '    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",\n'
        '                           f"nnlib @ git+{repository}@{branch}"])\n'
    )


def is_install_cell(cell) -> bool:
    return cell.cell_type == "code" and TAG in cell.metadata.get("tags", [])


def with_install_cell(notebook: nbformat.NotebookNode, root: Path = ROOT) -> bool:
    """Put the current install cell first in ``notebook``; say whether it changed."""
    source = install_cell_source(root)
    first = notebook.cells[0] if notebook.cells else None
    if first is not None and is_install_cell(first):
        if first.source == source:
            return False
        first.source = source
        return True
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [TAG]})
    cell.id = "install-nnlib"
    notebook.cells.insert(0, cell)
    return True
