"""HTML and Markdown articles → the plain text Muqabala scores.

Scraped articles arrive as web pages or Markdown. Offsets in results index the *extracted*
text (``ar == article_text[ar_start:ar_end]``), and the review store keeps that text, so
the extraction only has to be deterministic, never reversible. Tags are stripped, entities
decoded, block elements become line breaks (one paragraph per line, as in ``.txt``
articles), and page furniture (scripts, styles, navigation, share buttons, cookie banners,
hidden elements) is left out. When the page has an ``<article>`` (or else a ``<main>``),
only that is read: it is where the article is.

Characters are never normalised here: diacritics, tatweel, bidi controls and zero-width
characters stay as they were; only HTML whitespace runs collapse to one space.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements whose content is never article text.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
                   "head", "form", "button", "select", "option", "textarea", "input", "nav", "audio", "video",
                   "picture", "map", "dialog"})
# Furniture around (and at the foot of) an article; a <header> inside the <article> holds
# its headline and is read.
_FURNITURE = frozenset({"footer", "aside"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"})
# class/id words that mark furniture (matched as whole words of the attribute)
_FURNITURE_WORDS = frozenset({"share", "sharing", "social", "related", "comments", "advert", "advertisement", "ads",
                              "breadcrumb", "breadcrumbs", "newsletter", "cookie", "cookies", "promo", "sidebar",
                              "navbar", "menu", "subscribe", "paywall"})
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                    "table", "thead", "tbody", "tfoot", "blockquote", "section", "article", "main", "header",
                    "footer", "aside", "figure", "figcaption", "pre", "hr", "address", "details", "summary",
                    "caption", "center", "body", "html", "td", "th"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_HTML_WS = re.compile(r"[ \t\n\r\f]+")
_WORDS = re.compile(r"[a-z]+")
_TAG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|br|span|article|a\s|h[1-6]|ul|li|table|meta|script|"
                     r"/p|/div|/a|/span)\b", re.I)


def looks_like_html(text: str) -> bool:
    """A whole HTML page, or text with enough markup that it is not prose with a stray ``<``."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return len(_TAG_RE.findall(text[:200_000])) >= 3


def _is_furniture(tag: str, attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if (attrs.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    words = set(_WORDS.findall(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
    return bool(words & _FURNITURE_WORDS)


class _Events(HTMLParser):
    """Flattens a page into (kind, tag, attrs, data) events; entities are decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, dict(attrs), ""))
        if tag in _VOID:
            self.events.append(("end", tag, {}, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, dict(attrs), ""))
        self.events.append(("end", tag, {}, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.events.append(("end", tag, {}, ""))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", "", {}, data))


def html_to_text(page: str) -> str:
    """The article text of an HTML page: one paragraph per line, furniture left out."""
    parser = _Events()
    parser.feed(page)
    parser.close()
    events = parser.events
    tags = {t for k, t, _, _ in events if k == "start"}
    root = "article" if "article" in tags else ("main" if "main" in tags else None)

    lines: list[str] = []
    buf: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skipped here)
    skip_depth = 0  # open elements that skip their content
    in_root = 0 if root else 1  # >0 while inside the part of the page that is read
    pre = 0

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        if not pre:
            text = _HTML_WS.sub(" ", text)
        for line in text.split("\n"):
            if line.strip():
                lines.append(line.strip(" \t\r\f"))

    for kind, tag, attrs, data in events:
        if kind == "start":
            skipped = (tag in _SKIP or tag in _FURNITURE or _is_furniture(tag, attrs)
                       or (tag == "header" and not (root and in_root)))
            if root and tag == root:
                in_root += 1
            if tag in _BLOCK and not skip_depth:
                flush()
            if tag == "pre":
                pre += 1
            stack.append((tag, skipped))
            skip_depth += skipped
        elif kind == "end":
            # close up to the matching open tag (HTML in the wild leaves tags open)
            if not any(t == tag for t, _ in stack):
                continue
            while stack:
                t, skipped = stack.pop()
                skip_depth -= skipped
                if root and t == root:
                    in_root -= 1
                if t == "pre":
                    pre -= 1
                if t in _BLOCK and not skip_depth:
                    flush()
                if t == tag:
                    break
        elif not skip_depth and in_root > 0:
            buf.append(data)
    flush()
    return "\n".join(lines)


# ---- Markdown ---------------------------------------------------------------------------------
_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+\s*)?$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]\n]{0,1000})\]\([^)\n]{0,2048}\)|!\[([^\]\n]{0,1000})\]\[[^\]\n]{0,200}\]")
_LINK = re.compile(r"\[([^\]\n]{1,1000})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2048}(?:\s+\"[^\"\n]{0,500}\")?\)"
                   r"|\[([^\]\n]{1,1000})\]\[[^\]\n]{0,200}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.{1,1000}?)\1")
# (bounded repeats: a 5 MB line with unmatched marks must stay linear, not quadratic)
_EMPH = re.compile(r"(\*\*|__|~~)(?=\S)(.{1,1000}?)(?<=\S)\1|(?<![\w*])\*(?=\S)(.{1,1000}?)(?<=\S)\*(?!\*)"
                   r"|(?<!\w)_(?=\S)(.{1,1000}?)(?<=\S)_(?!\w)")
_INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,1000})?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


# Longer lines keep their inline marks (emphasis, links, code): the patterns that find them
# scan ahead from every mark, which is quadratic on an enormous line of unmatched marks.
MAX_INLINE_LINE = 20_000
_ESCAPABLE = "\\`*_{}[]()#+-.!|>~\"'"
_HOLD = {c: chr(0xE000 + i) for i, c in enumerate(_ESCAPABLE)}  # private-use stand-ins for escaped marks
_UNHOLD = str.maketrans({v: k for k, v in _HOLD.items()})


def _md_inline(line: str) -> str:
    hold = not any("\ue000" <= c <= "\ue0ff" for c in line)  # (stand-ins must not be in the text already)
    if hold:
        line = _ESCAPE.sub(lambda m: _HOLD[m.group(1)], line)  # \* is a literal *, not emphasis
    if len(line) <= MAX_INLINE_LINE:
        line = _IMAGE.sub("", line) if "![" in line else line
        line = _LINK.sub(lambda m: m.group(1) or m.group(2), line) if ("](" in line or "][" in line) else line
        line = _AUTOLINK.sub(r"\1", line)
        line = _CODE.sub(lambda m: m.group(2).strip(), line) if "`" in line else line
        for _ in range(3):  # nested emphasis (***x***, **_x_**)
            new = _EMPH.sub(lambda m: next(g for g in m.groups()[1:] if g is not None), line)
            if new == line:
                break
            line = new
    line = _INLINE_TAG.sub("", line)
    line = html.unescape(line)
    return line.translate(_UNHOLD) if hold else line


def markdown_to_text(md: str) -> str:
    """The text of a Markdown article: headings, lists and quotes lose their markers, links
    keep their text, images, reference definitions and front matter go; one paragraph per line."""
    md = _FRONT_MATTER.sub("", md, count=1)
    out: list[str] = []
    fence: str | None = None
    for raw in md.split("\n"):
        m = _FENCE.match(raw)
        if m:
            mark = m.group(1)[0]
            if fence is None:
                fence = mark
                continue
            if fence == mark:
                fence = None
                continue
        if fence is not None:  # code block content: kept verbatim
            out.append(raw.rstrip())
            continue
        if _SETEXT.match(raw) and out and out[-1].strip():
            continue  # the underline of a heading on the previous line
        if _RULE.match(raw) or _REF_DEF.match(raw) or _TABLE_RULE.match(raw):
            out.append("")
            continue
        line = raw
        h = _HEADING.match(line)
        if h:
            line = h.group(1)
        line = _QUOTE.sub("", line)
        line = _LIST.sub("", line)
        if line.strip().startswith("|") and line.strip().endswith("|"):
            line = " ".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(_md_inline(line).strip())
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
