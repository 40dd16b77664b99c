"""A bounded crawler for the accessibility crawl test: follows links, checks each kind of page once.

Pages are keyed by route pattern (the URL's resolved name plus which query keys it has), so the crawl
visits at most one concrete URL per pattern however much demo data there is.
"""

import html
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

# Links the crawl never follows: files rather than pages, and the machine-readable API.
DOWNLOAD_SUFFIXES = (".ics", ".csv", ".xlsx", ".zip", ".pdf", ".json", ".xml")
SKIPPED_PREFIXES = (
    "/api/",
    # Django's own admin is not a GOV.UK page of the service: it has its own look and is not
    # built from the design system, so it is outside what this crawl (and issue 11) checks.
    "/staff/admin/",
    # Choosing a language only sets a cookie and redirects; the crawl sets the cookie itself.
    "/language/",
)
# Route names that end a session or stand for a file: following them would end the crawl early.
SKIPPED_NAMES = re.compile(r"sign_out|logout|download|export|calendar")
# The links of a page already checked, read without a browser: every link (the prefix filters the footer's).
HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
# Where the crawl looks for links in the browser: the page's content and the header and navigation.
LINK_SELECTOR = "main a[href], header a[href], nav a[href], .govuk-service-navigation a[href]"


def route_key(path: str, query: str) -> str | None:
    """The route pattern a URL belongs to, or None when it is not one of the project's pages."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    keys = sorted({key for key, _value in parse_qsl(query, keep_blank_values=True)} - {"page"})
    name = match.view_name if match.url_name else f"?{match.route}"
    return name + (f"?{'&'.join(keys)}" if keys else "")


def followable(path: str, prefix: str) -> bool:
    if not path.startswith(prefix) or path.startswith(SKIPPED_PREFIXES) or path.endswith(DOWNLOAD_SUFFIXES):
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return not SKIPPED_NAMES.search(match.view_name)


@dataclass
class Crawl:
    """One crawl's bookkeeping; `checked` may be shared between crawls so a pattern is checked once."""

    base_url: str
    prefix: str
    limit: int = 200  # pages loaded, a backstop if the route keys ever stop bounding the crawl
    visited: dict[str, str] = field(default_factory=dict)  # route key -> the URL visited
    checked: set[str] = field(default_factory=set)
    skipped_statuses: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # URL names of the pages shown (after any redirect)

    def run(self, page: Page, start: Iterable[str], check: Callable[[str], None]) -> None:
        """Visit each route pattern reachable from `start` once; call check(route key) on new ones."""
        queue: deque[str] = deque(start)
        while queue and len(self.visited) < self.limit:
            url = queue.popleft()
            parts = urlsplit(url)
            key = route_key(parts.path, parts.query)
            if key is None or key in self.visited:
                continue
            self.visited[key] = url
            if key in self.checked:
                # Checked already (as an earlier role): only its links are needed, so skip the browser.
                queue.extend(self.links_without_browser(page, url))
                continue
            try:
                response = page.goto(self.base_url + url)
            except PlaywrightError as error:  # a download (Content-Disposition: attachment) starts instead
                if "Download is starting" in str(error):
                    continue
                raise
            if response is None:
                continue
            content_type = response.headers.get("content-type", "")
            disposition = response.headers.get("content-disposition", "")
            if "text/html" not in content_type or "attachment" in disposition:
                continue
            if (shown := route_key(urlsplit(page.url).path, "")) is not None:
                self.seen.add(shown)
            if response.status >= 400:
                # A refused page (403/404) is still a page people see: check it, but do not follow it.
                self.skipped_statuses.append(f"{response.status} {url}")
            # A refused page is keyed by its status, so it cannot stand for the page a later role can see.
            checked_as = key if response.status < 400 else f"{key}#{response.status}"
            if checked_as not in self.checked:
                self.checked.add(checked_as)
                check(checked_as)
            if response.status >= 400:
                continue
            queue.extend(self.links(page))

    def links_without_browser(self, page: Page, url: str) -> list[str]:
        response = page.request.get(self.base_url + url, max_redirects=0)
        if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            return []
        hrefs = [urljoin(self.base_url + url, html.unescape(href)) for href in HREF.findall(response.text())]
        return self.followable_links(hrefs)

    def links(self, page: Page) -> list[str]:
        hrefs: list[str] = page.eval_on_selector_all(LINK_SELECTOR, "links => links.map(link => link.href)")
        return self.followable_links(hrefs)

    def followable_links(self, hrefs: list[str]) -> list[str]:
        found: list[str] = []
        origin = urlsplit(self.base_url)
        for href in hrefs:
            parts = urlsplit(urldefrag(href).url)
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                continue
            if not followable(parts.path, self.prefix):
                continue
            query = urlencode(parse_qsl(parts.query, keep_blank_values=True))
            found.append(parts.path + (f"?{query}" if query else ""))
        return found
