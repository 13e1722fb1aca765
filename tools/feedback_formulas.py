"""Feedback pages of the nbgrader course whose formulas show offline.

nbgrader's feedback page loads MathJax from a CDN to draw formulas: offline, or saved by
a student for later, it shows raw TeX. The course's ``nbgrader_config.py`` adds this
preprocessor to ``generate_feedback``: it writes every formula of the Markdown cells as
MathML, which browsers draw themselves, with no script and no network; the course's
``templates/feedback`` leaves out the MathJax script. This file is copied into the
course folder, which must work on its own.
"""

from __future__ import annotations

import re

from latex2mathml.converter import convert
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

# Code spans first, so that a $ inside code stays as it is; then display and inline TeX.
# Inline TeX may go on over a line break, not over the end of a paragraph.
_CODE_OR_MATH = re.compile(
    r"(?P<code>`[^`]*`)|\$\$(?P<display>.+?)\$\$|\$(?P<inline>(?:[^$\n]|\n(?!\n))+?)\$", re.S
)


def with_mathml(markdown: str) -> str:
    """``markdown`` with each ``$...$`` and ``$$...$$`` formula as MathML."""

    def replace(match: re.Match) -> str:
        if match["code"]:
            return match["code"]
        if match["display"] is not None:
            return convert(match["display"].strip(), display="block")
        return convert(match["inline"].strip())

    return _CODE_OR_MATH.sub(replace, markdown)


class FormulasAsMathML(Preprocessor):
    """Every formula of the Markdown cells as MathML."""

    enabled = Bool(True)  # nbconvert's preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            cell.source = with_mathml(cell.source)
        return cell, resources
