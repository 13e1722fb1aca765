"""Claims: the sentences of a chapter that state a result of its code, and their checks.

A sentence such as "the error falls below 0.01" must stay true when the code or the
machine changes. The markdown cell that says it lists the claim in its metadata, where
neither the website, JupyterLab nor the student edition shows it:

    "claims": [{"says": "the error falls below 0.01", "check": "errors[-1] < 0.01"}]

``check`` is a Python expression, evaluated in the notebook's kernel at the place of
the markdown cell: after every code cell above it has run, before any below it. It may
read the chapter's variables but never changes them. Both executions of a chapter
evaluate the claims: ``make notebooks`` (:class:`ClaimCheckingClient`) and the tests
(:mod:`tools.nbval_checks`, in nbval's run), and a claim that no longer holds fails.

Usage: python tools/claims.py   (prints the number of claims of each chapter)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def claims_of(cell) -> list[dict]:
    """The claims that a markdown cell makes, as listed in its metadata."""
    if cell.get("cell_type") != "markdown":
        return []
    return list(cell.get("metadata", {}).get("claims", []))


def claim_problems(cell) -> list[str]:
    """What is wrong with the form of a cell's claims (empty when each is well formed)."""
    problems = []
    for number, claim in enumerate(claims_of(cell)):
        if set(claim) != {"says", "check"}:
            problems.append(
                f"claim {number}: expected the keys says and check, got {sorted(claim)}"
            )
            continue
        if not (isinstance(claim["says"], str) and claim["says"].strip()):
            problems.append(f"claim {number}: `says` should quote the sentence it checks")
        try:
            compile(claim["check"], f"claim {number}", "eval")
        except (SyntaxError, TypeError) as error:
            problems.append(f"claim {number}: `check` is not a Python expression: {error}")
    return problems


def claims_source(cell) -> str:
    """Code that raises an AssertionError naming the first claim of ``cell`` that does not
    hold. It defines no name, so the chapter's kernel is left as it was."""
    lines = []
    for claim in claims_of(cell):
        message = f"the chapter says {claim['says']!r}, but its check fails: {claim['check']}"
        lines.append(f"if not ({claim['check']}):\n    raise AssertionError({message!r})")
    return "\n".join(lines)


def claims_after(notebook, code_cell) -> list:
    """The markdown cells with claims between ``code_cell`` and the next code cell: their
    claims are about what the notebook has computed up to ``code_cell``."""
    cells = notebook.cells
    index = next(i for i, cell in enumerate(cells) if cell is code_cell)
    found = []
    for cell in cells[index + 1 :]:
        if cell.cell_type == "code":
            break
        if claims_of(cell):
            found.append(cell)
    return found


def check_claims_in_kernel(kernel, cell, timeout: float = 120) -> None:
    """Evaluate the claims of ``cell`` in nbval's running kernel; raise an AssertionError
    that quotes the first one that does not hold."""
    message_id = kernel.execute_cell_input(claims_source(cell), allow_stdin=False)
    while True:
        reply = kernel.get_message(stream="shell", timeout=timeout)
        if reply["parent_header"].get("msg_id") == message_id:
            break
    kernel.await_idle(message_id, timeout)  # its outputs must not reach the next cell
    if reply["content"]["status"] != "ok":
        raise AssertionError(f"{reply['content']['ename']}: {reply['content']['evalue']}")


class ClaimCheckingClient(NotebookClient):
    """nbclient's NotebookClient that also checks each markdown cell's claims, in the
    kernel, when the run reaches that cell; a claim that fails stops the run."""

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if claims_of(cell):
            check = nbformat.v4.new_code_cell(claims_source(cell))
            await super().async_execute_cell(check, cell_index, store_history=False)
            # nbclient stores the cell it ran at cell_index, and counts it: undo both.
            self.nb.cells[cell_index] = cell
            self.code_cells_executed -= 1
            return cell
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)


def count_claims(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(len(claims_of(cell)) for cell in notebook.cells)


def main() -> None:
    from tools.notebooks import toc_notebooks

    total = 0
    for path in toc_notebooks():
        number = count_claims(path)
        total += number
        print(f"{path.name:32} {number:3d} claims")
    print(f"{'all chapters':32} {total:3d} claims")


if __name__ == "__main__":
    main()
