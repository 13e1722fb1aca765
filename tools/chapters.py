"""What a chapter notebook contains, read from its cells: title, goals, exercises, solutions
and the check of each exercise.

Chapters follow a fixed skeleton (see the tests in tests/test_notebooks.py), so these
facts can be read rather than written down twice: the course outline for teachers
and the student edition are both made from them, for every chapter in _toc.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from tools.notebooks import ROOT

LEVELS = ("easy", "medium", "hard")
EXERCISE_START = re.compile(
    r"```\{exercise-start\} (?P<title>.+) \((?P<level>easy|medium|hard)\)\n"
    r":label: (?P<label>\S+)\n```\n"
)
EXERCISE_END = "```{exercise-end}\n```"
# Without `:class: dropdown`, which the website adds (book/_ext/reader_fixes.py): in
# JupyterLab it would be a dropdown that opens empty, above the solution's cells.
SOLUTION_START = re.compile(r"```\{solution-start\} (?P<label>\S+)\n```")
SOLUTION_END = "```{solution-end}\n```"
# A check cell runs its expectations in a `with answer_check() as check:` block.
CHECK_CALL = "answer_check("
CHAPTER_HEADING = re.compile(r"^\((?P<label>chapter-[a-z-]+)\)=\n# (?P<title>.+)$", re.M)


@dataclass
class Exercise:
    label: str
    title: str
    level: str
    text: str  # the task, in MyST markdown
    cell: int  # index of the markdown cell that holds it
    solution_cells: list[int] = field(default_factory=list)  # from solution-start to -end
    check_cell: int | None = None  # the code cell after the solution that checks an answer


@dataclass
class Chapter:
    path: Path
    number: int
    label: str
    title: str
    goals: list[str]
    prerequisites: str
    exercises: list[Exercise]
    equations: list[str] = field(default_factory=list)  # labels of the numbered equations


def parts(root: Path = ROOT) -> list[list[Path]]:
    """The notebooks of each numbered part of _toc.yml, in reading order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    return [
        [root / f"{entry['file']}.ipynb" for entry in part.get("chapters", [])]
        for part in toc.get("parts", [])
        if part.get("numbered")
    ]


def chapter_files(root: Path = ROOT) -> list[Path]:
    """The notebooks of the numbered parts of _toc.yml: the chapters, in reading order."""
    return [path for part in parts(root) for path in part]


def read_chapter(path: Path, number: int) -> Chapter:
    notebook = nbformat.read(path, as_version=4)
    cells = notebook.cells
    markdown = "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    heading = CHAPTER_HEADING.search(markdown)
    if heading is None:
        raise ValueError(f"{path.name}: expected a label line '(chapter-...)=' and a title")
    exercises = {}
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        if start := EXERCISE_START.search(cell.source):
            body = cell.source[start.end() :].split(EXERCISE_END)[0].strip()
            exercises[start["label"]] = Exercise(
                start["label"], start["title"], start["level"], body, index
            )
    for label, (solution_cells, check_cell) in solutions(cells).items():
        exercises[label].solution_cells = solution_cells
        exercises[label].check_cell = check_cell
    return Chapter(
        path=path,
        number=number,
        label=heading["label"],
        title=heading["title"],
        goals=_bullets_after(markdown, "**In this chapter you will learn**"),
        prerequisites=_paragraph_after(markdown, "**What you need**:"),
        exercises=list(exercises.values()),
        equations=[equation["label"] for equation in NUMBERED_EQUATION.finditer(markdown)],
    )


def solutions(cells: list) -> dict[str, tuple[list[int], int | None]]:
    """Where the solutions are among ``cells``, by the label of their exercise: the cells
    from solution-start to solution-end, and the check right after them (or None)."""
    found = {}
    for index, cell in enumerate(cells):
        start = SOLUTION_START.fullmatch(cell.source.strip())
        if cell.cell_type != "markdown" or start is None:
            continue
        end = next(i for i in range(index, len(cells)) if cells[i].source.strip() == SOLUTION_END)
        after = cells[end + 1] if end + 1 < len(cells) else None
        is_check = after is not None and after.cell_type == "code" and CHECK_CALL in after.source
        found[start["label"]] = (list(range(index, end + 1)), end + 1 if is_check else None)
    return found


def chapters(root: Path = ROOT) -> list[Chapter]:
    return [read_chapter(path, number) for number, path in enumerate(chapter_files(root), 1)]


def _bullets_after(markdown: str, marker: str) -> list[str]:
    block = markdown.split(marker, 1)[1].strip().split("\n\n", 1)[0]
    items = re.split(r"^- ", block, flags=re.M)
    return [" ".join(item.split()) for item in items if item.strip()]


def _paragraph_after(markdown: str, marker: str) -> str:
    return " ".join(markdown.split(marker, 1)[1].strip().split("\n\n", 1)[0].split())


# The first line of each cell inside a solution, which is all that JupyterLab shows of a
# folded cell: it says what the cell is and gives nothing of the answer away (on the
# website the Markdown comment shows nothing).
SOLUTION_FIRST_LINE = {"code": "# Solution", "markdown": "<!-- Solution -->"}
# The first line of each check, all that JupyterLab shows of it until it runs.
CHECK_FIRST_LINE = "# Check your answer: run this cell after the cell with your answer."


def fold_solutions(notebook: nbformat.NotebookNode) -> None:
    """Fold the cells inside each solution, and the check after it, away in JupyterLab
    until a reader opens or runs them.

    JupyterLab keeps a cell's code (and output) collapsed when its metadata says so, and
    shows its first line, which ``SOLUTION_FIRST_LINE`` makes one that gives nothing
    away; the cells that open and close the solution stay visible as its handle. A check
    shows its first line, ``CHECK_FIRST_LINE``, and no verdict until it runs, when
    JupyterLab shows its new output.
    """
    for solution_cells, check_cell in solutions(notebook.cells).values():
        if check_cell is not None:
            check = notebook.cells[check_cell]
            check.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
        for cell in (notebook.cells[index] for index in solution_cells[1:-1]):
            folded = {"source_hidden": True}
            if cell.cell_type == "code":
                folded["outputs_hidden"] = True  # clean_metadata adds the older `collapsed`
            cell.metadata["jupyter"] = folded
            first_line = SOLUTION_FIRST_LINE[cell.cell_type]
            if cell.source.split("\n", 1)[0] != first_line:
                cell.source = f"{first_line}\n{cell.source}"


# A link from a chapter to another: a Markdown link to its notebook, which Jupyter Book
# and JupyterLab both follow (a MyST reference to a label works on the website only).
CHAPTER_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<stem>\d\d_\w+)\.ipynb\)")

# MyST's cross-references, which only Jupyter Book resolves: a label line before a
# heading, a reference to a label, a numbered display equation and a reference to it.
LABEL_LINE = re.compile(r"^\([\w-]+\)=\n", re.M)
REFERENCE = re.compile(r"\{ref\}`(?:(?P<text>[^`<]+?)\s*<(?P<target>[\w-]+)>|(?P<label>[\w-]+))`")
NUMBERED_EQUATION = re.compile(r"\$\$(?P<tex>[^$]+?)\$\$ *\((?P<label>[\w-]+)\)")
EQUATION_REFERENCE = re.compile(r"\{eq\}`(?P<label>[\w-]+)`")


def reference_texts(book: list[Chapter]) -> dict[str, str]:
    """What the website shows for each label of the chapters: a chapter's title (in
    italics, where the website shows a link), "Exercise 5.2", or an equation's number,
    "(6.1)", numbered as on the website."""
    texts = {chapter.label: f"*{chapter.title}*" for chapter in book}
    for chapter in book:
        for position, exercise in enumerate(chapter.exercises, 1):
            texts[exercise.label] = f"Exercise {chapter.number}.{position}"
        for position, label in enumerate(chapter.equations, 1):
            texts[label] = f"({chapter.number}.{position})"
    return texts


def with_plain_references(markdown: str, texts: dict[str, str]) -> str:
    """MyST ``markdown`` with its cross-references written out as the website shows them,
    for Markdown viewers that know no MyST (nbgrader's, a classic notebook): no label
    lines, each reference or link to a chapter as its text, each numbered equation with
    its number."""
    markdown = LABEL_LINE.sub("", markdown)
    markdown = CHAPTER_LINK.sub(r"*\g<text>*", markdown)
    markdown = REFERENCE.sub(lambda m: m["text"] or texts[m["label"] or m["target"]], markdown)
    markdown = NUMBERED_EQUATION.sub(
        lambda m: f"$${m['tex'].rstrip()} \\tag{{{texts[m['label']][1:-1]}}}\n$$", markdown
    )
    return EQUATION_REFERENCE.sub(lambda m: texts[m["label"]], markdown)
