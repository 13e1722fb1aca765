"""Helpers shared by the book's tools and tests: which notebooks the book has, and running them."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
# The parts of language_info that do not depend on the machine (no version number).
LANGUAGE_INFO_KEYS = ("codemirror_mode", "file_extension", "mimetype", "name", "pygments_lexer")


def toc_files(root: Path = ROOT) -> list[Path]:
    """Every file named in ``_toc.yml``, in reading order, with its real suffix."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    names = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    files = []
    for name in names:
        matches = [root / f"{name}{suffix}" for suffix in (".ipynb", ".md")]
        files.extend(path for path in matches if path.exists())
    return files


def toc_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks of the book, in reading order."""
    return [path for path in toc_files(root) if path.suffix == ".ipynb"]


def clean_metadata(notebook: nbformat.NotebookNode) -> None:
    """Keep only metadata that is the same on every machine."""
    language_info = notebook.metadata.get("language_info", {})
    notebook.metadata = nbformat.from_dict(
        {
            "kernelspec": KERNELSPEC,
            "language_info": {
                k: language_info[k] for k in LANGUAGE_INFO_KEYS if k in language_info
            },
        }
    )
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)


def _environment(extra_environment: dict[str, str] | None) -> dict[str, str]:
    """This process's environment for a kernel: without MPLBACKEND, which would keep
    the figures out of the outputs, and with ``extra_environment`` added."""
    environment = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    environment.update(extra_environment or {})
    return environment


def _client(notebook: nbformat.NotebookNode, working_dir: Path) -> NotebookClient:
    return NotebookClient(
        notebook,
        timeout=300,
        kernel_name=KERNEL_NAME,
        record_timing=False,
        resources={"metadata": {"path": str(working_dir)}},
    )


def _finish(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    clean_metadata(notebook)
    merge_streams(notebook)
    return notebook


def execute(
    notebook: nbformat.NotebookNode,
    working_dir: Path,
    extra_environment: dict[str, str] | None = None,
) -> nbformat.NotebookNode:
    """Run every cell of ``notebook`` in a fresh kernel, in ``working_dir``; return it."""
    _client(notebook, working_dir).execute(env=_environment(extra_environment))
    return _finish(notebook)


def execute_all(
    notebooks: list[nbformat.NotebookNode],
    working_dir: Path,
    extra_environment: dict[str, str] | None = None,
) -> list[nbformat.NotebookNode]:
    """Like :func:`execute` for several notebooks, each in its own kernel, all at once:
    while one kernel starts up, another computes."""
    environment = _environment(extra_environment)

    async def run_all():
        clients = [_client(notebook, working_dir) for notebook in notebooks]
        await asyncio.gather(*(client.async_execute(env=environment) for client in clients))

    asyncio.run(run_all())
    return [_finish(notebook) for notebook in notebooks]


def merge_streams(notebook: nbformat.NotebookNode) -> None:
    """Join consecutive prints to the same stream into one output, as a reader sees them."""
    for cell in notebook.cells:
        merged = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (
                output.output_type == "stream"
                and previous is not None
                and previous.output_type == "stream"
                and previous.name == output.name
            ):
                previous.text += output.text
            else:
                merged.append(output)
        if "outputs" in cell:
            cell.outputs = merged
