"""The printed book and handouts (`make pdf`) hold everything, cut nothing, and keep
solutions out of the text: read back from the PDFs with pdftotext. No page shows an
empty code frame: seen on the pages rendered as small images with pdftoppm."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from functools import cache

import nbformat
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from tools.chapters import chapter_files, chapters
from tools.install_cell import is_install_cell
from tools.pdf import DEFAULT_OUTPUT as PDF

CHAPTERS = chapters()


@pytest.fixture(scope="module", autouse=True)
def printed():
    """A test of the PDFs fails, never skips, when they are missing."""
    if not (PDF / "book.pdf").exists():
        pytest.fail(f"{PDF} holds no PDFs: `make test` prints them before the tests")


@cache
def text_of(path) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return unicodedata.normalize("NFKC", text)


def squeezed(text: str) -> str:
    """Without any white space: a line wrapped onto two lines still matches itself."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def shown_lines(chapter, with_solutions: bool) -> list[str]:
    """Every line of code and of printed output that the chapter's page shows."""
    cells = nbformat.read(chapter.path, as_version=4).cells
    solution_cells = {i for exercise in chapter.exercises for i in exercise.solution_cells}
    check_cells = {exercise.check_cell for exercise in chapter.exercises}  # not on paper
    lines = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "code" or is_install_cell(cell) or index in check_cells:
            continue
        if index in solution_cells and not with_solutions:
            continue
        if "hide-input" not in cell.metadata.get("tags", []):
            lines += cell.source.splitlines()
        for output in cell.outputs:
            if output.output_type == "stream":
                lines += output.text.splitlines()
    return [line for line in lines if line.strip()]


def solution_only_lines(chapter) -> list[str]:
    """Lines of solution code that appear nowhere else in the chapter, not even as part
    of a longer line, nor in the text of an exercise that quotes them."""
    cells = nbformat.read(chapter.path, as_version=4).cells
    solution_cells = {i for exercise in chapter.exercises for i in exercise.solution_cells}
    prose = [
        cell.source
        for index, cell in enumerate(cells)
        if cell.cell_type == "markdown" and index not in solution_cells
    ]
    shown = shown_lines(chapter, with_solutions=False) + prose
    elsewhere = "".join(squeezed(line) for line in shown)
    lines = [
        line
        for exercise in chapter.exercises
        for index in exercise.solution_cells
        if cells[index].cell_type == "code"
        for line in cells[index].source.splitlines()
        if len(squeezed(line)) > 15 and squeezed(line) not in elsewhere
    ]
    return lines


def heading(chapter) -> str:
    return f"{chapter.number}. {chapter.title.replace('`', '')}"


def test_there_is_a_handout_for_every_chapter_for_teachers_and_for_students():
    names = sorted(f"{path.stem}.pdf" for path in chapter_files())
    assert sorted(p.name for p in (PDF / "handouts").glob("*.pdf")) == names
    assert sorted(p.name for p in (PDF / "student-handouts").glob("*.pdf")) == names


def test_the_book_has_every_chapter_with_its_number_and_every_exercise_in_order():
    book = squeezed(text_of(PDF / "book.pdf"))
    positions = [book.index(squeezed(heading(chapter))) for chapter in CHAPTERS]
    assert positions == sorted(positions)
    for chapter in CHAPTERS:
        for exercise in chapter.exercises:
            assert squeezed(exercise.title.replace("`", "")) in book, exercise.title
    assert squeezed("Course outline") in book and squeezed("Running the course") in book


@pytest.mark.parametrize("edition", ["handouts", "student-handouts"])
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_every_line_of_code_and_output_is_printed_whole(chapter, edition):
    text = text_of(PDF / edition / f"{chapter.path.stem}.pdf")
    printed = squeezed(text)
    assert squeezed(heading(chapter)) in printed
    missing = [
        line
        for line in shown_lines(chapter, with_solutions=edition == "handouts")
        if squeezed(line) not in printed
    ]
    assert missing == []
    assert re.search(r"page 1 of \d+", text), "numbered pages"
    for navigation in ("Ctrl+K", "Color mode", "Contents", "Download", "Binder", "Copyright"):
        assert navigation not in text


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_solutions_follow_the_summary_for_teachers_and_are_left_out_for_students(chapter):
    teachers = squeezed(text_of(PDF / "handouts" / f"{chapter.path.stem}.pdf"))
    students = squeezed(text_of(PDF / "student-handouts" / f"{chapter.path.stem}.pdf"))
    summary = re.search(rf"{chapter.number}\.\d+\.Summary", teachers).start()  # its heading
    first_solution = teachers.index("SolutiontoExercise")
    assert summary < teachers.index("Solutions") < first_solution
    assert teachers.count("SolutiontoExercise") == len(chapter.exercises)
    assert "Solution" not in students
    leaked = solution_only_lines(chapter)
    assert leaked, "the chapter has solution code to look for"
    assert [line for line in leaked if squeezed(line) in students] == []
    assert all(squeezed(line) in teachers for line in leaked)
    for exercise in chapter.exercises:
        assert squeezed(exercise.title.replace("`", "")) in students


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_on_paper_exercises_have_plain_titles_no_check_and_students_room_to_answer(chapter):
    teachers = text_of(PDF / "handouts" / f"{chapter.path.stem}.pdf")
    students = text_of(PDF / "student-handouts" / f"{chapter.path.stem}.pdf")
    for text in (teachers, students):
        for number, exercise in enumerate(chapter.exercises, 1):
            name = exercise.title.replace("`", "")
            title = f"Exercise {chapter.number}.{number}: {name} ({exercise.level})"
            assert squeezed(title) in squeezed(text), title
            assert squeezed(f"({name} ({exercise.level}))") not in squeezed(text)
        for web_only in ("Show the check", "checks pass", "Check your answer"):
            assert web_only not in text
    assert students.count("Your answer") == len(chapter.exercises)
    assert "Your answer" not in teachers


# A code cell's frame is filled with this grey (myst-nb's source background, #f7f7f7,
# in the light theme that the PDFs are printed in); the page is white, text darker.
CODE_BACKGROUND = 0xF7
INK = 0xEB  # darker than this is something printed: text, even at a low resolution
RENDER_DPI = 30  # enough to see a line of code as ink; 1 pixel is 0.85 mm


def empty_code_frames(page: np.ndarray) -> list[tuple[int, int]]:
    """Top and height (in pixels) of each frame on a grey page image that is filled
    with the code background and holds nothing: the part of a code cell left on a
    page when its code went on to the next. Frames are told from the grey strips of
    shadows by their exact colour and from inline code by their width."""
    background = np.abs(page.astype(int) - CODE_BACKGROUND) <= 1
    labels, _ = ndimage.label(background)
    empty = []
    for rows, columns in ndimage.find_objects(labels):
        if columns.stop - columns.start < 0.3 * page.shape[1] or rows.stop - rows.start < 2:
            continue
        inside = page[rows.start + 1 : rows.stop - 1, columns.start + 1 : columns.stop - 1]
        if inside.size and inside.min() > INK:
            empty.append((rows.start, rows.stop - rows.start))
    return empty


def test_an_empty_code_frame_is_found_and_a_frame_with_code_is_not():
    page = np.full((100, 80), 255, dtype=np.uint8)
    page[10:40, 5:75] = CODE_BACKGROUND  # a frame with a line of code
    page[20:23, 10:50] = 40
    page[70:96, 5:75] = CODE_BACKGROUND  # an empty one
    page[50:53, 5:75] = CODE_BACKGROUND - 5  # a shadow
    page[60:63, 5:20] = CODE_BACKGROUND  # inline code, a word long
    assert empty_code_frames(page) == [(70, 26)]


def test_no_page_of_any_pdf_has_an_empty_code_frame(tmp_path):
    pdfs = sorted(PDF.rglob("*.pdf"))
    # One pdftoppm per PDF, all at once: together they take a few seconds.
    renderings = [
        subprocess.Popen(
            ["pdftoppm", "-r", str(RENDER_DPI), "-gray", str(pdf), str(tmp_path / f"{i}")]
        )
        for i, pdf in enumerate(pdfs)
    ]
    assert [rendering.wait() for rendering in renderings] == [0] * len(pdfs)
    mm = 25.4 / RENDER_DPI  # per pixel
    found = []
    for i, pdf in enumerate(pdfs):
        for image in sorted(tmp_path.glob(f"{i}-*.pgm")):
            page = int(image.stem.rsplit("-", 1)[1])
            for top, height in empty_code_frames(np.asarray(Image.open(image))):
                found.append(
                    f"{pdf.relative_to(PDF)} page {page}: {height * mm:.0f} mm high, "
                    f"{top * mm:.0f} mm from the top"
                )
    assert found == []
