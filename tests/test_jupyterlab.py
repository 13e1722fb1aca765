"""The chapters opened in JupyterLab, as learners open them with `make lab`.

JupyterLab (with jupyterlab-myst, as in the students' environment) runs from this
environment on a copy of the chapters, and in Debian's Chromium, through Playwright like
the website tests, the last chapter is opened from JupyterLab's file browser, and the
first of its links opens another chapter in a tab. In both chapters, the set-up cell is
one folded line that says what it is; each cell of a solution is folded to a line that
gives nothing away, below a box that names the solution and opens nothing, and each
check to its first line, with no verdict before it runs; the links to other chapters
show as links (not as unresolved labels).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tools.chapters import (
    CHAPTER_LINK,
    CHECK_FIRST_LINE,
    SOLUTION_FIRST_LINE,
    chapters,
    reference_texts,
)
from tools.install_cell import FIRST_LINE

# The last chapter, whose goals link to four others: its first link opens a chapter of
# Part II, which is checked as it opens.
OPENED = "14_fashion_mnist.ipynb"
CHAPTERS = {chapter.path.name: chapter for chapter in chapters()}
REFERENCES = reference_texts(list(CHAPTERS.values()))
TOKEN = "chapters-in-jupyterlab"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """The address of a JupyterLab server on a copy of the chapters."""
    folder = tmp_path_factory.mktemp("lab")
    for chapter in CHAPTERS.values():
        shutil.copy2(chapter.path, folder / chapter.path.name)
    # Every cell drawn at once (JupyterLab draws only those near the view by default), so
    # that the tests see all of them.
    settings = tmp_path_factory.mktemp("settings")
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"windowingMode": "none"}')
    port = free_port()
    server = subprocess.Popen(
        [
            Path(sys.executable).parent / "jupyter", "lab", "--no-browser", "--allow-root",
            "--ip=127.0.0.1", f"--port={port}", f"--ServerApp.token={TOKEN}",
            f"--ServerApp.root_dir={folder}",
            f"--LabServerApp.workspaces_dir={tmp_path_factory.mktemp('workspaces')}",
        ],
        env={**os.environ, "JUPYTER_PREFER_ENV_PATH": "1",
             "JUPYTERLAB_SETTINGS_DIR": str(settings)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "no JupyterLab"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def lab_page(lab, browser):
    """JupyterLab open in Chromium, in a page of its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(f"{lab}/lab?token={TOKEN}&reset")
    yield page
    context.close()


def notebook_of(page, name: str):
    """The chapter ``name`` as JupyterLab shows it: the notebook panel with its title."""
    title = CHAPTERS[name].title.replace("`", "")
    return page.locator(".jp-NotebookPanel").filter(
        has=page.locator(".jp-MarkdownCell h1", has_text=title)
    )


def assert_folded_with_links(notebook, name: str) -> list:
    """The chapter ``name``, shown in ``notebook`` (a locator), has its set-up cell,
    solutions and checks folded, and its links shown as links; return those links
    (the matches of ``CHAPTER_LINK`` in its Markdown)."""
    # A solution's box names it and opens nothing (a dropdown there would open empty):
    # the solution's cells come after it, folded, and open where they are.
    exercises = CHAPTERS[name].exercises
    solution_boxes = notebook.locator(".jp-MarkdownCell .myst-exercise", has_text="Solution to")
    solution_boxes.nth(len(exercises) - 1).wait_for(timeout=30_000)  # drawn one by one
    assert solution_boxes.count() == len(exercises)
    assert solution_boxes.locator("summary").count() == 0

    first_cell = notebook.locator(".jp-Cell").first
    assert first_cell.locator(".jp-InputArea-editor").is_hidden()
    placeholder = first_cell.locator(".jp-InputPlaceholder").inner_text().strip()
    assert placeholder.startswith(FIRST_LINE)
    # Of each folded cell, JupyterLab shows the first line: in a solution, one that
    # gives nothing away.
    folded = [text.strip() for text in notebook.locator(".jp-InputPlaceholder").all_inner_texts()]
    solution_cells = sum(len(exercise.solution_cells) - 2 for exercise in exercises)
    assert len(folded) == 1 + solution_cells + len(exercises)
    assert CHECK_FIRST_LINE in folded
    assert set(folded[1:]) <= {*SOLUTION_FIRST_LINE.values(), CHECK_FIRST_LINE}

    cells = nbformat.read(CHAPTERS[name].path, as_version=4).cells
    markdown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    links = list(CHAPTER_LINK.finditer(markdown))
    assert links
    rendered = notebook.inner_text()
    # No label of a chapter, exercise or equation left as text.
    for label in REFERENCES:
        assert label not in rendered, label
    # The checks show their first line, and no verdict until the learner runs them.
    assert "checks pass" not in rendered
    for exercise in exercises:
        assert cells[exercise.check_cell].source.startswith(CHECK_FIRST_LINE)
    return links


def test_set_up_and_solutions_are_folded_and_links_open_the_other_chapters(lab_page):
    page = lab_page
    # As a learner opens a chapter: from the file browser.
    page.locator(".jp-DirListing-itemName", has_text=OPENED).dblclick()
    notebook_of(page, OPENED).wait_for(timeout=90_000)
    links = assert_folded_with_links(notebook_of(page, OPENED), OPENED)

    # Once the kernel is idle, JupyterLab has set up the notebook, links included (a
    # click before that follows the link's address out of JupyterLab).
    page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=60_000)
    link = page.locator("a", has_text=links[0]["text"].replace("`", "")).first
    # As a reader does: the click that selects the cell, then the one on the link (a
    # click on a cell not yet selected can go to selecting it alone).
    paragraph = page.locator(".jp-MarkdownCell :is(p, li)").filter(has=link).first
    paragraph.click(position={"x": 2, "y": 2})
    link.click()
    linked = f"{links[0]['stem']}.ipynb"
    tab_label = ".lm-TabBar-tab .lm-TabBar-tabLabel"  # the chapter opens in a tab
    page.wait_for_function(
        "([selector, name]) => [...document.querySelectorAll(selector)]"
        ".some(label => label.innerText.trim() === name)",
        arg=[tab_label, linked],
        polling=200,  # not at animation frames, which a page in the background skips
        timeout=30_000,
    )
    notebook_of(page, linked).wait_for(timeout=90_000)
    assert_folded_with_links(notebook_of(page, linked), linked)
