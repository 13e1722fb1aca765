"""Claims: the sentences of a chapter that state a result are checked where they stand.

The checks themselves run in every `make test`, inside nbval's execution of each chapter
(:mod:`tools.nbval_checks`); `tests/test_nbval_catches_changes.py` shows end to end that a
claim which no longer holds fails its chapter there. These tests cover the form of every
chapter's claims and the other execution, `make notebooks`.
"""

from __future__ import annotations

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from tools.chapters import chapter_files
from tools.claims import claim_problems, claims_after, claims_of, claims_source
from tools.notebooks import execute

CHAPTERS = chapter_files()


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_every_claim_is_well_formed_and_follows_the_code_it_speaks_of(path):
    notebook = nbformat.read(path, as_version=4)
    first_code = next(i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code")
    problems = []
    for index, cell in enumerate(notebook.cells):
        problems += [f"cell {index}: {problem}" for problem in claim_problems(cell)]
        if claims_of(cell) and index < first_code:
            problems.append(f"cell {index}: a claim before any code has nothing to check")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_every_chapter_checks_the_results_its_prose_states(path):
    notebook = nbformat.read(path, as_version=4)
    assert sum(len(claims_of(cell)) for cell in notebook.cells) >= 3


def claim(says: str, check: str) -> dict:
    return {"says": says, "check": check}


def tiny_notebook(*claims: dict) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell("errors = [0.5, 0.1, 0.01]"),
        nbformat.v4.new_markdown_cell("The error falls.", metadata={"claims": list(claims)}),
        nbformat.v4.new_code_cell("errors.append(0.9)\nprint(len(errors))"),
    ]
    return notebook


def test_make_notebooks_stops_on_a_claim_that_does_not_hold_and_names_it(tmp_path):
    holds = claim("the error falls", "errors[-1] < errors[0]")
    fails = claim("the error ends below 0.001", "errors[-1] < 0.001")
    executed = execute(tiny_notebook(holds), tmp_path)
    # The claim is checked where it stands: before the next cell appends 0.9.
    assert executed.cells[2].outputs[0].text == "4\n"
    prose = executed.cells[1]
    assert (prose.cell_type, prose.source) == ("markdown", "The error falls."), prose
    assert prose.metadata.claims == [holds]
    assert [cell.execution_count for cell in executed.cells if cell.cell_type == "code"] == [1, 2]
    with pytest.raises(CellExecutionError, match=r"the error ends below 0\.001"):
        execute(tiny_notebook(holds, fails), tmp_path)


def test_a_claim_leaves_the_chapter_s_variables_as_they_were():
    source = claims_source(
        tiny_notebook(claim("the error falls", "errors[-1] < errors[0]")).cells[1]
    )
    namespace = {"errors": [0.5, 0.1]}
    exec(source, namespace)  # the code that the kernel runs
    assert set(namespace) == {"errors", "__builtins__"}
    with pytest.raises(AssertionError, match="the error falls"):
        exec(source, {"errors": [0.1, 0.5]})


def test_claims_belong_to_the_code_cell_before_them():
    notebook = tiny_notebook(claim("the error falls", "errors[-1] < errors[0]"))
    assert claims_after(notebook, notebook.cells[0]) == [notebook.cells[1]]
    assert claims_after(notebook, notebook.cells[2]) == []


def test_malformed_claims_are_reported():
    cell = nbformat.v4.new_markdown_cell(
        "text",
        metadata={"claims": [claim("", "x <"), {"says": "a", "checks": "x"}]},
    )
    problems = claim_problems(cell)
    assert len(problems) == 3, problems
    assert "says" in problems[0] and "not a Python expression" in problems[1]
    assert "expected the keys" in problems[2]
