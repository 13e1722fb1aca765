"""The slides of `make slides`, opened in Chromium as a teacher's browser shows them,
offline: every slide renders within its 16:9 frame, every formula is typeset, nothing is
requested from another host, the speaker notes hold the prose, and the PDF has a page
per slide. No solution is on a slide. The website links every deck from its course
outline."""

from __future__ import annotations

import subprocess

import pytest

from tools.browser import open_page
from tools.chapters import chapters
from tools.site import SLIDES_FOLDER, start_tags
from tools.slides import ASSETS, FITTED, HEIGHT, WIDTH, deck_name
from tools.slides import DEFAULT_OUTPUT as SLIDES

CHAPTERS = chapters()

# Per deck: the slides (sections without slides inside), how far each one reaches when
# shrunk to fit, and the formulas given to MathJax against those it typeset.
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
    text: (() => {  // the words of the slides and notes, without code and formulas
      const copy = document.querySelector('.reveal .slides').cloneNode(true);
      const left_out = 'pre, script, .MathJax_Preview, .MathJax_CHTML, .MJX_Assistive_MathML';
      copy.querySelectorAll(left_out).forEach(e => e.remove());
      return copy.textContent;
    })(),
  };
}""".replace("HEIGHT", str(HEIGHT)).replace("WIDTH", str(WIDTH))


@pytest.fixture(scope="module")
def slides_url():
    from tools.site import serve

    if not (SLIDES / deck_name(CHAPTERS[0])).exists():
        pytest.fail(f"{SLIDES} holds no slides: `make test` makes them before the tests")
    with serve(SLIDES) as url:
        yield url


@pytest.fixture(scope="module")
def slides_context(browser):
    """One browser context for every deck, as one teacher's browser: the decks load the
    same reveal.js and MathJax, which a context downloads and compiles once (a context
    per deck cost twice the time)."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    yield context
    context.close()


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.path.name)
def test_every_slide_renders_in_its_frame_offline_with_formulas_and_notes(
    slides_context, slides_url, chapter
):
    page, report = open_page(slides_context, f"{slides_url}/{deck_name(chapter)}")
    try:
        page.wait_for_function(FITTED, timeout=60_000)
        deck = page.evaluate(MEASURE)
    finally:
        page.close()
    assert report.problems == []
    assert deck["slides"] >= 10 and deck["empty"] == 0
    assert (deck["tooTall"], deck["tooWide"]) == (0, 0)
    assert deck["typeset"] == deck["formulas"] > 0 and deck["mathErrors"] == 0
    assert deck["notes"] >= 5 and deck["figures"] >= 1
    assert "$" not in deck["text"] and "{ref}" not in deck["text"]
    for position in range(1, len(chapter.exercises) + 1):
        assert f"Exercise {chapter.number}.{position}: " in deck["text"]
    assert "Solution" not in deck["text"] and "answer_check" not in deck["text"]
    pdf = SLIDES / deck_name(chapter).replace(".html", ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(info.stdout.split("Pages:")[1].split()[0])
    assert pages == deck["slides"], "a page per slide"


def test_the_course_outline_on_the_website_links_every_chapters_deck(built_site):
    outline = built_site / "book" / "teachers" / "course_outline.html"
    links = {attributes.get("href") for tag, attributes in start_tags(outline) if tag == "a"}
    for chapter in CHAPTERS:
        link = f"../../{SLIDES_FOLDER}/{deck_name(chapter)}"
        assert link in links, chapter.path.name
        on_the_site = (outline.parent / link).resolve()
        assert on_the_site.read_bytes() == (SLIDES / deck_name(chapter)).read_bytes()
    assert (built_site / SLIDES_FOLDER / ASSETS / "reveal.js").is_dir()
