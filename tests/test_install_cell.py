"""Every chapter opens with the cell that gets nnlib where it is missing, from an address
set on purpose and pinned, or from nowhere; the website's buttons follow the same setting."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import nbformat
import pytest
import yaml

from tools.chapters import chapter_files
from tools.install_cell import FIRST_LINE, NOT_INSTALLED, TAG, install_cell_source
from tools.notebooks import ROOT, page_of
from tools.publishing import published_address
from tools.site import SITE

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from publishing import buttons_for  # the Sphinx extension of the book

CHAPTERS = chapter_files()


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_starts_with_the_install_cell_of_the_setting(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "code"
    assert first.source == install_cell_source()
    assert TAG in first.metadata.get("tags", [])
    assert first.outputs == [], "where nnlib is installed the cell prints nothing"
    # JupyterLab shows it folded, as its first line, which says what the cell is for.
    assert first.metadata["jupyter"] == {"source_hidden": True}
    assert first.source.splitlines()[0] == FIRST_LINE
    assert FIRST_LINE.startswith("# Set-up:") and "nnlib" in FIRST_LINE


def run_install_cell(monkeypatch, nnlib_installed: bool, root=ROOT) -> list[list[str]]:
    """Execute the install cell; return the commands it would have run."""
    commands = []
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args):
        if name == "nnlib" and not nnlib_installed:
            return None
        return real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(subprocess, "check_call", lambda command: commands.append(command))
    exec(install_cell_source(root), {})
    return commands


def book_published_at(folder, url, branch):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["repository"] = {"url": url, "path_to_book": "", "branch": branch}
    (folder / "_config.yml").write_text(yaml.safe_dump(config))
    return folder


def test_with_no_address_set_and_without_nnlib_the_cell_fetches_nothing(monkeypatch, tmp_path):
    unpublished = book_published_at(tmp_path, "", "")
    assert published_address(unpublished) is None
    with pytest.raises(ModuleNotFoundError) as raised:
        run_install_cell(monkeypatch, nnlib_installed=False, root=unpublished)
    assert str(raised.value) == NOT_INSTALLED and "pip install ." in NOT_INSTALLED
    assert "subprocess" not in install_cell_source(unpublished)


def test_with_nnlib_the_cell_does_nothing(monkeypatch, tmp_path):
    assert run_install_cell(monkeypatch, nnlib_installed=True) == []
    published = book_published_at(tmp_path, "https://example.org/course/book", "v1.0")
    assert run_install_cell(monkeypatch, nnlib_installed=True, root=published) == []


def test_published_at_a_pinned_version_the_cell_installs_from_there(monkeypatch, tmp_path):
    published = book_published_at(tmp_path, "https://example.org/course/book/", "v2026.1")
    (command,) = run_install_cell(monkeypatch, nnlib_installed=False, root=published)
    assert command[1:5] == ["-m", "pip", "install", "--quiet"]
    assert command[-1] == "nnlib @ git+https://example.org/course/book.git@v2026.1"
    commit = "0123456789abcdef0123456789abcdef01234567"
    published = book_published_at(tmp_path, "https://example.org/course/book", commit)
    (command,) = run_install_cell(monkeypatch, nnlib_installed=False, root=published)
    assert command[-1] == f"nnlib @ git+https://example.org/course/book.git@{commit}"


@pytest.mark.parametrize(
    ("url", "branch", "expected"),
    [
        ("https://example.org/course/book", "main", "expected a tag (such as v1.0)"),
        ("https://example.org/course/book", "", "got ''"),
        ("http://example.org/course/book", "v1.0", "expected an https:// address"),
    ],
)
def test_an_address_that_is_not_pinned_or_not_https_is_refused(tmp_path, url, branch, expected):
    published = book_published_at(tmp_path, url, branch)
    with pytest.raises(ValueError, match=re.escape(expected)):
        install_cell_source(published)


def test_with_no_address_set_the_website_has_no_launch_or_repository_button(tmp_path):
    unpublished = book_published_at(tmp_path, "", "")
    theme = {"launch_buttons": {"colab_url": "https://colab.research.google.com"}}
    assert buttons_for(theme, unpublished)["launch_buttons"] == {"thebe": False}
    assert buttons_for(theme, unpublished)["use_repository_button"] is False


def test_published_the_buttons_point_to_the_pinned_version(tmp_path):
    published = book_published_at(tmp_path, "https://example.org/course/book", "v1.0")
    theme = {"launch_buttons": {"colab_url": "https://colab.research.google.com"}}
    options = buttons_for(theme, published)
    assert options["launch_buttons"] == theme["launch_buttons"]
    assert options["use_repository_button"] is True
    assert (options["repository_url"], options["repository_branch"]) == (
        "https://example.org/course/book",
        "v1.0",
    )


@pytest.mark.usefixtures("built_site")
@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_the_website_does_not_show_the_install_cell(path):
    page = SITE / page_of(path)
    assert "find_spec" not in page.read_text()
