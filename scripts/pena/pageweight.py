"""What a page costs a reader on mobile data: gzip-compressed bytes of a built page and of the
stylesheets and scripts it loads (a static host serves them compressed).

A built page is measured in parts, each with its own budget, so that a budget says who has to
act when it runs out:

- content: the page's own Markdown as rendered (what its author controls): in the article, from
  the page's H1 to the first thing the theme puts after the content (Material's source-file and
  feedback partials, our share bar), see split_content().
- theme: everything else in the HTML: head, header, navigation (it grows with every page in
  `nav:`), table of contents, share bar, QR code, footer.
- later page: the whole HTML, what a reader downloads for every page after the first
  (stylesheets and scripts are cached by then).
- first view: the HTML plus every stylesheet and script it loads, for a reader's first page.

Each part is compressed on its own, so content + theme is a little more than the whole page.
A page over a budget is an error (WT001); at 90% or more of one it is a warning (WT002), so
a budget warns before it fails.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from pena.content import Site, output_path
from pena.findings import ERROR, WARNING, Finding, finding
from pena.htmltags import start_tags
from pena.rules import BUILT, rule
from pena.structure import cache_dir, write_json_atomic

ARTICLE = '<article class="md-content__inner md-typeset">'
#: What the theme writes into the article after the page's content (Material's
#: partials/content.html, then overrides/main.html's share bar): the content ends at the first.
AFTER_CONTENT = ('<aside class="md-source-file"', '<form class="md-feedback"', '<aside class="pena-share"',
                 '<figure class="pena-print-qr', "</article>")

KB = 1024
#: Budgets in gzip bytes. First view and later page are the project's quality bars; content and
#: theme say which part to cut. The theme part grows with the languages (the language menu),
#: the pages of the module in the nav and long tables of contents: at 6 KB the quiz pages of a
#: third language were over it while their whole page was within 12 KB, so it is 7 KB.
BUDGETS = {
    "content": 8 * KB,
    "theme": 7 * KB,
    "later page": 12 * KB,
    "first view": 80 * KB,
}
WARN_AT = 0.9
HINTS = {
    "content": "shorten the page or split it in two (images are not counted: they load when shown)",
    "theme": "the theme part grew: every page in nav: adds to it, and so do headings (table of contents) "
             "and changes in overrides/",
    "later page": "see which part grew in the content and theme lines; split long pages",
    "first view": "a page-specific script or style (front matter scripts:/styles:) or the theme's CSS/JS grew",
}


def gz(data: bytes) -> int:
    """Compressed size at the level a typical host uses."""
    return len(gzip.compress(data, compresslevel=6))


# The tags that make a browser load a file on first view; only these are parsed (a full HTML
# parse of every page took most of the check's time).
_LOADING_TAGS = re.compile(r"<(?:script|link)\b[^>]*>", re.IGNORECASE)


def page_load(built_site: Path, html_file: Path, assets: dict[str, int] | None = None) -> dict[str, int]:
    """Compressed bytes of the HTML and of each CSS, JS and font file it loads on first view.
    `assets` caches the sizes of shared files across pages."""
    html = html_file.read_bytes()
    return {html_file.relative_to(built_site).as_posix(): gz(html),
            **loaded_files(built_site, html_file, html.decode("utf-8"), assets)}


def loaded_files(built_site: Path, html_file: Path, html: str, assets: dict[str, int] | None = None) -> dict[str, int]:
    """Compressed bytes of each CSS, JS and font file the page loads on first view."""
    assets = {} if assets is None else assets
    sizes: dict[str, int] = {}
    folder = html_file.parent
    tags = [tag for match in _LOADING_TAGS.finditer(html) for tag in start_tags(match.group(0))]
    for tag, attrs in tags:
        ref = attrs.get("src") if tag == "script" else attrs.get("href") if (
            tag == "link" and attrs.get("rel") in ("stylesheet", "preload")) else None
        if ref and "://" not in ref:
            target = Path(posixpath.normpath(folder / ref.split("?")[0]))
            name = target.relative_to(built_site).as_posix()
            if name not in assets:
                assets[name] = gz(target.read_bytes())
            sizes[name] = assets[name]
    return sizes


def split_content(html: str) -> tuple[str, str]:
    """(the page's own content, the rest of the HTML). The content is read where Material's
    partials/content.html writes it: it starts with the page's H1 (every page has one, PG001)
    and ends where the theme's additions start. No article or no H1: ("", html)."""
    article = html.find(ARTICLE)
    start = html.find("<h1", article) if article >= 0 else -1
    if start < 0:
        return "", html
    ends = [index for index in (html.find(marker, start) for marker in AFTER_CONTENT) if index >= 0]
    end = min(ends) if ends else len(html)
    end = start + len(html[start:end].rstrip())  # the template's blank lines are not content
    return html[start:end], html[:start] + html[end:]


@dataclass(frozen=True)
class Weight:
    source: str  # the Markdown source (repository-relative)
    built: str  # the HTML file, relative to the built site
    parts: dict[str, int]  # gzip bytes per budget name

    def share(self, part: str) -> float:
        return self.parts[part] / BUDGETS[part]


def measure(built_site: Path, html_file: Path, source: str, assets: dict[str, int],
            known: dict[str, list[int]] | None = None, seen: dict[str, list[int]] | None = None) -> Weight:
    """The four parts of one page. `known` maps a hash of a page's HTML to its content, theme
    and whole-page sizes (a page whose HTML did not change is not compressed again); `seen`
    collects the entries of the pages measured."""
    raw = html_file.read_bytes()
    html = raw.decode("utf-8")
    key = hashlib.sha1(_code_version().encode() + raw).hexdigest()
    sizes = (known or {}).get(key)
    if not (isinstance(sizes, list) and len(sizes) == 3):
        content, theme = split_content(html)
        sizes = [gz(content.encode("utf-8")), gz(theme.encode("utf-8")), gz(raw)]
    if seen is not None:
        seen[key] = sizes
    built = html_file.relative_to(built_site).as_posix()
    files = loaded_files(built_site, html_file, html, assets)
    return Weight(source, built, {
        "content": sizes[0],
        "theme": sizes[1],
        "later page": sizes[2],
        "first view": sizes[2] + sum(files.values()),
    })


# Compressing every page three times (content, theme, whole) was a fifth of the checks' time;
# most pages come out of a rebuild byte for byte the same, so their sizes are kept on disk
# beside the structure cache, keyed by a hash of the HTML and of this file.
@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()


def _weights_cache() -> Path:
    return cache_dir().parent / "page-weights.json"


def _read_known() -> dict[str, list[int]]:
    try:
        data = json.loads(_weights_cache().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_known(known: dict[str, list[int]]) -> None:
    write_json_atomic(_weights_cache(), known)


def site_weights(site: Site, built: Path) -> list[Weight]:
    """The weight of every built page that has a source, measured once per loaded Site."""
    key = ("page weights", built.resolve())
    if key not in site.cache:
        assets: dict[str, int] = {}
        known: dict[str, list[int]] = _read_known()
        seen: dict[str, list[int]] = {}
        weights = []
        for (page_key, lang), page in sorted(site.pages.items()):
            html_file = built / output_path(page_key, lang, site.langs)
            if html_file.is_file():
                weights.append(measure(built, html_file, page.rel, assets, known, seen))
        if seen and not seen.keys() <= known.keys():
            _write_known({**known, **seen} if len(known) < 2000 else seen)  # bounded: a few sites' pages
        site.cache[key] = weights
    return site.cache[key]  # type: ignore[return-value]


def _describe(weight: Weight, part: str) -> str:
    used, budget = weight.parts[part], BUDGETS[part]
    detail = ""
    if part == "later page":
        detail = f" (content {weight.parts['content']:,}, theme {weight.parts['theme']:,})"
    return (f"{part} of site/{weight.built} is {used:,} bytes gzip{detail}: {used / budget:.0%} of its "
            f"{budget // KB} KB budget")


@rule("WT001", ERROR, "a built page is over a weight budget (its content, the theme part, the later-page "
      "HTML or the first view)", scope=BUILT)
@rule("WT002", WARNING, "a built page uses 90% or more of a weight budget", scope=BUILT)
def check_page_weight(site: Site, built: Path) -> list[Finding]:
    found = []
    near: dict[str, list[Weight]] = {part: [] for part in BUDGETS}
    for weight in site_weights(site, built):
        for part in BUDGETS:
            share = weight.share(part)
            if share > 1:
                found.append(finding(weight.source, None, "WT001", _describe(weight, part), HINTS[part]))
            elif share >= WARN_AT:
                near[part].append(weight)
    for part, weights in near.items():
        found.extend(_near_budget(part, weights))
    return found


def _near_budget(part: str, weights: list[Weight]) -> list[Finding]:
    """WT002 findings for the pages at 90% or more of one budget. A page's content is its
    author's to cut, so each page gets its own warning; the other parts share a cause (the
    theme's CSS and JS, the nav), so they get one warning naming the heaviest page and the
    count, instead of sixty lines that say the same thing."""
    if not weights:
        return []
    if part == "content" or len(weights) == 1:
        return [finding(w.source, None, "WT002", _describe(w, part), HINTS[part]) for w in weights]
    heaviest = max(weights, key=lambda w: w.parts[part])
    return [finding(heaviest.source, None, "WT002",
                    f"{len(weights)} pages use 90% or more of the {part} budget; the heaviest: "
                    f"{_describe(heaviest, part)}", HINTS[part])]


def headroom(site: Site, built: Path) -> list[str]:
    """One line per budget: the heaviest page, its share of the budget and the bytes left."""
    weights = site_weights(site, built)
    lines = []
    for part, budget in BUDGETS.items():
        if not weights:
            break
        heaviest = max(weights, key=lambda w, p=part: w.parts[p])
        used = heaviest.parts[part]
        lines.append(f"  {part:<10} {used:>7,} of {budget:>7,} bytes ({used / budget:>4.0%}), "
                     f"{budget - used:>7,} left: site/{heaviest.built}")
    return lines
