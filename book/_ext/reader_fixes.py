"""Small fixes to the pages Jupyter Book 1 writes, so that the console stays clean.

- Some extensions register their inline configuration scripts twice per build; a
  second ``const`` declaration is a script error. Each script is kept once.
- Thebe (live code through a remote kernel) cannot work on an offline site and is not
  used here; its loader and configuration, which name a script on another host, go.
- On a first visit the theme reads an empty colour mode from local storage and logs
  an error before falling back to "auto"; the mode is set to "auto" before that.
- The theme lets keyboard users scroll a code block that is too wide (``tabindex``),
  but decides which ones are too wide only on loading and resizing, when the code
  in a closed solution has no width at all. Opening a solution or dropdown now
  makes it decide again, as a resize does.
- The toggle of a cell whose code is hidden ("Show code cell source") is labelled
  "Toggle hidden content" for screen readers, a name that does not contain what the
  button says; the label goes, and the visible text names the button.
- sphinx-exercise puts an exercise's title in brackets after its number, and the
  title ends with its level in brackets: "Exercise 2.1 (Sigmoid and tanh (easy))".
  Titles, and the links of solutions to them, read "Exercise 2.1: Sigmoid and tanh
  (easy)" instead, on the website and on paper (with the space before the link
  outside it, not underlined).
- Solutions are closed dropdowns on the website. The notebooks do not ask for that
  (``:class: dropdown``): JupyterLab, with jupyterlab-myst, would draw a dropdown that
  opens empty above the solution's own cells, which come after it. The class is added
  here to every solution instead.
"""

from __future__ import annotations

import re

from sphinx_exercise.nodes import solution_node

COLOUR_MODE_DEFAULT = (
    "if (!document.documentElement.dataset.mode) "
    '{ document.documentElement.dataset.mode = "auto"; }'
)


RECHECK_SCROLLABLE_ON_TOGGLE = (
    'document.addEventListener("click", (event) => {'
    ' if (event.target.closest(".toggle-button, summary")) {'
    ' setTimeout(() => window.dispatchEvent(new Event("resize")), 0); } });'
)


HIDDEN_CODE_TOGGLE = '<summary aria-label="Toggle hidden content">'


def _name_toggles_by_their_text(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = context["body"].replace(HIDDEN_CODE_TOGGLE, "<summary>")


# "Exercise 2.1 </span> (Title (level))" in a title, and
# "> Exercise 2.1 (Title (level))</a>" in the link of a solution to it.
EXERCISE_TITLE = re.compile(r"(Exercise \d+\.\d+) ?(</span>)? \((.*?\))\)(</p>|</a>)")
# The space after "Solution to" stands inside the link, where it is underlined.
SOLUTION_LINK = re.compile(r'Solution to(<a class="reference internal" href="[^"]*">) ')


def _titles_without_doubled_brackets(app, pagename, templatename, context, doctree):
    if "body" in context:
        body = EXERCISE_TITLE.sub(r"\1: \2\3\4", context["body"])
        context["body"] = SOLUTION_LINK.sub(r"Solution to \1", body)


def _is_thebe(script) -> bool:
    body = script.attributes.get("body", "")
    return "sphinx-thebe.js" in str(script.filename) or "THEBE_JS_URL" in body


def _clean_scripts(app, pagename, templatename, context, doctree):
    if "script_files" not in context:
        return
    seen, kept = set(), []
    for script in context["script_files"]:
        key = (script.filename or "", script.attributes.get("body"))
        if key in seen or _is_thebe(script):
            continue
        seen.add(key)
        kept.append(script)
    context["script_files"] = kept


def _solutions_as_dropdowns(app, doctree):
    for solution in doctree.findall(solution_node):
        if "dropdown" not in solution["classes"]:
            solution["classes"].append("dropdown")


def setup(app):
    app.add_js_file(None, body=COLOUR_MODE_DEFAULT, priority=0)
    app.add_js_file(None, body=RECHECK_SCROLLABLE_ON_TOGGLE)
    app.connect("html-page-context", _clean_scripts, priority=900)
    app.connect("html-page-context", _name_toggles_by_their_text)
    app.connect("html-page-context", _titles_without_doubled_brackets)
    app.connect("doctree-read", _solutions_as_dropdowns)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
