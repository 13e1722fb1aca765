"""The workflow that publishes the websites runs the book's own commands and uploads
what they build."""

from __future__ import annotations

import re

import yaml

from tools.notebooks import ROOT
from tools.site import SITE
from tools.student_edition import DEFAULT_OUTPUT, SITE_FOLDER

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def steps():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_workflow_builds_with_make_targets_that_exist():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.M))
    commands = [step["run"] for step in steps() if "run" in step]
    made = [command.split()[1:] for command in commands if command.startswith("make ")]
    assert made == [["book", "student"]]
    assert set(made[0]) <= targets


def test_the_workflow_uploads_the_folders_the_build_writes():
    script = next(
        step["run"] for step in steps() if step.get("name") == "Put the websites together"
    )
    full = SITE.relative_to(ROOT).as_posix()
    student = (DEFAULT_OUTPUT / SITE_FOLDER).relative_to(ROOT).as_posix()
    assert f"cp -r {full}/. _site/" in script
    assert f"cp -r {student}/. _site/" in script  # by default, the student site alone
    assert f"cp -r {student} _site/student" in script
    uploads = [step for step in steps() if step.get("uses", "").startswith("actions/upload-pages")]
    assert [step["with"]["path"] for step in uploads] == ["_site"]


def test_the_workflow_runs_only_when_started_by_hand_and_pins_its_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert list(workflow[True]) == ["workflow_dispatch"]  # YAML reads the key `on` as True
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", s["uses"]) for s in steps() if "uses" in s)
