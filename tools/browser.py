"""Visit pages of the built site in Debian's headless Chromium, through Playwright.

Every request to a host other than 127.0.0.1 is blocked and recorded, so a page that
needs the network shows up as a failed request instead of silently working online.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Flags for a root user in a container with no network (see the machine's notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every request to another host goes to a proxy that is not there, and fails: the
    # pages are served on 127.0.0.1, which Chromium never sends through a proxy. (Quicker
    # than deciding on each request in Python; open_page reports the failed ones.)
    "--proxy-server=http://127.0.0.1:9",
]


@dataclass
class PageReport:
    """What a reader's browser saw while loading one page."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"failed request: {text}" for text in self.failed_requests]
            + [f"request to another host: {text}" for text in self.blocked_requests]
        )


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_context(browser):
    """A browser context with a typical laptop viewport."""
    return browser.new_context(viewport={"width": 1280, "height": 900})


def open_page(context, url: str) -> tuple[object, PageReport]:
    """Open ``url`` in a new page, watching for errors; return the page and its report."""
    report = PageReport(url)
    page = context.new_page()
    own_host = urlsplit(url).netloc

    def failed(request):
        if urlsplit(request.url).netloc != own_host:
            report.blocked_requests.append(request.url)
        else:
            report.failed_requests.append(f"{request.url} ({request.failure})")

    page.on(
        "console",
        lambda message: (
            report.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: report.console_errors.append(str(error)))
    page.on("requestfailed", failed)
    page.on(
        "response",
        lambda response: (
            report.failed_requests.append(f"{response.url} (HTTP {response.status})")
            if response.status >= 400
            else None
        ),
    )
    page.goto(url, wait_until="load")
    return page, report


def wait_until_rendered(page) -> None:
    """Wait until MathJax (if the page loads it) has typeset, and the fonts it asked for
    have arrived: after this, every request of the page has been made and answered."""
    page.wait_for_function("() => !window.MathJax || (MathJax.startup && MathJax.startup.promise)")
    page.evaluate(
        "async () => { if (window.MathJax) await MathJax.startup.promise;"
        " await document.fonts.ready; }"
    )


# axe-core, the accessibility engine, from npm (package.json): injected into each page.
AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def new_context_in_mode(browser, mode: str, **options):
    """A browser context whose pages open in the theme's "light" or "dark" colour mode."""
    context = browser.new_context(**({"viewport": {"width": 1280, "height": 900}} | options))
    context.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    return context


# The rules whose result depends on the colours alone: all that a change of the colour
# mode, which sets other colours and nothing else, can change.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def load_axe(page) -> None:
    """Inject axe-core into the page, unless it is there."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))


def accessibility_violations(
    page,
    impacts=SERIOUS,
    within: str | None = None,
    rules: tuple[str, ...] | None = None,
    skipping: tuple[str, ...] = (),
) -> list[str]:
    """What axe-core finds on the page, one line per rule and impact in ``impacts``; with
    ``within``, a CSS selector, only in the parts of the page it selects, if any; with
    ``rules``, only those rules (else every rule that axe runs by default, but those in
    ``skipping``)."""
    load_axe(page)
    options = {"resultTypes": ["violations"], "noHtml": True}  # only the targets are reported
    if rules is not None:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    options["rules"] = {rule: {"enabled": False} for rule in skipping}
    violations = page.evaluate(
        "async ([options, within]) => {"
        " const parts = within ? document.querySelectorAll(within) : [];"
        " const context = parts.length ? parts : document;"
        " return (await axe.run(context, options)).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))})); }",
        [options, within],
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {', '.join(v['targets'][:3])}"
        for v in violations
        if v["impact"] in impacts
    ]


# Every way text is drawn in the part of the page that ``within`` selects (the whole
# page, when it selects nothing): its colour, the first colour or image behind it, its
# size, weight, opacity and shadow, and for text in a link, the link's underline and the
# colour of the text around it. That is what axe's colour rules judge text by (elements
# that overlap aside): text drawn in a way already checked passes or fails alike. Given
# the ways ``checked``, the first element that draws text in each other way gets the
# attribute ``mark``, and so does its link, for text in a link, for the link rule.
NEW_WAY = "data-text-drawn-in-a-new-way"
_COLOUR_KINDS = """([within, checked, mark]) => {
  const root = (within && document.querySelector(within)) || document.body;
  const known = checked && new Set(checked);
  const behind = new Map();
  const backgroundOf = element => {
    if (!element) return 'none';
    if (!behind.has(element)) {
      const style = getComputedStyle(element);
      behind.set(element, style.backgroundImage !== 'none'
        ? `${style.backgroundColor} ${style.backgroundImage}`
        : style.backgroundColor !== 'rgba(0, 0, 0, 0)'
          ? style.backgroundColor : backgroundOf(element.parentElement));
    }
    return behind.get(element);
  };
  const kinds = new Set();
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (![...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const style = getComputedStyle(element);
    const link = element.closest('a');
    const around = link && link.parentElement ? getComputedStyle(link.parentElement).color : '';
    const kind = [style.color, backgroundOf(element), style.fontSize, style.fontWeight,
                  style.opacity, style.textShadow,
                  link ? `link ${getComputedStyle(link).textDecorationLine} ${around}` : ''
                 ].join(' | ');
    kinds.add(kind);
    if (known && !known.has(kind)) {
      for (const marked of link ? [element, link] : [element]) marked.setAttribute(mark, '');
      known.add(kind);
    }
  }
  return [...kinds];
}"""


def colour_kinds(page, within: str | None = None) -> set[str]:
    """Every way text is drawn on the page (or in the part that ``within`` selects): see
    ``_COLOUR_KINDS``."""
    return set(page.evaluate(_COLOUR_KINDS, [within, None, NEW_WAY]))


def colour_violations_where_new(
    page, checked: set[str], within: str | None = None, impacts=SERIOUS
) -> list[str]:
    """What axe's colour rules find on the page (or in the part that ``within``
    selects), checking the first element that draws text in each way not in
    ``checked``, a set of ways of ``colour_kinds``, to which the page's ways are added.
    The other elements draw text as one already checked: they would pass or fail alike."""
    kinds = set(page.evaluate(_COLOUR_KINDS, [within, sorted(checked), NEW_WAY]))
    new = kinds - checked
    checked |= kinds
    if not new:
        return []
    # The rules judge the marked elements alone (a context would take in their children).
    load_axe(page)
    page.evaluate(
        "mark => axe.configure({rules: [{id: 'color-contrast', selector: `[${mark}]`},"
        " {id: 'link-in-text-block', selector: `a[href][${mark}], [role=link][${mark}]`}]})",
        NEW_WAY,
    )
    try:
        return accessibility_violations(page, impacts, within, COLOUR_RULES)
    finally:
        page.evaluate(
            f"() => {{ axe.reset(); document.querySelectorAll('[{NEW_WAY}]')"
            f".forEach(e => e.removeAttribute('{NEW_WAY}')); }}"
        )


_PHONE_LAYOUT = """() => {
  const wide = element => element.scrollWidth > element.clientWidth + 1;
  const equations = [...document.querySelectorAll('mjx-container[display="true"]')];
  const cut = equations.filter(e => wide(e)).filter(e => {
    const style = getComputedStyle(e);
    return !(['auto', 'scroll'].includes(style.overflowX)
             && style.backgroundImage.includes('gradient'));
  });
  const code = [...document.querySelectorAll('div.highlight pre')];
  return {
    pageWidth: document.documentElement.scrollWidth,
    equations: equations.length,
    wideEquations: equations.filter(wide).length,
    cutEquations: cut.map(e => e.textContent.trim().slice(0, 40)),
    codeNotScrolling: code.filter(
      p => wide(p) && getComputedStyle(p).overflowX === 'visible').length,
    smallestCodeFont: Math.min(...code.map(p => parseFloat(getComputedStyle(p).fontSize))),
  };
}"""


def phone_layout(page) -> dict:
    """Resize the page to a phone held upright and measure what could be cut off: the
    page's width, display equations too wide for their box and without the shadows
    that show they scroll, code blocks too wide that do not scroll, the code font."""
    page.set_viewport_size(PHONE["viewport"])
    return page.evaluate(_PHONE_LAYOUT)
