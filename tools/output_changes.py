"""Small changes to a notebook cell's stored outputs, to prove that the checks notice them.

A figure gets a line drawn across it; any other output that holds a digit gets its
first digit changed. Used by the nbval plugin (:mod:`tools.nbval_checks`), which tries
such a change on every checked cell, and by the end-to-end test of that plugin.
"""

from __future__ import annotations

import copy
import re

from tools.figures import redrawn_png, strike_through

DIGIT = re.compile(r"\d")


def change_first_digit(text: str) -> str:
    return DIGIT.sub(lambda m: str((int(m.group()) + 1) % 10), text, count=1)


def change_one_output(output) -> bool:
    """Change a figure if there is one, else a digit; say whether anything changed."""
    data = output.get("data", {})
    if "image/png" in data:
        data["image/png"] = redrawn_png(data["image/png"], strike_through)
    elif output.output_type == "stream" and DIGIT.search(output.text):
        output.text = change_first_digit(output.text)
    elif output.output_type == "error" and DIGIT.search(output.evalue):
        output.evalue = change_first_digit(output.evalue)
    elif DIGIT.search(data.get("text/plain", "")):
        data["text/plain"] = change_first_digit(data["text/plain"])
    else:
        return False
    return True


def changed_outputs(outputs) -> tuple[list, str | None]:
    """A copy of ``outputs`` with the first output that can change changed, and what
    kind of change that was ("figure" or "text"), or None if nothing could change."""
    changed = copy.deepcopy(outputs)
    for output in changed:
        is_figure = "image/png" in output.get("data", {})
        if change_one_output(output):
            return changed, "figure" if is_figure else "text"
    return changed, None
