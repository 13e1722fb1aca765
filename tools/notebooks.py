"""Helpers shared by the book's tools and tests: which notebooks the book has, and running them."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "python3"
# Output that legitimately differs between runs, replaced before nbval compares.
SANITIZE_FILE = ROOT / "tests" / "nbval_sanitize.cfg"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
# The parts of language_info that do not depend on the machine (no version number).
LANGUAGE_INFO_KEYS = (
    "codemirror_mode",
    "file_extension",
    "mimetype",
    "name",
    "nbconvert_exporter",
    "pygments_lexer",
)


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


def page_of(source: Path, root: Path = ROOT) -> str:
    """The path, below the website's root, of the page made from the file ``source``."""
    return source.relative_to(root).with_suffix(".html").as_posix()


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
        cell.metadata.pop("scrolled", None)
        # JupyterLab writes the old name of a folded output beside the new one; so do we,
        # so that saving a notebook there changes nothing but the Python version.
        if cell.metadata.get("jupyter", {}).get("outputs_hidden"):
            cell.metadata["collapsed"] = True
        else:
            cell.metadata.pop("collapsed", None)


def _environment(extra_environment: dict[str, str] | None) -> dict[str, str]:
    """This process's environment for a kernel: without MPLBACKEND, which would keep
    the figures out of the outputs, and with ``extra_environment`` added."""
    environment = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    environment.update(extra_environment or {})
    return environment


def _client(
    notebook: nbformat.NotebookNode,
    working_dir: Path,
    client_class: type[NotebookClient] = NotebookClient,
) -> NotebookClient:
    """A client that runs ``notebook`` in ``working_dir``, in a kernel of this environment."""
    return client_class(
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
    """Run every cell of ``notebook`` in a fresh kernel, in ``working_dir``, checking its
    claims on the way (:mod:`tools.claims`); return it."""
    from tools.claims import ClaimCheckingClient

    client = _client(notebook, working_dir, client_class=ClaimCheckingClient)
    client.execute(env=_environment(extra_environment))
    return _finish(notebook)


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


def text_outputs(cell):
    """Every text that nbval compares for this cell: streams, reprs, HTML, errors."""
    for output in cell.outputs:
        if output.output_type == "stream":
            yield output.text
        elif output.output_type == "error":
            yield f"{output.ename}: {output.evalue}"
        else:
            for mime in ("text/plain", "text/html"):
                if mime in output.get("data", {}):
                    yield output.data[mime]


def sanitize_rules() -> list[tuple[str, str]]:
    lines = [
        line.rstrip("\n")
        for line in SANITIZE_FILE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) % 2 == 0, "every 'regex:' line needs a 'replace:' line after it"
    rules = []
    for regex_line, replace_line in zip(lines[::2], lines[1::2], strict=True):
        assert regex_line.startswith("regex: "), f"expected 'regex: ...', got {regex_line!r}"
        assert replace_line.startswith("replace: "), (
            f"expected 'replace: ...', got {replace_line!r}"
        )
        rules.append((regex_line.removeprefix("regex: "), replace_line.removeprefix("replace: ")))
    return rules
