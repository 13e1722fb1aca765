"""The teachers' part covers every chapter, including one added later without changing a tool."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

from tools.chapters import CHAPTER_LINK, chapter_files, chapters
from tools.course_outline import outline_markdown
from tools.notebooks import ROOT
from tools.site import SITE
from tools.student_edition import LICENCE_FILES, build
from tools.term_plan import live_minutes, sessions, term_plan_markdown, weeks

OUTLINE_PAGE = SITE / "book" / "teachers" / "course_outline.html"
TERM_PLAN_PAGE = SITE / "book" / "teachers" / "term_plan.html"


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
        for goal in chapter.goals:  # links to chapters lead there from the teachers' page
            linked_from_the_page = CHAPTER_LINK.sub(r"[\g<text>](../\g<stem>.ipynb)", goal)
            assert f"- {linked_from_the_page}\n" in outline
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


def test_the_term_plan_takes_10_to_14_weeks_and_gives_every_chapter_time_by_its_size():
    plan = sessions(ROOT)
    assert 10 <= weeks(ROOT) <= 14
    count = {c.number: sum(s.chapter == c for s in plan) for c in chapters()}
    assert all(count[c.number] >= 1 for c in chapters())
    by_size = sorted(chapters(), key=live_minutes)
    assert [count[c.number] for c in by_size] == sorted(count[c.number] for c in by_size)
    assert all(0 < s.live_minutes <= 75 for s in plan if s.chapter is not None)
    assert count[max(by_size, key=live_minutes).number] > count[by_size[0].number]
    practice = [i for i, s in enumerate(plan) if s.what.startswith("Practice")]
    assert len(practice) == 3 and plan[-1].what == "Final project: presentations"


def test_the_term_plan_sets_the_medium_and_hard_exercises_of_every_chapter_as_homework():
    table = term_plan_markdown(ROOT)
    for chapter in chapters():
        graded = [f"{chapter.number}.{i}" for i, e in enumerate(chapter.exercises, 1)]
        assert re.search(rf"\| {', '.join(graded[1:])}, due week \d+ \|", table), chapter.title


def test_a_chapter_added_to_the_toc_is_in_the_term_plan(book_with_an_extra_chapter):
    assert "| Chapter 5: An extra chapter | " in term_plan_markdown(book_with_an_extra_chapter)
    assert "| Chapter 5: An extra chapter | " not in term_plan_markdown(ROOT)


@pytest.mark.usefixtures("built_site")
def test_the_built_term_plan_page_has_the_schedule_brief_and_rubric():
    page = BeautifulSoup(TERM_PLAN_PAGE.read_text(), "html.parser")
    rows = page.select("section#schedule table tbody tr")
    assert len(rows) == len(sessions(ROOT))
    assert "Final project" in page.get_text() and "Rubric" in page.get_text()
    rubric = page.select("section#the-final-project table tbody tr")
    assert sum(int(row.select("td")[1].get_text()) for row in rubric) == 100
