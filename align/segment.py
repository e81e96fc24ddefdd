"""Tokens, sentences and quoted spans, each with offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import normalize_ar, normalize_en
from .records import Token

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_WORD_RE = re.compile(
    rf"\d+(?:[.,٫٬]\d+)*(?:[%٪])?"  # numbers in any script, with separators
    rf"|[^\W\d_](?:[^\W\d_]|[{_MARKS}])*(?:['’][^\W\d_]+)*"  # letters with marks, inner apostrophes
)
_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_RE.search(word))


def tokenize(text: str, start: int = 0, end: int | None = None, lang: str = "ar") -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``.

    English possessive ``'s`` becomes a token of its own, so that "Kim's" aligns "Kim".
    """
    end = len(text) if end is None else end
    norm = normalize_ar if lang == "ar" else normalize_en
    out: list[Token] = []
    for m in _WORD_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        w = m.group()
        if lang == "en" and len(w) > 2 and w[-2] in "'’" and w[-1] in "sS":
            out.append(Token(w[:-2], s, e - 2, norm(w[:-2])))
            out.append(Token(w[-2:], e - 2, e, "'s"))
            continue
        out.append(Token(w, s, e, norm(w)))
    return out


@dataclass(frozen=True)
class Span:
    """A piece of a text: a sentence, a window of sentences or a quoted span."""

    start: int
    end: int
    kind: str  # "sentence" | "window" | "quote"
    paragraph: int

    def text(self, full: str) -> str:
        return full[self.start : self.end]


_ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "rep", "sen", "gov",
           "prof", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
           "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e"}
_CLOSERS = "\"'”’»)]}"
_END_RE = re.compile(r"(?<![.])([.!?؟]|…)(?![.])")
_SPACE = " \t\u00a0\u200f\u200e"


def _sentence_ends(text: str, start: int, end: int, lang: str) -> list[int]:
    ends: list[int] = []
    for m in _END_RE.finditer(text, start, end):
        if m.group() == "…":
            continue  # an ellipsis inside a sentence ("نحن في انتظارك… تعال")
        i = m.end()
        while i < end and text[i] in _CLOSERS:
            i += 1
        if i < end and text[i] not in _SPACE:
            continue  # 15.5, U.S.A, "word.Next" glued: not a boundary
        if m.group() == ".":
            before = re.search(r"([\w.]+)$", text[start : m.start()])
            w = before.group(1).lower() if before else ""
            if lang == "en" and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
                continue
            if w.isdigit() and i < end and re.match(r"\s*\d", text[i:]):
                continue
        ends.append(i)
    return ends


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "\u200f\u200e\ufeff"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\u200f\u200e\ufeff"):
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines (a scraped article's paragraphs), trimmed."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        s, e = _trim(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line)
    return out


def sentences(text: str, lang: str = "ar") -> list[Span]:
    spans: list[Span] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        s = ps
        for e in [*_sentence_ends(text, ps, pe, lang), pe]:
            a, b = _trim(text, s, e)
            if b > a and tokenize(text, a, b, lang):
                spans.append(Span(a, b, "sentence", p))
            s = e
    return spans


_QUOTES = [("«", "»"), ("“", "”"), ('"', '"'), ("„", "“")]


def quoted_spans(text: str, start: int, end: int, paragraph: int, min_words: int = 3) -> list[Span]:
    """Quoted stretches («…», “…”, "…") of at least ``min_words`` words, quotes included."""
    out: list[Span] = []
    for op, cl in _QUOTES:
        i = start
        while True:
            a = text.find(op, i, end)
            if a < 0:
                break
            b = text.find(cl, a + 1, end)
            if b < 0:
                break
            if len(tokenize(text, a + 1, b)) >= min_words and (a, b + 1) != (start, end):
                out.append(Span(a, b + 1, "quote", paragraph))
            i = b + 1
    return out


def candidates(text: str, lang: str = "ar", max_window: int = 3) -> list[Span]:
    """Every span that may translate one English unit: sentences, windows of adjacent
    sentences in one paragraph, and quoted spans inside sentences."""
    sents = sentences(text, lang)
    out = list(sents)
    for n in range(2, max_window + 1):
        for i in range(len(sents) - n + 1):
            group = sents[i : i + n]
            if len({s.paragraph for s in group}) == 1:
                out.append(Span(group[0].start, group[-1].end, "window", group[0].paragraph))
    for s in sents:
        out.extend(quoted_spans(text, s.start, s.end, s.paragraph))
    seen: set[tuple[int, int]] = set()
    uniq = []
    for c in out:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            uniq.append(c)
    return uniq
