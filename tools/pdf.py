"""Print the book to PDF: the whole book, and a handout per chapter for teachers and
for students.

Usage: python tools/pdf.py [OUTPUT_DIR]   (default: _build/pdf; `make pdf`)

The built website is printed by the same Debian Chromium that the browser tests use
(Playwright's ``page.pdf``), so the PDFs show what the website shows: math typeset by
MathJax, the stored figures, the code with its outputs. The site's print stylesheet
(``@media print`` in book/_static/custom.css) leaves out navigation and buttons,
wraps long code and output lines instead of cutting them, and lets a code cell longer
than the rest of a page go on over the next one, framed on both. Before printing, each
chapter's solutions are moved after its summary, under "Solutions" (the teachers'
handouts and the book), or removed (the students' handouts, which get a framed space
to answer each exercise instead); the checks, which cannot run on paper, are left out.
Pages are A4 with 15 mm margins and numbered in the footer, with the title of the page.

Writes ``handouts/NN_name.pdf``, ``student-handouts/NN_name.pdf`` and ``book.pdf``: every
page of the book in reading order, joined by pdfunite (Debian's poppler-utils) from the
teachers' handouts and a PDF of each other page, so that no page is typeset twice; each
part keeps its own page numbers, as a course pack's chapters do. In the
same load of each page, before printing it, Chromium measures what a reader of the
website meets there (``tools.page_checks``: figures, formulas, solutions, axe in light
and dark mode, a phone); the pages that are not printed on their own are loaded for that
alone. The measurements go to ``site-measurements.json``, for tests/test_site_pages.py.
Then every page of every PDF is looked at for empty code frames (``tools.code_frames``),
into ``pdf-measurements.json``, for tests/test_pdf.py.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from queue import Empty

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.browser import launch, new_context_in_mode
from tools.chapters import chapter_files
from tools.code_frames import empty_code_frames_in
from tools.notebooks import ROOT, page_of, toc_files
from tools.page_checks import open_measured
from tools.site import SITE, file_digest, reader_pages, serve

DEFAULT_OUTPUT = ROOT / "_build" / "pdf"
# What Chromium measured on each page of the website while it printed (tools.page_checks).
MEASUREMENTS = "site-measurements.json"
# What each PDF's pages show (tools.code_frames), with the digest of each PDF.
PDF_MEASUREMENTS = "pdf-measurements.json"
# With SCREENSHOTS=1 in the environment, a full-page screenshot of each page, for review.
SCREENSHOTS = ROOT / "_build" / "screenshots"
# Browsers printing at once, each in a process of its own.
BROWSERS = 2
MARGIN = "15mm"
FOOTER = (
    '<div style="width: 100%; font-size: 8pt; color: #555; text-align: center;">'
    '<span class="title"></span> · page <span class="pageNumber"></span>'
    ' of <span class="totalPages"></span></div>'
)

# Runs in the page: solutions out of the text, either after the chapter or not at all;
# without ``keep``, also those that a call before placed after the chapter.
PLACE_SOLUTIONS = """keep => {
  document.querySelectorAll('section.print-solutions').forEach(appendix => appendix.remove());
  for (const section of document.querySelectorAll('article.bd-article > section')) {
    const solutions = [...section.querySelectorAll('div.solution')];
    if (!solutions.length) continue;
    const appendix = document.createElement('section');
    appendix.className = 'print-solutions';
    const heading = document.createElement('h2');
    heading.textContent = 'Solutions';
    appendix.appendChild(heading);
    for (const solution of solutions) {
      solution.querySelectorAll('button.toggle-button').forEach(b => b.remove());
      solution.classList.remove('toggle-hidden', 'dropdown');
      solution.querySelectorAll('.toggle-hidden').forEach(e => e.classList.remove('toggle-hidden'));
      appendix.appendChild(solution);
    }
    if (keep) section.appendChild(appendix);
  }
}"""

# Runs in the page, for paper: the checks go (on paper they cannot run, and their stored
# verdict is the solution's); in the students' handouts, a framed space to answer after
# each exercise.
FOR_PAPER = """answerSpace => {
  for (const cell of document.querySelectorAll('div.cell')) {
    if (cell.querySelector('div.cell_input')?.textContent.includes('answer_check(')) cell.remove();
  }
  if (!answerSpace) return;
  for (const exercise of document.querySelectorAll('div.exercise')) {
    const space = document.createElement('div');
    space.className = 'print-answer-space';
    space.textContent = 'Your answer';
    exercise.after(space);
  }
}"""


def print_page(page, report, path: Path, *, students_path: Path | None = None):
    """Print the opened ``page`` into the PDF ``path``, a chapter followed by its
    solutions; then, given ``students_path``, into that PDF too, with a space to answer
    each exercise instead of the solutions. The page loads and typesets once for both."""
    if report.problems:
        raise RuntimeError(f"{report.url}: {report.problems}")
    page.emulate_media(media="print")
    for target, solutions in ((path, True), (students_path, False)):
        if target is None:
            continue
        page.evaluate(PLACE_SOLUTIONS, solutions)
        page.evaluate(FOR_PAPER, not solutions)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            margin={"top": MARGIN, "bottom": MARGIN, "left": MARGIN, "right": MARGIN},
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
        )


@dataclass(frozen=True)
class Job:
    """A page of the website to load and measure, and the PDFs to print from it."""

    path: str  # below the site root
    teachers_pdf: Path | None = None  # for a page that is not a chapter: its part of the book
    students_pdf: Path | None = None


def build(output: Path = DEFAULT_OUTPUT, site: Path = SITE) -> list[Path]:
    """Print the built website in ``site`` into ``output``, and measure every page of
    it in the same load (``tools.page_checks``) into ``output / MEASUREMENTS``; look at
    the pages of the PDFs (``tools.code_frames``) into ``output / PDF_MEASUREMENTS``;
    return the PDFs written.

    Two browsers, in two processes, take the pages one after the other from one queue,
    the longest first: each keeps about one core busy."""
    if output.exists():
        shutil.rmtree(output)
    chapters = set(chapter_files())
    jobs = [  # the later chapters are the longer ones
        Job(
            page_of(chapter),
            output / "handouts" / f"{chapter.stem}.pdf",
            output / "student-handouts" / f"{chapter.stem}.pdf",
        )
        for chapter in reversed(chapter_files())
    ]
    parts = output / "book-parts"
    jobs += [
        Job(page_of(path), parts / f"{path.stem}.pdf")
        for path in toc_files()
        if path not in chapters
    ]
    book_parts = {job.path: job.teachers_pdf for job in jobs}
    jobs += [Job(path) for path in reader_pages(site) if path not in book_parts]

    processes = multiprocessing.get_context("spawn")
    queue, results = processes.Queue(), processes.Queue()
    for job in jobs + [None] * BROWSERS:
        queue.put(job)
    with serve(site) as site_url:
        workers = [
            processes.Process(target=_print_and_measure, args=(queue, results, site_url, site))
            for _ in range(BROWSERS)
        ]
        for worker in workers:
            worker.start()
        outcomes = _gathered(results, workers)
        for worker in workers:
            worker.join()
    failures = [outcome for outcome in outcomes if isinstance(outcome, str)]
    if failures:
        raise RuntimeError("printing failed:\n" + "\n".join(failures))
    book = output / "book.pdf"
    in_order = [book_parts[page_of(path)] for path in toc_files()]
    subprocess.run(["pdfunite", *map(str, in_order), str(book)], check=True)
    shutil.rmtree(parts)
    measurements = {path: m for found in outcomes for path, m in found.items()}
    (output / MEASUREMENTS).write_text(
        json.dumps({"pages": dict(sorted(measurements.items()))}, indent=1), encoding="utf-8"
    )
    handouts = [(job.teachers_pdf, job.students_pdf) for job in jobs if job.students_pdf]
    pdfs = [book, *(pdf for pair in handouts for pdf in pair)]
    (output / PDF_MEASUREMENTS).write_text(
        json.dumps(empty_code_frames_in(sorted(pdfs), output), indent=1), encoding="utf-8"
    )
    return pdfs


def _gathered(results, workers) -> list:
    """An outcome of each worker from ``results``, waiting as long as one is alive; for
    a worker whose process ended without one (it crashed), a line that says so."""
    outcomes = []
    while len(outcomes) < len(workers):
        try:
            outcomes.append(results.get(timeout=10))
        except Empty:
            if not any(worker.is_alive() for worker in workers):
                missing = len(workers) - len(outcomes)
                outcomes += ["a browser's process ended with no result"] * missing
    return outcomes


def _print_and_measure(queue, results, site_url: str, site: Path) -> None:
    """In a process of its own: a browser that takes jobs from ``queue`` until ``None``,
    and puts into ``results`` its measurements, or the error that stopped it."""
    try:
        measurements = {}
        colours_checked = {"light": set(), "dark": set()}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = new_context_in_mode(browser, "light")
            while (job := queue.get()) is not None:
                screenshot = SCREENSHOTS / f"{Path(job.path).stem}.png"
                page, report, measured = open_measured(
                    context,
                    f"{site_url}/{job.path}",
                    colours_checked,
                    screenshot=screenshot if os.environ.get("SCREENSHOTS") else None,
                )
                measurements[job.path] = {"sha256": file_digest(site / job.path)} | measured
                if job.teachers_pdf:
                    print_page(page, report, job.teachers_pdf, students_path=job.students_pdf)
                page.close()
            browser.close()
        results.put(measurements)
    except BaseException:
        results.put(traceback.format_exc())


if __name__ == "__main__":
    target = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_OUTPUT
    for pdf in build(target):
        print(pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf)
