"""The first cell of every chapter: nnlib where the library is missing.

A chapter opened on Colab or Binder runs in an environment that may not have nnlib.
Where the book is published at an address set on purpose (``repository`` in
_config.yml, pinned to a tag or commit: see tools/publishing.py), this cell installs
nnlib from there; with no address set, it fetches nothing and says how to install
nnlib. Where nnlib is installed (in `make lab`, the tests and the student edition) it
does nothing. The website does not show it (tag ``remove-cell``); the downloaded
notebook has it, and JupyterLab shows it folded, as its first line, which says what it
is. `make notebooks` writes it into every chapter before running them.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat

from tools.notebooks import ROOT
from tools.publishing import published_address

TAG = "remove-cell"
# JupyterLab shows the cell folded, as this line alone (see ``with_install_cell``).
FIRST_LINE = "# Set-up: makes sure that nnlib, the library of this book, is installed."
FOLDED = {"source_hidden": True}
NOT_INSTALLED = (
    "nnlib, the library of this book, is not installed here. In your copy of the book "
    "or of its student edition, run `pip install .` (or `make lab`), or install it from "
    "the address your teacher gives you."
)


def _lines(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` characters that join up to it."""
    pieces = textwrap.wrap(text, width, drop_whitespace=False)
    return [piece for piece in pieces if piece]


def install_cell_source(root: Path = ROOT) -> str:
    address = published_address(root)
    if address is None:
        return (
            f"{FIRST_LINE}\n"
            "# This book names no address to install nnlib from, so where nnlib is\n"
            "# missing this cell says how to get it.\n"
            "import importlib.util\n"
            "\n"
            'if importlib.util.find_spec("nnlib") is None:\n'
            "    raise ModuleNotFoundError(\n"
            + "".join(f"        {line!r}\n" for line in _lines(NOT_INSTALLED, 70))
            + "    )\n"
        )
    return (
        f"{FIRST_LINE}\n"
        "# On Colab or Binder, where nnlib may be missing: install it from the book's\n"
        "# repository, at the version it was published with. Where it is installed, this\n"
        "# cell does nothing.\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        f'repository = "{address.url}.git"\n'
        f'version = "{address.ref}"  # a tag or commit\n'
        'if importlib.util.find_spec("nnlib") is None:\n'
        '    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",\n'
        '                           f"nnlib @ git+{repository}@{version}"])\n'
    )


def is_install_cell(cell) -> bool:
    return cell.cell_type == "code" and TAG in cell.metadata.get("tags", [])


def with_install_cell(notebook: nbformat.NotebookNode, root: Path = ROOT) -> bool:
    """Put the current install cell first in ``notebook``, folded in JupyterLab; say
    whether it changed."""
    source = install_cell_source(root)
    first = notebook.cells[0] if notebook.cells else None
    if first is not None and is_install_cell(first):
        if first.source == source and first.metadata.get("jupyter") == FOLDED:
            return False
        first.source = source
        first.metadata["jupyter"] = dict(FOLDED)
        return True
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [TAG], "jupyter": dict(FOLDED)})
    cell.id = "install-nnlib"
    notebook.cells.insert(0, cell)
    return True
