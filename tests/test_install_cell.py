"""Every chapter opens with the cell that installs nnlib on Colab or Binder."""

from __future__ import annotations

import importlib.util
import subprocess

import nbformat
import pytest
import yaml

from tools.chapters import chapter_files
from tools.install_cell import TAG, install_cell_source
from tools.notebooks import ROOT
from tools.site import SITE

CHAPTERS = chapter_files()


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_starts_with_the_install_cell_of_the_configured_repository(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "code"
    assert first.source == install_cell_source()
    assert TAG in first.metadata.get("tags", [])
    assert first.outputs == [], "where nnlib is installed the cell prints nothing"


def run_install_cell(monkeypatch, nnlib_installed: bool) -> list[list[str]]:
    """Execute the install cell; return the commands it would have run."""
    commands = []
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args):
        if name == "nnlib" and not nnlib_installed:
            return None
        return real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(subprocess, "check_call", lambda command: commands.append(command))
    exec(install_cell_source(), {})
    return commands


def test_without_nnlib_the_cell_installs_it_with_pip_from_the_repository_setting(monkeypatch):
    repository = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    (command,) = run_install_cell(monkeypatch, nnlib_installed=False)
    assert command[1:5] == ["-m", "pip", "install", "--quiet"]
    assert command[-1] == f"nnlib @ git+{repository['url']}.git@{repository['branch']}"


def test_with_nnlib_the_cell_does_nothing(monkeypatch):
    assert run_install_cell(monkeypatch, nnlib_installed=True) == []


def test_the_cell_follows_the_setting_in_the_book_configuration(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["repository"] = {"url": "https://example.org/course/book", "branch": "spring"}
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config))
    source = install_cell_source(tmp_path)
    assert 'repository = "https://example.org/course/book.git"\nbranch = "spring"\n' in source


@pytest.mark.usefixtures("built_site")
@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_the_website_does_not_show_the_install_cell(path):
    page = SITE / path.relative_to(ROOT).with_suffix(".html")
    assert "find_spec" not in page.read_text()
