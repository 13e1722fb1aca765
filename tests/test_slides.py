"""The slides of `make slides`, as Chromium shows them, offline: every slide renders within
its 16:9 frame, every formula is typeset, nothing is requested from another host, the
speaker notes hold the prose, and the PDF has a page per slide. No solution is on a slide.
The website links every deck from its course outline.

Each deck is measured in the view that prints its PDF (``tools.slides.MEASURE``), in
the one load that printing needs; the tests judge those measurements, after checking
that they were taken of the deck as it is now. `make test` prints the PDF of the
longest deck alone (printing is the same for every deck, and takes most of the time);
`make slides` prints them all, and then the tests judge every PDF. A deck that asks
another host for anything, fails a request or logs an error stops the measuring
(``tools.slides.print_decks``). One deck, the longest, is also opened as a teacher's
browser shows it, to present, and must measure the same there.
"""

from __future__ import annotations

import json

import pytest

from tools.browser import open_page
from tools.chapters import chapters
from tools.code_frames import page_count
from tools.site import SLIDES_FOLDER, file_digest, start_tags
from tools.slides import (
    ASSETS,
    FITTED,
    HEIGHT,
    MEASURE,
    MEASUREMENTS,
    WIDTH,
    deck_name,
)
from tools.slides import DEFAULT_OUTPUT as SLIDES

CHAPTERS = chapters()


@pytest.fixture(scope="module")
def measurements() -> dict[str, dict]:
    """What printing measured of each deck: ``{deck name: tools.slides.measure(...)}``."""
    path = SLIDES / MEASUREMENTS
    if not path.exists():
        pytest.fail(f"{path} is missing: `make test` prints the slides before the tests")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_every_slide_renders_in_its_frame_offline_with_formulas_and_notes(measurements, chapter):
    deck = measurements.get(deck_name(chapter))
    assert deck is not None, f"{deck_name(chapter)} was not measured"
    assert deck["sha256"] == file_digest(SLIDES / deck_name(chapter)), "measured on another version"
    assert deck["slides"] >= 10 and deck["empty"] == 0
    assert (deck["tooTall"], deck["tooWide"]) == (0, 0)
    assert deck["typeset"] == deck["formulas"] > 0 and deck["mathErrors"] == 0
    assert deck["notes"] >= 5 and deck["figures"] >= 1
    assert "$" not in deck["text"] and "{ref}" not in deck["text"]
    for position in range(1, len(chapter.exercises) + 1):
        assert f"Exercise {chapter.number}.{position}: " in deck["text"]
    assert "Solution" not in deck["text"] and "answer_check" not in deck["text"]


def test_the_longest_deck_and_every_deck_printed_with_it_have_a_pdf_with_a_page_per_slide(
    measurements,
):
    longest = max(measurements, key=lambda deck: measurements[deck]["slides"])
    assert measurements[longest]["printed"]
    for name in (name for name, deck in measurements.items() if deck["printed"]):
        pages = page_count(SLIDES / name.replace(".html", ".pdf"))
        assert pages == measurements[name]["slides"], f"{name}: a page per slide"


@pytest.fixture(scope="module")
def slides_url():
    from tools.site import serve

    with serve(SLIDES) as url:
        yield url


def test_the_longest_deck_presented_in_a_browser_measures_as_it_did_when_printed(
    browser, slides_url, measurements
):
    name = max(measurements, key=lambda deck: measurements[deck]["slides"])
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        page, report = open_page(context, f"{slides_url}/{name}")
        page.wait_for_function(FITTED, timeout=60_000)
        presented = page.evaluate(MEASURE)
        on_screen = page.evaluate("Reveal.getCurrentSlide().innerText")
    finally:
        context.close()
    assert report.problems == []
    printed = measurements[name]
    assert presented["typeset"] == presented["formulas"] > 0
    # MathJax may count a formula more or less in one view; all else is the same.
    left_out = ("sha256", "formulas", "typeset", "printed")
    assert {k: v for k, v in presented.items() if k not in left_out} == {
        k: v for k, v in printed.items() if k not in left_out
    }
    assert on_screen.strip(), "the first slide shows nothing"


def test_the_course_outline_on_the_website_links_every_chapters_deck(built_site):
    outline = built_site / "book" / "teachers" / "course_outline.html"
    links = {attributes.get("href") for tag, attributes in start_tags(outline) if tag == "a"}
    for chapter in CHAPTERS:
        link = f"../../{SLIDES_FOLDER}/{deck_name(chapter)}"
        assert link in links, chapter.path.name
        on_the_site = (outline.parent / link).resolve()
        assert on_the_site.read_bytes() == (SLIDES / deck_name(chapter)).read_bytes()
    assert (built_site / SLIDES_FOLDER / ASSETS / "reveal.js").is_dir()
