"""The printed book and handouts (`make pdf`) hold everything, cut nothing, and keep
solutions out of the text: read back from the PDFs with pdftotext. No page shows an
empty code frame: seen by `make pdf` on the pages rendered as small images with
pdftoppm (tools.code_frames), for the PDFs as they are now."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from functools import cache

import nbformat
import numpy as np
import pytest

from tools.chapters import chapter_files, chapters
from tools.code_frames import (
    CODE_BACKGROUND,
    empty_code_frames,
    empty_code_frames_in,
    page_count,
)
from tools.install_cell import is_install_cell
from tools.notebooks import toc_files
from tools.pdf import DEFAULT_OUTPUT as PDF
from tools.pdf import PDF_MEASUREMENTS
from tools.site import file_digest

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


def test_the_book_joins_every_page_of_the_book_each_numbered_on_its_own():
    assert text_of(PDF / "book.pdf").count(" · page 1 of ") == len(toc_files())
    handouts = sum(page_count(PDF / "handouts" / f"{path.stem}.pdf") for path in chapter_files())
    others = len(toc_files()) - len(chapter_files())  # a page at least each
    assert page_count(PDF / "book.pdf") >= handouts + others


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


def test_an_empty_code_frame_is_found_and_a_frame_with_code_is_not():
    page = np.full((100, 80), 255, dtype=np.uint8)
    page[10:40, 5:75] = CODE_BACKGROUND  # a frame with a line of code
    page[20:23, 10:50] = 40
    page[70:96, 5:75] = CODE_BACKGROUND  # an empty one
    page[50:53, 5:75] = CODE_BACKGROUND - 5  # a shadow
    page[60:63, 5:20] = CODE_BACKGROUND  # inline code, a word long
    assert empty_code_frames(page) == [(70, 26)]


def test_an_empty_code_frame_printed_in_a_pdf_is_found_on_its_page(tmp_path):
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    pdf = tmp_path / "pages" / "frames.pdf"
    pdf.parent.mkdir()
    figure = Figure(figsize=(8.27, 11.69))  # A4, in inches
    grey = "#" + f"{CODE_BACKGROUND:02x}" * 3
    for bottom, height in ((0.7, 0.1), (0.05, 0.05)):  # a frame with code, an empty one
        frame = Rectangle((0.1, bottom), 0.8, height, color=grey, transform=figure.transFigure)
        figure.patches.append(frame)
    figure.text(0.15, 0.75, "print(network.run([1, 0]))", family="monospace")
    figure.savefig(pdf)
    found = empty_code_frames_in([pdf], tmp_path)
    assert list(found) == ["pages/frames.pdf"]
    assert found["pages/frames.pdf"]["sha256"] == file_digest(pdf)
    (frame,) = found["pages/frames.pdf"]["emptyCodeFrames"]
    assert re.fullmatch(r"page 1: (\d+) mm high, (\d+) mm from the top", frame), frame
    height, top = map(int, re.findall(r"\d+", frame)[1:])
    assert abs(height - 15) <= 2 and abs(top - 267) <= 2  # 5 % and 90 % of 297 mm


def test_no_page_of_any_pdf_has_an_empty_code_frame():
    """What `make pdf` found on the pages of the PDFs it printed (tools.code_frames)."""
    recorded = json.loads((PDF / PDF_MEASUREMENTS).read_text(encoding="utf-8"))
    printed = sorted(pdf.relative_to(PDF).as_posix() for pdf in PDF.rglob("*.pdf"))
    assert sorted(recorded) == printed, "the PDFs looked at are not those printed"
    for name, seen in recorded.items():
        assert seen["sha256"] == file_digest(PDF / name), f"{name} changed since `make pdf`"
    found = [
        f"{name} {frame}" for name, seen in recorded.items() for frame in seen["emptyCodeFrames"]
    ]
    assert found == []
