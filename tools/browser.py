"""Visit pages of the built site in Debian's headless Chromium, through Playwright.

Every request to a host other than 127.0.0.1 is blocked and recorded, so a page that
needs the network shows up as a failed request instead of silently working online.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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

    def route(route_request):
        if urlsplit(route_request.request.url).netloc == own_host:
            route_request.continue_()
        else:
            report.blocked_requests.append(route_request.request.url)
            route_request.abort()

    page.route("**/*", route)
    page.on(
        "console",
        lambda message: (
            report.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: report.console_errors.append(str(error)))
    page.on(
        "requestfailed",
        lambda request: (
            None
            if urlsplit(request.url).netloc != own_host
            else report.failed_requests.append(f"{request.url} ({request.failure})")
        ),
    )
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
