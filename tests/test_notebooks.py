"""Checks of the stored notebooks that nbval cannot make.

nbval (run by the same pytest command) re-executes every notebook and compares the
text outputs. It passes a cell with no stored output unseen, never compares
figures, and silently ignores a malformed sanitize rule; these tests close those gaps.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

import nbformat
import pytest

from nnlib.checking import FAIL_MARK, PASS_MARK, hint_for
from tools.chapters import (
    CHAPTER_LINK,
    CHECK_FIRST_LINE,
    EQUATION_REFERENCE,
    SOLUTION_END,
    SOLUTION_FIRST_LINE,
    SOLUTION_START,
    chapter_files,
    read_chapter,
)
from tools.install_cell import is_install_cell
from tools.nbgrader_course import answer_names
from tools.notebooks import (
    KERNELSPEC,
    LANGUAGE_INFO_KEYS,
    ROOT,
    sanitize_rules,
    text_outputs,
    toc_files,
    toc_notebooks,
)

NOTEBOOKS = toc_notebooks()
CHAPTERS = chapter_files()
# A cell whose output honestly varies is one that measures time.
VARYING_OUTPUT_MARKERS = ("timeit", "perf_counter")
# The verdict of a check cell whose answer passes.
PASSED = re.compile(rf"{PASS_MARK} (All \d+ checks pass|The check passes)\.\n")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def test_the_book_has_its_fourteen_chapters_in_reading_order():
    names = [path.name for path in CHAPTERS]
    assert names == [
        "01_weights.ipynb",
        "02_activations.ipynb",
        "03_class_design.ipynb",
        "04_run_method.ipynb",
        "05_bias.ipynb",
        "06_gradient_descent.ipynb",
        "07_backpropagation.ipynb",
        "08_digits.ipynb",
        "09_timing.ipynb",
        "10_softmax.ipynb",
        "11_model_selection.ipynb",
        "12_regularisation.ipynb",
        "13_deeper_networks.ipynb",
        "14_fashion_mnist.ipynb",
    ]


def test_every_notebook_in_book_is_in_the_toc_so_nbval_and_the_site_both_see_it():
    on_disk = {
        path.resolve()
        for path in (ROOT / "book").rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.parts
    }
    assert on_disk == {path.resolve() for path in NOTEBOOKS}
    assert all(path.exists() for path in toc_files())


def test_nbval_compares_outputs_strictly_with_the_sanitize_file():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert "--nbval-lax" not in pyproject
    assert '"--nbval",' in pyproject
    assert "--nbval-sanitize-with=tests/nbval_sanitize.cfg" in pyproject


def test_every_sanitize_rule_is_well_formed_and_compiles():
    rules = sanitize_rules()
    assert rules, "the sanitize file has no rule"
    for regex, _ in rules:
        re.compile(regex)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_sanitizing_changes_no_stored_output_so_every_digit_is_compared(path):
    for cell in code_cells(read(path)):
        for text in text_outputs(cell):
            for regex, replacement in sanitize_rules():
                assert re.sub(regex, replacement, text) == text, f"rule {regex!r} masks {text!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_executed_in_order_in_one_fresh_kernel(path):
    counts = [cell.execution_count for cell in code_cells(read(path))]
    assert None not in counts, (
        f"cells never executed: {[i for i, c in enumerate(counts) if c is None]}"
    )
    assert counts == list(range(1, len(counts) + 1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_errors_are_exactly_the_cells_tagged_raises_exception(path):
    for index, cell in enumerate(code_cells(read(path))):
        has_error = any(output.output_type == "error" for output in cell.outputs)
        assert has_error == ("raises-exception" in tags(cell)), f"code cell {index}: {cell.source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_only_cells_that_measure_time_are_excluded_from_comparison(path):
    for cell in code_cells(read(path)):
        if "nbval-ignore-output" in tags(cell) or "nbval-skip" in tags(cell):
            assert any(marker in cell.source for marker in VARYING_OUTPUT_MARKERS), cell.source
            assert "nbval-skip" not in tags(cell), "a skipped cell is not even run"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_checked_outputs_hold_nothing_that_varies_between_machines_or_runs(path):
    forbidden = {
        "a memory address": r"0x[0-9a-fA-F]{6,}",
        "a NumPy 2 scalar repr": r"np\.(float|int|bool)\w*\(",
        "a matplotlib artist repr": r"<matplotlib\.",
        "a path on this machine": r"(/root/|/home/|/tmp/|\.venv|site-packages)",
    }
    for cell in code_cells(read(path)):
        if "nbval-ignore-output" in tags(cell):
            continue
        for output in cell.outputs:
            assert not (output.output_type == "stream" and output.name == "stderr"), (
                f"a warning or message on stderr: {output.text!r}"
            )
        for text in text_outputs(cell):
            for what, pattern in forbidden.items():
                assert not re.search(pattern, text), f"{what} in {text!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_that_shows_a_figure_stored_one(path):
    for cell in code_cells(read(path)):
        if "plt.show()" in cell.source:
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert len(images) == 1, f"expected one stored figure, got {len(images)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_metadata_is_clean_and_the_same_on_every_machine(path):
    check_metadata(read(path))


@pytest.mark.parametrize("path", CHAPTERS[:1], ids=lambda p: p.name)
def test_a_notebook_saved_unchanged_in_jupyterlab_still_passes(path):
    # What JupyterLab 4.6 changed when it saved a chapter opened with `make lab`
    # (measured): it added the kernel's Python version, and nothing else.
    notebook = read(path)
    notebook.metadata.language_info["version"] = "3.11.7"
    check_metadata(notebook)


def check_metadata(notebook):
    """Only metadata that is the same on every machine, and what JupyterLab adds when it
    saves a notebook unchanged: the Python version, which nothing compares."""
    assert set(notebook.metadata) == {"kernelspec", "language_info"}
    assert notebook.metadata.kernelspec == KERNELSPEC
    assert set(notebook.metadata.language_info) <= {*LANGUAGE_INFO_KEYS, "version"}
    for cell in notebook.cells:
        assert set(cell.metadata) <= {"tags", "jupyter", "collapsed", "mystnb", "claims"}, (
            cell.source
        )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_in_jupyterlab_each_solution_and_its_check_are_folded_and_everything_else_open(path):
    chapter = read_chapter(path, number=1)
    cells = read(path).cells
    inside = {i for e in chapter.exercises for i in e.solution_cells[1:-1]}
    checks = {exercise.check_cell for exercise in chapter.exercises}
    for index, cell in enumerate(cells):
        folded = cell.metadata.get("jupyter", {})
        if is_install_cell(cell):  # folded too: tests/test_install_cell.py
            continue
        if index in checks:  # its first line says what it is; no verdict before it runs
            assert folded == {"source_hidden": True, "outputs_hidden": True}
            assert cell.metadata["collapsed"] and cell.source.startswith(CHECK_FIRST_LINE)
        elif index in inside:
            assert folded.get("source_hidden") is True, cell.source
            # All that JupyterLab shows of a folded cell: its first line, which must give
            # nothing of the answer away.
            assert cell.source.split("\n", 1)[0] == SOLUTION_FIRST_LINE[cell.cell_type]
            if cell.cell_type == "code":
                assert folded.get("outputs_hidden") is True and cell.metadata["collapsed"]
        else:
            assert folded == {} and "collapsed" not in cell.metadata, cell.source


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_links_to_other_chapters_go_to_their_notebooks_which_jupyterlab_follows_too(path):
    markdown = "\n".join(cell.source for cell in read(path).cells if cell.cell_type == "markdown")
    # A MyST reference to a chapter's label works on the website only.
    assert re.findall(r"\{ref\}`[^`]*chapter-[\w-]+>?`", markdown) == []
    for link in CHAPTER_LINK.finditer(markdown):
        assert (path.parent / f"{link['stem']}.ipynb").exists(), link[0]
    # So is a reference to an equation of another chapter: JupyterLab shows its label.
    own_equations = read_chapter(path, number=1).equations
    for reference in EQUATION_REFERENCE.finditer(markdown):
        assert reference["label"] in own_equations, reference[0]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_exercise_has_a_check_after_its_solution_that_passes_it(path):
    chapter = read_chapter(path, number=1)
    cells = read(path).cells
    for exercise in chapter.exercises:
        assert exercise.check_cell == exercise.solution_cells[-1] + 1, exercise.label
        check = cells[exercise.check_cell]
        assert check.source.startswith(CHECK_FIRST_LINE)
        assert "hide-input" in tags(check)
        assert check.metadata["mystnb"]["code_prompt_show"] == "Show the check"
        # nbval compares this stored verdict with that of a fresh run of the chapter.
        assert [output.output_type for output in check.outputs] == ["stream"]
        assert PASSED.fullmatch(check.outputs[0].text), (exercise.label, check.outputs[0].text)


def names_the_answer_must_define(solution: str, check: str) -> list[str]:
    """What an answer defines that its check reads: the names the solution's cells define
    at the top level, read by the check cell, which neither assigns nor imports them."""
    check_tree = ast.parse(check)
    read, own = set(), set()
    for node in ast.walk(check_tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else own).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.arg):
            own.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            own.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
    defined = []
    for statement in ast.parse(solution).body:
        if isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
            defined.append(statement.name)
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            defined += [alias.asname or alias.name.split(".")[0] for alias in statement.names]
        else:
            defined += [
                node.id
                for node in ast.walk(statement)
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
            ]
    return list(dict.fromkeys(name for name in defined if name in read - own))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_check_first_asks_for_the_answers_names_so_a_missing_name_is_placed(path):
    """Every check starts with ``check.answers(...)``, naming exactly what the answer
    defines and the check reads: then a name missing from the answer gets the hint to
    write it, and one of the chapter's the hint to run the chapter's cells. Run alone,
    as in a fresh kernel without the chapter's cells, it names the first answer as not
    yet written, and nothing of the chapter runs before that."""
    chapter = read_chapter(path, number=1)
    cells = read(path).cells
    for exercise in chapter.exercises:
        check = cells[exercise.check_cell].source
        solution = "\n".join(
            cells[i].source for i in exercise.solution_cells if cells[i].cell_type == "code"
        )
        names = names_the_answer_must_define(solution, check)
        assert names, exercise.label
        asked = answer_names(check)  # [] where the block starts otherwise
        assert sorted(asked) == sorted(names), exercise.label
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(check, exercise.label, "exec"), {"__name__": "fresh_kernel"})
        hint = hint_for(NameError(name=asked[0]))
        assert printed.getvalue() == f"{FAIL_MARK} {hint}\n", exercise.label


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_follows_the_skeleton(path):
    notebook = read(path)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert re.match(r"\(chapter-[a-z-]+\)=\n# ", markdown), "a label, then the title"
    for heading in (
        "**In this chapter you will learn**",
        "## In `nnlib`",
        "## Exercises",
        "## Summary",
    ):
        assert heading in markdown
    assert (
        markdown.index("## In `nnlib`")
        < markdown.index("## Exercises")
        < markdown.index("## Summary")
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_has_graded_exercises_with_closed_solutions_that_run_code(path):
    chapter = read_chapter(path, number=1)
    assert len(chapter.exercises) >= 3, (
        f"expected at least 3 exercises, got {len(chapter.exercises)}"
    )
    assert {"easy", "medium", "hard"} <= {exercise.level for exercise in chapter.exercises}
    cells = read(path).cells
    for exercise in chapter.exercises:
        solution = [cells[index] for index in exercise.solution_cells]
        # Solutions open and close in cells of their own, so that tools can cut them out.
        assert SOLUTION_START.fullmatch(solution[0].source.strip())
        assert solution[-1].source.strip() == SOLUTION_END
        assert any(cell.cell_type == "code" for cell in solution), exercise.label


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_states_its_goals_and_prerequisites(path):
    chapter = read_chapter(path, number=1)
    assert len(chapter.goals) >= 3
    assert chapter.prerequisites
