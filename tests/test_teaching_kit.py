"""The teachers' part covers every chapter, including one added later without changing a tool."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

from tools.chapters import chapter_files, chapters
from tools.course_outline import outline_markdown
from tools.notebooks import ROOT
from tools.site import SITE
from tools.student_edition import LICENCE_FILES, build

OUTLINE_PAGE = SITE / "book" / "teachers" / "course_outline.html"


@pytest.fixture
def book_with_an_extra_chapter(tmp_path):
    """A copy of the book with a fifth chapter appended to the toc."""
    for name in ("_toc.yml", "requirements.txt", "pyproject.toml", *LICENCE_FILES):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "nnlib", tmp_path / "nnlib")
    shutil.copytree(ROOT / "book", tmp_path / "book", ignore=shutil.ignore_patterns("_*"))
    extra = nbformat.read(ROOT / "book" / "01_weights.ipynb", as_version=4)
    for cell in extra.cells:
        cell.source = cell.source.replace("chapter-weights", "chapter-extra").replace(
            "# Weights and the matrix form of a layer", "# An extra chapter"
        )
        cell.source = re.sub(r"ex-weights-", "ex-extra-", cell.source)
    nbformat.write(extra, tmp_path / "book" / "05_extra.ipynb")
    toc = yaml.safe_load((tmp_path / "_toc.yml").read_text())
    toc["parts"][0]["chapters"].append({"file": "book/05_extra"})
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc))
    return tmp_path


def test_the_outline_has_a_session_for_every_chapter_with_its_goals_and_exercises():
    outline = outline_markdown(ROOT)
    for chapter in chapters():
        assert f"## Session {chapter.number}: {chapter.title}\n" in outline
        for goal in chapter.goals:
            assert f"- {goal}\n" in outline
        for exercise in chapter.exercises:
            assert re.search(rf"<{exercise.label}>` \| {exercise.level} \| ", outline)


@pytest.mark.usefixtures("built_site")
def test_the_built_outline_page_links_every_exercise_of_every_chapter():
    page = BeautifulSoup(OUTLINE_PAGE.read_text(), "html.parser")
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    sessions = [" ".join(heading.get_text().split()) for heading in page.select("section > h2")]
    titles = [chapter.title.replace("`", "") for chapter in chapters()]
    assert [s for s in sessions if s.startswith("Session")] == [
        f"Session {number}: {title}" for number, title in enumerate(titles, 1)
    ]
    links = {link["href"].split("#")[-1] for link in page.select("table a[href]")}
    labels = {exercise.label for chapter in chapters() for exercise in chapter.exercises}
    assert labels <= links


def test_a_chapter_added_to_the_toc_is_in_the_outline(book_with_an_extra_chapter):
    outline = outline_markdown(book_with_an_extra_chapter)
    assert "## Session 5: An extra chapter\n" in outline
    assert "<ex-extra-mass>` | hard |" in outline


def test_a_chapter_added_to_the_toc_is_in_the_student_edition(book_with_an_extra_chapter, tmp_path):
    folder, _ = build(tmp_path / "student", root=book_with_an_extra_chapter, with_site=False)
    names = sorted(path.name for path in (folder / "notebooks").iterdir())
    assert names == sorted([*(path.name for path in chapter_files()), "05_extra.ipynb"])
    extra = (folder / "notebooks" / "05_extra.ipynb").read_text()
    assert "### Exercise 5.3: How much is cut off? (hard)" in extra
    assert "{solution" not in extra
