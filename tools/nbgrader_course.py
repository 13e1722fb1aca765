"""Write the chapters as an nbgrader course: one assignment per chapter, graded automatically.

Usage: python tools/nbgrader_course.py [OUTPUT_DIR]   (default: _build/nbgrader)

In each chapter the exercise becomes a Markdown heading with its title and level (as in
the student edition), and its solution becomes an autograded answer cell: the solution's
code between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, which ``nbgrader
generate_assignment`` replaces by an empty answer. The solution's explanations stay in
the book. The exercise's check becomes an autograded test cell worth 1, 2 or 3 points
(easy, medium, hard), in which a failed check raises, so that nbgrader counts it as
failed; the check is a hidden test, which the released notebook leaves out and grading
puts back. A result file of the long runs that a chapter's code reads
(``benchmarks/results/<chapter>.json``) goes into the assignment's folder, which is all
that students get. The teachers' page "Running the course" walks through the workflow.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.chapters import Chapter, Exercise, chapters, reference_texts, with_plain_references
from tools.notebooks import ROOT
from tools.student_edition import exercise_number, with_exercises_replaced

DEFAULT_OUTPUT = ROOT / "_build" / "nbgrader"
TOOLS = Path(__file__).resolve().parent
COURSE_ID = "nnlib-course"
POINTS = {"easy": 1, "medium": 2, "hard": 3}
ANSWER_PROMPT = (
    "# Your answer to exercise {number}: write it here and run it, then run the check below."
)
SCHEMA_VERSION = 3

CONFIG = f'''"""nbgrader settings of the course: the chapters of the book as assignments."""

import sys
from pathlib import Path

import nbgrader
from nbgrader.converters import GenerateAssignment, GenerateFeedback

COURSE = Path(__file__).resolve().parent
sys.path.insert(0, str(COURSE))
from feedback_formulas import FormulasAsMathML  # noqa: E402 (beside this file)

c = get_config()  # noqa: F821 (given by nbgrader when it reads this file)
c.CourseDirectory.course_id = "{COURSE_ID}"
# The answer cell keeps its prompt; only the solution between the markers is removed.
c.ClearSolutions.code_stub = {{"python": ""}}
# The released notebooks keep the chapter's stored outputs and figures, as the student
# edition does: the answer and check cells have none to give away.
c.GenerateAssignment.preprocessors = [
    preprocessor
    for preprocessor in GenerateAssignment.class_traits()["preprocessors"].default()
    if preprocessor.__name__ != "ClearOutput"
]
# Feedback that shows its formulas offline: MathML instead of MathJax from a CDN.
c.GenerateFeedback.preprocessors = [
    *GenerateFeedback.class_traits()["preprocessors"].default(),
    FormulasAsMathML,
]
# templates/feedback, searched first, leaves out the MathJax script of nbgrader's page.
c.HTMLExporter.extra_template_basedirs = [
    str(COURSE / "templates"),
    str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"),
]
'''

README = """# The course as nbgrader assignments

One assignment per chapter in `source/`, each with its chapter notebook: the exercises'
answer cells hold the solutions between `### BEGIN SOLUTION` and `### END SOLUTION`, and
the check after each answer is an autograded test worth 1, 2 or 3 points (easy, medium,
hard). In this folder, with nbgrader, nnlib and latex2mathml installed (the feedback
writes its formulas as MathML with it, so that they show offline):

    nbgrader generate_assignment 01_weights     # release/: the notebook without solutions
    nbgrader collect 01_weights                 # or copy submissions to submitted/<student>/
    nbgrader autograde 01_weights               # runs each submission, scores the checks
    nbgrader generate_feedback 01_weights       # feedback/: the graded notebooks as HTML

The book's page "Running the course" explains each step.
"""


def cell_metadata(grade_id: str, *, solution: bool, points: int | None = None) -> dict:
    """nbgrader's metadata for an autograded answer (``solution``) or test (``points``) cell."""
    metadata = {
        "grade": points is not None,
        "grade_id": grade_id,
        "locked": points is not None,
        "schema_version": SCHEMA_VERSION,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        metadata["points"] = points
    return metadata


def answer_cell(
    chapter: Chapter, exercise: Exercise, notebook: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    """The autograded answer cell: the prompt, then the solution's code as the solution region."""
    code = "\n\n".join(
        notebook.cells[index].source.strip()
        for index in exercise.solution_cells
        if notebook.cells[index].cell_type == "code"
    )
    prompt = ANSWER_PROMPT.format(number=exercise_number(chapter, exercise))
    cell = nbformat.v4.new_code_cell(f"{prompt}\n### BEGIN SOLUTION\n{code}\n### END SOLUTION")
    cell.metadata["nbgrader"] = cell_metadata(f"{exercise.label}-answer", solution=True)
    return cell


HIDDEN_START, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
GRADED_LATER = "# The checks of this exercise run when it is graded.\n"
ANSWERS_CHECK = (
    "# Here you can check that your answer defines what the exercise asks for:\n"
    "from nnlib.checking import answer_check\n\n"
    "with answer_check() as check:\n"
    "    {answers}\n"
)


def answer_names(check: str) -> list[str]:
    """The names that ``check`` asks the answer for, if its block starts with
    ``check.answers(...)``, as every check of the book does."""
    block = next(node for node in ast.parse(check).body if isinstance(node, ast.With))
    first = block.body[0]
    call = first.value if isinstance(first, ast.Expr) else None
    if not (isinstance(call, ast.Call) and ast.unparse(call.func) == "check.answers"):
        return []
    return [argument.value for argument in call.args]


def test_cell(exercise: Exercise, notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The autograded test cell: the exercise's check, in grading mode, as a hidden test,
    so that the released notebook shows no expected value; visible are only the names
    the answer must define, where the check starts by asking for them."""
    source = notebook.cells[exercise.check_cell].source
    if source.count("answer_check()") != 1:
        raise ValueError(f"{exercise.label}: expected one `answer_check()` in its check cell")
    visible = GRADED_LATER
    names = answer_names(source)
    if names:
        quoted = ", ".join(f'"{name}"' for name in names)
        visible += ANSWERS_CHECK.format(answers=f"check.answers({quoted})")
    visible += "\n"
    graded = source.replace("answer_check()", "answer_check(grading=True)")
    cell = nbformat.v4.new_code_cell(f"{visible}{HIDDEN_START}\n{graded.strip()}\n{HIDDEN_END}")
    cell.metadata["nbgrader"] = cell_metadata(
        f"{exercise.label}-check", solution=False, points=POINTS[exercise.level]
    )
    return cell


def source_notebook(chapter: Chapter, references: dict[str, str]) -> nbformat.NotebookNode:
    """The chapter as the source version of an nbgrader assignment, its cross-references
    written out (``references``: see ``reference_texts``), since nbgrader's pages and the
    notebook viewers of a hub need not know MyST."""
    notebook = with_exercises_replaced(
        chapter,
        lambda exercise, notebook: (
            answer_cell(chapter, exercise, notebook),
            test_cell(exercise, notebook),
        ),
    )
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = with_plain_references(cell.source, references)
    return notebook


def assignment_name(chapter: Chapter) -> str:
    return chapter.path.stem


# A result file of the long runs that a chapter's code reads, beside the book's chapters.
RESULT_FILE = re.compile(r"""(?<=["'])\.\./(benchmarks/results/[\w.-]+\.json)(?=["'])""")


def with_result_files_inside(
    notebook: nbformat.NotebookNode,
) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook reading its result files from inside its assignment's folder (an
    assignment is handed out as that folder alone), and the files it reads."""
    read = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            read += RESULT_FILE.findall(cell.source)
            cell.source = RESULT_FILE.sub(r"\1", cell.source)
    return notebook, sorted(set(read))


def build(output: Path = DEFAULT_OUTPUT, root: Path = ROOT) -> Path:
    """Write the course of the book in ``root`` into ``output``; return ``output``."""
    if output.exists():
        shutil.rmtree(output)
    book = chapters(root)
    references = reference_texts(book)
    for chapter in book:
        folder = output / "source" / assignment_name(chapter)
        folder.mkdir(parents=True)
        notebook, result_files = with_result_files_inside(source_notebook(chapter, references))
        nbformat.write(notebook, folder / chapter.path.name)
        for result_file in result_files:
            (folder / result_file).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / result_file, folder / result_file)
    (output / "nbgrader_config.py").write_text(CONFIG)
    shutil.copy2(TOOLS / "feedback_formulas.py", output / "feedback_formulas.py")
    shutil.copytree(TOOLS / "nbgrader_templates", output / "templates")
    (output / "README.md").write_text(README)
    return output


if __name__ == "__main__":
    course = build(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_OUTPUT)
    print(f"nbgrader course: {course.relative_to(ROOT) if course.is_relative_to(ROOT) else course}")
