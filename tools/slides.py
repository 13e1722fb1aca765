"""Every chapter as a reveal.js slide deck for teaching, and a PDF of each: `make slides`.

Usage: python tools/slides.py [--decks | --pdfs | --measure] [OUTPUT_DIR]
(default: _build/slides)

``--decks`` writes only the decks, which ``make book`` puts on the website (the course
outline links each chapter's deck); ``--pdfs`` prints the PDFs of the decks written
(``make slides``), and writes what the tests judge each deck by, measured in the same
load (``MEASURE``, into ``measurements.json``); ``--measure`` measures every deck so, but
prints the PDF of the longest alone (``make test``: printing takes most of the time, and
is the same for every deck).

Made with nbconvert's slides exporter from the chapter itself: a slide for the title
and each section, a slide below it for each code cell with its stored output (figures
included), and one for each exercise; the prose becomes the speaker notes (press "s"),
its lists and display formulas stay on the slides. Solutions and checks stay out.
reveal.js (4.0.2, the version nbconvert's template is made for), RequireJS, jQuery and
MathJax 2 come from npm (package.json) and are copied beside the decks, so the slides
work with no network. A slide that holds too much is shrunk to fit its 16:9 frame.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.browser import launch, open_page
from tools.chapters import Chapter, chapters, reference_texts, with_plain_references
from tools.install_cell import is_install_cell
from tools.notebooks import ROOT
from tools.site import file_digest, serve
from tools.student_edition import plain_exercise_cell

DEFAULT_OUTPUT = ROOT / "_build" / "slides"
NODE_MODULES = ROOT / "node_modules"
ASSETS = "_assets"
WIDTH, HEIGHT = 1280, 720  # 16:9
# What each deck loads, copied from node_modules: (source, destination below ASSETS).
ASSET_FILES = [
    ("reveal.js/dist", "reveal.js/dist"),
    ("reveal.js/plugin/notes", "reveal.js/plugin/notes"),
    ("requirejs/require.js", "require.js"),
    ("jquery/dist/jquery.min.js", "jquery.min.js"),
    ("mathjax/MathJax.js", "mathjax/MathJax.js"),
    ("mathjax/config/TeX-AMS_CHTML-full.js", "mathjax/config/TeX-AMS_CHTML-full.js"),
    ("mathjax/config/Safe.js", "mathjax/config/Safe.js"),
    ("mathjax/extensions", "mathjax/extensions"),
    ("mathjax/jax/input/TeX", "mathjax/jax/input/TeX"),
    ("mathjax/jax/output/CommonHTML", "mathjax/jax/output/CommonHTML"),
    ("mathjax/jax/output/PreviewHTML", "mathjax/jax/output/PreviewHTML"),
    ("mathjax/jax/element", "mathjax/jax/element"),
    ("mathjax/localization/en", "mathjax/localization/en"),
    ("mathjax/fonts/HTML-CSS/TeX/woff", "mathjax/fonts/HTML-CSS/TeX/woff"),
]
# What MyST has beyond the cross-references (see with_plain_references): roles such as
# {doc} and {term}, and the fences of directives.
ROLE_WITH_TEXT = re.compile(r"\{(?:doc|numref)\}`([^`<]+?)\s*<[^`>]+>`")
ROLE = re.compile(r"\{(?:doc|numref|term)\}`([^`]+)`")
FENCE = re.compile(r"^(```+|:::+)\{?[\w-]*\}?.*\n|^(```+|:::+)\s*$\n?", re.M)
HEADING = re.compile(r"^#{1,3} ")
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.S)


def plain(markdown: str, references: dict[str, str]) -> str:
    """The book's MyST as the Markdown that nbconvert renders: no labels, roles or fences,
    each cross-reference as its text (``references``: see ``reference_texts``)."""
    text = with_plain_references(markdown, references)
    text = ROLE_WITH_TEXT.sub(r"\1", text)
    text = ROLE.sub(r"\1", text)
    return FENCE.sub("", text).strip()


def slide_cells(markdown: str) -> list[nbformat.NotebookNode]:
    """A Markdown cell as slides: its heading, lists and display formulas on a slide (a
    new one for a heading), the rest of its prose as the speaker's notes."""
    shown, notes = [], []
    for block in re.split(r"\n\s*\n", markdown):
        on_slide = HEADING.match(block) or block.lstrip().startswith(("- ", "1. "))
        (shown if on_slide or DISPLAY_MATH.fullmatch(block.strip()) else notes).append(block)
    cells = []
    if shown:
        heading = HEADING.match(shown[0])
        level = len(shown[0]) - len(shown[0].lstrip("#")) if heading else 0
        cell = nbformat.v4.new_markdown_cell("\n\n".join(shown))
        cell.metadata["slideshow"] = {"slide_type": "slide" if 0 < level <= 2 else "subslide"}
        cells.append(cell)
    if notes:
        cell = nbformat.v4.new_markdown_cell("\n\n".join(notes))
        cell.metadata["slideshow"] = {"slide_type": "notes"}
        cells.append(cell)
    return cells


def deck_notebook(chapter: Chapter, references: dict[str, str]) -> nbformat.NotebookNode:
    notebook = nbformat.read(chapter.path, as_version=4)
    left_out = {
        index
        for exercise in chapter.exercises
        for index in (*exercise.solution_cells, exercise.check_cell)
    }
    exercises = {exercise.cell: exercise for exercise in chapter.exercises}
    cells = []
    for index, cell in enumerate(notebook.cells):
        if index in left_out or is_install_cell(cell):
            continue
        if cell.cell_type == "markdown":
            source = cell.source
            if index in exercises:
                source = plain_exercise_cell(chapter, exercises[index], source)
            cells += slide_cells(plain(source, references))
        elif cell.cell_type == "code":
            code = nbformat.v4.new_code_cell(cell.source, outputs=cell.outputs)
            code.metadata["slideshow"] = {"slide_type": "subslide"}
            cells.append(code)
    notebook.cells = cells
    notebook.metadata["title"] = f"{chapter.number}. {chapter.title.replace('`', '')}"
    return notebook


def exporter(assets: str = ASSETS) -> SlidesExporter:
    config = Config()
    config.SlidesExporter.reveal_url_prefix = f"{assets}/reveal.js"
    config.SlidesExporter.reveal_width = str(WIDTH)
    config.SlidesExporter.reveal_height = str(HEIGHT)
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.reveal_theme = "white"  # its fonts come with reveal.js
    config.SlidesExporter.require_js_url = f"{assets}/require.js"
    config.SlidesExporter.jquery_url = f"{assets}/jquery.min.js"
    mathjax = f"{assets}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    config.SlidesExporter.mathjax_url = mathjax
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    return SlidesExporter(
        config=config,
        template_name="slides_template",
        extra_template_basedirs=[str(Path(__file__).resolve().parent)],
    )


def copy_assets(output: Path) -> None:
    for source, destination in ASSET_FILES:
        source_path, target = NODE_MODULES / source, output / ASSETS / destination
        if not source_path.exists():
            raise FileNotFoundError(f"{source_path} is missing: `make slides` runs npm ci first")
        target.parent.mkdir(parents=True, exist_ok=True)
        if source_path.is_dir():
            shutil.copytree(source_path, target)
        else:
            shutil.copy2(source_path, target)


def deck_name(chapter: Chapter) -> str:
    return f"{chapter.path.stem}.slides.html"


FITTED = "document.body.dataset.slidesFitted === 'true'"
# What the tests judge a deck by, measured where the PDF is printed, in the one load of
# the deck that printing needs (the fitting script runs alike in both views, and
# tests/test_slides.py shows on one deck that both views measure the same):
# the slides (sections without slides inside), how many reach beyond the frame when
# shrunk to fit, the formulas given to MathJax against those it typeset, and the words
# of slides and notes without code, formulas and the page numbers of the print.
MEASURE = """() => {
  const slides = [...document.querySelectorAll('.reveal .slides section')]
    .filter(s => !s.querySelector('section'));
  const reach = slides.map(s => {
    const zoom = parseFloat(s.style.zoom || 1);
    return [s.scrollHeight * zoom, s.scrollWidth * zoom];
  });
  return {
    slides: slides.length,
    tooTall: reach.filter(([h, w]) => h > HEIGHT + 2).length,
    tooWide: reach.filter(([h, w]) => w > WIDTH + 2).length,
    empty: slides.filter(s => !s.innerText.trim() && !s.querySelector('img')).length,
    formulas: document.querySelectorAll('script[type^="math/tex"]').length,
    typeset: document.querySelectorAll('.MathJax_CHTML').length,
    mathErrors: document.querySelectorAll('.MathJax_Error, merror').length,
    notes: document.querySelectorAll('aside.notes').length,
    figures: document.querySelectorAll('.reveal img').length,
    text: (() => {
      const copy = document.querySelector('.reveal .slides').cloneNode(true);
      const left_out = 'pre, script, .MathJax_Preview, .MathJax_CHTML, .MJX_Assistive_MathML,'
        + ' .slide-number-pdf';
      copy.querySelectorAll(left_out).forEach(e => e.remove());
      return copy.textContent.split(/\\s+/).join(' ').trim();
    })(),
  };
}""".replace("HEIGHT", str(HEIGHT)).replace("WIDTH", str(WIDTH))
MEASUREMENTS = "measurements.json"


def measure(page, deck: Path) -> dict:
    """The deck as ``MEASURE`` finds it in ``page``, with the digest of the deck's file."""
    return {"sha256": file_digest(deck), **page.evaluate(MEASURE)}


def pdf_of(deck: Path) -> Path:
    return deck.with_name(deck.name.removesuffix(".html") + ".pdf")


def print_decks(decks: list[Path], *, every_pdf: bool = True) -> list[Path]:
    """A PDF beside each deck (or, without ``every_pdf``, beside the deck with the most
    slides alone), one 16:9 page per slide, printed by Chromium offline, and what
    ``MEASURE`` finds in each deck, with whether its PDF was printed now, in
    ``MEASUREMENTS`` beside them."""
    from playwright.sync_api import sync_playwright  # only here: the website links decks

    measured = {}
    with serve(decks[0].parent) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
            longest = None  # without every_pdf: the longest deck so far, and its page
            for deck in decks:
                page, report = open_page(context, f"{url}/{deck.name}?print-pdf")
                page.wait_for_function(FITTED, timeout=120_000)
                if report.problems:
                    raise RuntimeError(f"{deck.name}: {report.problems}")
                measured[deck.name] = measure(page, deck) | {"printed": False}
                if every_pdf:
                    _print(page, deck, measured)
                elif longest is None or measured[deck.name]["slides"] > longest[1]:
                    if longest is not None:
                        longest[2].close()
                    longest = (deck, measured[deck.name]["slides"], page)
                else:
                    page.close()
            if longest is not None:
                _print(longest[2], longest[0], measured)
        finally:
            browser.close()
    written = decks[0].parent / MEASUREMENTS
    written.write_text(json.dumps(measured, indent=1), encoding="utf-8")
    pdfs = [pdf_of(deck) for deck in decks if measured[deck.name]["printed"]]
    return [*pdfs, written]


def _print(page, deck: Path, measured: dict) -> None:
    """Print the ``page`` of ``deck``, opened in the print view, into its PDF, and note
    in ``measured`` that it was printed."""
    page.pdf(path=str(pdf_of(deck)), width=f"{WIDTH}px", height=f"{HEIGHT}px",
             print_background=True, prefer_css_page_size=True)  # fmt: skip
    page.close()
    measured[deck.name]["printed"] = True


def build_decks(output: Path = DEFAULT_OUTPUT, root: Path = ROOT) -> list[Path]:
    """Write a deck per chapter into ``output``, with the assets they load."""
    if output.exists():
        shutil.rmtree(output)
    output.mkdir(parents=True)
    copy_assets(output)
    book = chapters(root)
    references = reference_texts(book)
    slides = exporter()
    decks = []
    for chapter in book:
        html, _ = slides.from_notebook_node(deck_notebook(chapter, references))
        deck = output / deck_name(chapter)
        deck.write_text(html, encoding="utf-8")
        decks.append(deck)
    return decks


if __name__ == "__main__":
    # `--decks`: the decks alone (`make book` puts them on the website); `--pdfs`: the
    # PDFs of decks already written (`make slides`); `--measure`: those decks measured,
    # and the longest printed (`make test`); none: decks and PDFs.
    flags = {"--decks", "--pdfs", "--measure"}
    arguments = [argument for argument in sys.argv[1:] if argument not in flags]
    target = Path(arguments[0]).resolve() if arguments else DEFAULT_OUTPUT
    if "--pdfs" in sys.argv or "--measure" in sys.argv:
        decks = sorted(target.glob("*.slides.html"))
        written = print_decks(decks, every_pdf="--pdfs" in sys.argv)
    else:
        written = build_decks(target)
        if "--decks" not in sys.argv:
            written += print_decks(written)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
