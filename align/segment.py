"""Tokens, sentences and quoted spans, each with offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import INVISIBLE_CHARS, normalize_ar, normalize_en
from .records import Token

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
# Invisible characters that scraped text leaves *inside* words (bidi marks and embeddings, the
# soft hyphen, word joiners, a stray BOM): a word goes on across them, so «بو\u200fتين» is one
# token whose normalised form is «بوتين». The zero-width space is a space and ends a word.
_JOINERS = "\u00ad\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_WORD_RE = re.compile(
    rf"\d+(?:[.,٫٬]\d+)*(?:[%٪])?"  # numbers in any script, with separators
    # a letter (not a tatweel), then letters, marks and joiners (trailing joiners are dropped by
    # tokenize: a lookahead for "a letter follows" would rescan long runs); inner apostrophes
    rf"|[^\W\d_\u0640](?:[^\W\d_]|[{_MARKS}{_JOINERS}])*(?:['’][^\W\d_]+)*"
)
_JOINER_CHARS = frozenset(c for c in map(chr, range(0x00a0, 0x2070)) if re.match(f"[{_JOINERS}]", c)) | {"\ufeff"}
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
        while text[e - 1] in _JOINER_CHARS:  # a joiner ends no word
            e -= 1
        w = text[s:e]
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
    cut: bool = False  # a piece of an over-long sentence (see MAX_SENTENCE)

    def text(self, full: str) -> str:
        return full[self.start : self.end]


_ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "rep", "sen", "gov",
           "prof", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
           "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e"}
_CLOSERS = "\"'”’»)]}"
_END_RE = re.compile(r"(?<![.])([.!?؟]|…)(?![.])")
_SPACE = " \t\u00a0\u200f\u200e"
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_DIGIT_AFTER_RE = re.compile(r"\s*\d")
_LOOKBACK = 64  # enough for any abbreviation or number before a period

# A "sentence" with no end in this many characters (a run-on line, inline data, a script left
# in a scraped page) is cut at clause punctuation or a space, so that no candidate span, and no
# encoder input, grows with the size of the page.
MAX_SENTENCE = 2000
_CLAUSE_MARKS = "،؛,;:—–"
_CUT_SPACES = " \t\u00a0\u200b\u3000"
_COMBINING_RE = re.compile(rf"[{_MARKS}{_JOINERS}\u0300-\u036f]")


def _sentence_ends(text: str, start: int, end: int, lang: str) -> list[int]:
    """Sentence ends in ``text[start:end]``; linear in its length (every look-around is bounded)."""
    ends: list[int] = []
    for m in _END_RE.finditer(text, start, end):
        if m.group() == "…":
            continue  # an ellipsis inside a sentence ("نحن في انتظارك… تعال")
        i = m.end()
        while i < end and (text[i] in _CLOSERS or (text[i] in INVISIBLE_CHARS and text[i] not in _SPACE)):
            i += 1
        if i < end and text[i] not in _SPACE:
            continue  # 15.5, U.S.A, "word.Next" glued: not a boundary
        if m.group() == ".":
            before = _WORD_BEFORE_RE.search(text, max(start, m.start() - _LOOKBACK), m.start())
            w = before.group(1).lower() if before else ""
            if lang == "en" and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
                continue
            if w.isdigit() and i < end and _DIGIT_AFTER_RE.match(text, i, end):
                continue
        ends.append(i)
    return ends


def _cut_point(text: str, s: int, e: int, limit: int) -> int:
    """Where to cut ``text[s:e]`` (longer than ``limit``): after the last clause mark in the
    window, else at its last space, else at the limit (never between a letter and its marks)."""
    lo, hi = s + limit // 4, s + limit
    best = max(text.rfind(c, lo, hi) for c in _CLAUSE_MARKS)
    if best >= 0:
        return best + 1
    best = max(text.rfind(c, lo, hi) for c in _CUT_SPACES)
    if best > s:
        return best
    cut = hi
    while cut > s + 1 and _COMBINING_RE.match(text, cut):
        cut -= 1
    return cut


def _pieces(text: str, s: int, e: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int, bool]]:
    """``text[s:e]`` as (start, end, cut) pieces of at most ``limit`` characters; ``cut`` is
    True when the piece comes from cutting an over-long sentence."""
    if e - s <= limit:
        return [(s, e, False)]
    out = []
    while e - s > limit:
        c = _cut_point(text, s, e, limit)
        out.append((s, c, True))
        s = c
    out.append((s, e, True))
    return out


def _is_invisible_or_space(ch: str) -> bool:
    return ch.isspace() or ch in INVISIBLE_CHARS


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and _is_invisible_or_space(text[s]):
        s += 1
    while e > s and _is_invisible_or_space(text[e - 1]):
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


def _paragraph_sentences(text: str, ps: int, pe: int, lang: str) -> list[tuple[int, int, bool]]:
    """(start, end, cut) of the sentences of one paragraph, trimmed, each with a word.

    A piece cut from an over-long sentence of an Arabic text is kept only if it holds an Arabic
    letter: a stretch of thousands of characters with no sentence end and no Arabic is inline
    data or script, not a translation (it stays in the text, it is just never a candidate).
    """
    out = []
    s = ps
    for e in [*_sentence_ends(text, ps, pe, lang), pe]:
        for a0, b0, cut in _pieces(text, s, e):
            a, b = _trim(text, a0, b0)
            if b > a and _WORD_RE.search(text, a, b) and not (cut and lang == "ar" and not _ARABIC_RE.search(text, a, b)):
                out.append((a, b, cut))
        s = e
    return out


def sentences(text: str, lang: str = "ar") -> list[Span]:
    """Sentences, paragraph by paragraph, with offsets into ``text``; linear in its length.

    A sentence longer than :data:`MAX_SENTENCE` with no end is cut into pieces (kind
    ``"sentence"``, ``cut=True``); see :func:`long_lines` for reporting them."""
    spans: list[Span] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        spans.extend(Span(a, b, "sentence", p, cut) for a, b, cut in _paragraph_sentences(text, ps, pe, lang))
    return spans


@dataclass(frozen=True)
class LongLine:
    """A line in which a sentence had to be cut (for the ``FILE:LINE: very long line`` warning)."""

    line: int  # 1-based, counting "\n"
    length: int
    pieces: int  # pieces that were cut from over-long sentences
    dropped: int  # of those, pieces left out of pairing (no Arabic letter in an Arabic text)


def long_lines(text: str, lang: str = "ar", limit: int = MAX_SENTENCE) -> list[LongLine]:
    """Lines of ``text`` holding a sentence longer than ``limit`` characters; cheap when none
    is (only lines longer than the limit are segmented)."""
    out = []
    for ps, pe in paragraphs(text):
        if pe - ps <= limit:
            continue
        pieces = dropped = 0
        s = ps
        for e in [*_sentence_ends(text, ps, pe, lang), pe]:
            for a0, b0, cut in _pieces(text, s, e, limit):
                if not cut:
                    continue
                pieces += 1
                a, b = _trim(text, a0, b0)
                dropped += bool(b > a and _WORD_RE.search(text, a, b) and lang == "ar" and not _ARABIC_RE.search(text, a, b))
            s = e
        if pieces:
            out.append(LongLine(text.count("\n", 0, ps) + 1, pe - ps, pieces, dropped))
    return out


_QUOTES = [("«", "»"), ("“", "”"), ('"', '"'), ("„", "“")]


def _count_words(text: str, start: int, end: int, enough: int) -> int:
    """Words in ``text[start:end]``, counting no further than ``enough``."""
    n = 0
    for _ in _WORD_RE.finditer(text, start, end):
        n += 1
        if n >= enough:
            break
    return n


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
            if _count_words(text, a + 1, b, min_words) >= min_words and (a, b + 1) != (start, end):
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
            # (windows never join pieces of a cut sentence: those are long enough alone)
            if len({s.paragraph for s in group}) == 1 and not any(s.cut for s in group):
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
