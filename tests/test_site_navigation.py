"""Finding one's way through the built website: navigation, search, buttons and links."""

from __future__ import annotations

from bs4 import BeautifulSoup, SoupStrainer

from tools.browser import open_page
from tools.chapters import chapters
from tools.notebooks import page_of, toc_files
from tools.publishing import published_address
from tools.site import SITE, classes, link_problems, start_tags

TOC_PAGES = [page_of(path) for path in toc_files()]


def test_the_toc_starts_with_the_home_page_and_every_page_is_built():
    assert TOC_PAGES[0] == "book/intro.html"
    assert len(TOC_PAGES) >= 5
    assert all((SITE / page).exists() for page in TOC_PAGES)


def walk(page: str, link_selector: str, site=SITE) -> list[str]:
    """Follow the link ``link_selector`` ("a.class") from page to page until there is
    none, as a reader's browser does (the links need no script); return the pages' paths."""
    tag, _, css_class = link_selector.partition(".")
    visited = [page]
    while True:
        links = [
            attributes["href"]
            for name, attributes in start_tags(site / visited[-1])
            if name == tag and css_class in classes(attributes)
        ]
        if not links:
            return visited
        target = (site / visited[-1]).parent / links[0].split("#")[0]
        visited.append(target.resolve().relative_to(site.resolve()).as_posix())
        assert len(visited) <= 2 * len(TOC_PAGES), f"a loop: {visited}"


def test_next_and_previous_walk_the_whole_book_in_toc_order():
    forward = walk(TOC_PAGES[0], "a.right-next")
    assert forward == TOC_PAGES
    assert walk(forward[-1], "a.left-prev") == TOC_PAGES[::-1]


def test_the_site_root_leads_to_the_first_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page, _ = open_page(context, f"{site_url}/index.html")
    page.wait_for_url(f"{site_url}/{TOC_PAGES[0]}")
    context.close()


def test_search_finds_sigmoid_in_the_activations_chapter(context, site_url):
    page, report = open_page(context, f"{site_url}/search.html?q=sigmoid")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    links = results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("02_activations" in link for link in links), links
    assert report.problems == []


def test_chapter_pages_offer_download_and_launch_buttons_only_for_a_published_address():
    header = BeautifulSoup((SITE / "book" / "01_weights.html").read_text(), "html.parser")
    hrefs = [link.get("href", "") for link in header.select(".article-header-buttons a")]
    launch = [
        any(href.startswith("https://mybinder.org/v2/gh/") for href in hrefs),
        any(href.startswith("https://colab.research.google.com/github/") for href in hrefs),
        any("btn-source-repository-button" in link["class"] for link in header.select("a.btn")),
    ]
    address = published_address()
    assert launch == [address is not None] * 3
    if address is not None:
        assert any(address.ref in href for href in hrefs)
    assert "../_sources/book/01_weights.ipynb" in hrefs
    assert (SITE / "_sources" / "book" / "01_weights.ipynb").exists()


def test_no_page_links_to_a_missing_file_or_anchor_or_loads_from_another_host():
    assert link_problems(SITE) == []


# The parts of a page that hold the exercises and solutions, read alone.
EXERCISES_AND_SOLUTIONS = SoupStrainer(
    "div", class_=lambda names: bool(names) and bool({"exercise", "solution"} & set(names.split()))
)


def test_exercise_and_solution_titles_read_number_colon_title_and_level(built_site):
    for chapter in chapters():
        page = BeautifulSoup(
            (built_site / "book" / f"{chapter.path.stem}.html").read_text(),
            "html.parser",
            parse_only=EXERCISES_AND_SOLUTIONS,  # four times quicker than the whole page
        )
        titles = [
            " ".join(title.get_text().split())
            for title in page.select(
                "div.exercise > p.admonition-title, div.solution > p.admonition-title"
            )
        ]
        expected = []
        for number, exercise in enumerate(chapter.exercises, 1):
            name = exercise.title.replace("`", "")
            title = f"Exercise {chapter.number}.{number}: {name} ({exercise.level})"
            expected += [title, f"Solution to {title}"]
        assert titles == expected
        # The link of a solution to its exercise underlines the words alone.
        links = [a.get_text() for a in page.select("div.solution > p.admonition-title > a")]
        assert [link[:9] for link in links] == ["Exercise "] * len(chapter.exercises)
