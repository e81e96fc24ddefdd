"""Property-based tests (hypothesis): any Unicode input never crashes segmentation,
normalisation, reading or the checks, and every reported offset slices the original text
to the reported string."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.checks import PairContext, registry
from align.corpus import GlossaryEntry, Problems, article_text, decode_bytes, repair_mojibake
from align.htmltext import html_to_text, markdown_to_text
from align.idioms import load_idioms
from align.normalize import ar_stem_light, normalize_ar, normalize_en, strip_invisible, to_ascii_digits
from align.records import Pair
from align.resources import DEFAULT_IDIOMS, Resources
from align.segment import MAX_SENTENCE, candidates, long_lines, paragraphs, quoted_spans, sentences, tokenize

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that make the checks do something: names, status words, numbers in words and digits,
# months, reported speech, stray «أ», Latin script, transliterations, idioms.
AR_WORDS = ["قال", "إن", "ذلك", "الرئيس", "السابق", "الراحل", "بوتين", "فلاديمير", "كيم", "جونغ", "أون", "ترامب",
            "دونالد", "أ", "قفازا", "رائدا", "وبندقية", "ثلاثة", "آلاف", "الخامس", "عشر", "سبتمبر", "أيلول", "٢٠٢٤",
            "١٥٬٠٠٠", "٣٫٥", "مليون", "نحن", "أنا", "مارك", "هجوم", "سحري", "لم", "لن", "يجب", "قد", "كــيم",
            "بُوتِين", "الولايات", "المتحدة", "«", "»", "،", "؛", "؟", ".", ":", "Dioyutai", "CNN"]
EN_WORDS = ["said", "that", "the", "former", "late", "President", "Vladimir", "Putin", "Kim", "Jong", "Un", "Trump",
            "Donald", "a", "cosmonaut", "glove", "rifle", "three", "thousand", "15th", "September", "2024", "15,000",
            "3.5", "million", "we", "I", "marked", "charm", "offensive", "not", "never", "must", "may", "Kim's",
            "United", "States", "\"", "“", "”", ",", ".", ":", "(", ")", "%"]
ODD = ["\u200f", "\u200e", "\u200b", "\u200c", "\u200d", "\u202b", "\u202c", "\u2066", "\u2069", "\u061c", "\ufeff",
       "\u00ad", "\u2060", "\u0640", "\u064e", "\u0651", "\u0670", "\u00a0", "\t", "\n", "\r", "\x07", "\ufffd",
       "ﻻ", "ﷺ", "٪", "٫", "٬", "…", "...", "'", "’", "<b>", "&amp;", "\u0301", "𝐀", "😀", "ß", "İ"]


def _mix(words: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(words), st.sampled_from(ODD), st.text(max_size=4))
    sep = st.sampled_from([" ", " ", " ", "", "\n", "  ", "\u200f ", "\u00a0"])
    return st.lists(st.tuples(piece, sep), max_size=40).map(lambda xs: "".join(a + b for a, b in xs))


ANY_TEXT = st.one_of(st.text(max_size=200), _mix(AR_WORDS + EN_WORDS))
AR_TEXT = st.one_of(_mix(AR_WORDS), st.text(max_size=120))
EN_TEXT = st.one_of(_mix(EN_WORDS), st.text(max_size=120))


def _assert_span(text: str, start: int, end: int) -> None:
    assert 0 <= start < end <= len(text)
    piece = text[start:end]
    assert piece.strip()


# ---- segmentation and offsets -------------------------------------------------------------------
@SETTINGS
@given(ANY_TEXT, st.sampled_from(["ar", "en"]))
def test_tokens_slice_the_original_text(text, lang):
    toks = tokenize(text, lang=lang)
    last = 0
    for t in toks:
        assert text[t.start:t.end] == t.text and t.text
        assert t.start >= last  # in order, never overlapping
        last = t.end
        assert isinstance(t.norm, str)
    # a sub-range is tokenised within it, with offsets still into the whole text
    a, b = len(text) // 3, 2 * len(text) // 3
    for t in tokenize(text, a, b, lang):
        assert a <= t.start < t.end <= b and text[t.start:t.end] == t.text


@SETTINGS
@given(ANY_TEXT, st.sampled_from(["ar", "en"]))
def test_sentences_and_candidates_are_trimmed_spans_of_the_text(text, lang):
    sents = sentences(text, lang)
    prev_end = 0
    for s in sents:
        _assert_span(text, s.start, s.end)
        assert s.start >= prev_end and s.end - s.start <= MAX_SENTENCE
        prev_end = s.end
        piece = s.text(text)
        assert not piece[0].isspace() and not piece[-1].isspace()
        assert tokenize(text, s.start, s.end, lang)  # every sentence has a word
    for c in candidates(text, lang):
        _assert_span(text, c.start, c.end)
    for p0, p1 in paragraphs(text):
        _assert_span(text, p0, p1)
        for q in quoted_spans(text, p0, p1, 0):
            _assert_span(text, q.start, q.end)
            assert p0 <= q.start < q.end <= p1
    for ll in long_lines(text):
        assert ll.length > MAX_SENTENCE


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet="ابت ثج،.x\n", min_size=1, max_size=20), st.integers(1500, 6000))
def test_long_runs_are_cut_into_bounded_pieces(unit, reps):
    text = unit * (reps // len(unit) + 1)
    for s in sentences(text):
        _assert_span(text, s.start, s.end)
        assert s.end - s.start <= MAX_SENTENCE


# ---- normalisation -----------------------------------------------------------------------------------
@SETTINGS
@given(st.text(max_size=300))
def test_normalisers_never_crash(text):
    for f in (normalize_ar, normalize_en, strip_invisible, to_ascii_digits, ar_stem_light):
        assert isinstance(f(text), str)


_JOIN = ["\u200f", "\u200e", "\u00ad", "\u2060", "\u061c", "\ufeff", "\u0640", "\u064e", "\u064b", "\u0651"]


@SETTINGS
@given(st.sampled_from([w for w in AR_WORDS if re.fullmatch(r"[\u0621-\u064a]{2,}", w)]),
       st.lists(st.tuples(st.integers(1, 20), st.sampled_from(_JOIN)), max_size=4))
def test_matching_ignores_invisibles_tatweel_and_diacritics_inside_a_word(word, inserts):
    spelled = word
    for pos, ch in sorted(inserts, reverse=True):
        pos = 1 + pos % (len(word) - 1)  # inside the word, after a letter
        spelled = spelled[:pos] + ch + spelled[pos:]
    text = f"قال {spelled} اليوم"
    toks = tokenize(text)
    assert [t.norm for t in toks] == [normalize_ar("قال"), normalize_ar(word), normalize_ar("اليوم")]
    assert toks[1].text == spelled  # the original, untouched


# ---- reading ------------------------------------------------------------------------------------------
@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_are_read_or_refused_never_crash(data):
    pr = Problems()
    text = decode_bytes(data, "f.txt", pr)
    assert text is None or isinstance(text, str)
    assert all(m.startswith("f.txt") for m in pr.messages)


@SETTINGS
@given(ANY_TEXT, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_article_text_is_extracted_or_refused(text, name):
    pr = Problems()
    out = article_text(Path(name), text, pr)
    assert out is None or out.strip()
    assert isinstance(html_to_text(text), str) and isinstance(markdown_to_text(text), str)
    assert isinstance(repair_mojibake(text, "f", Problems()) or "", str)


# ---- the checks --------------------------------------------------------------------------------------
IDIOMS = load_idioms(DEFAULT_IDIOMS, Problems()) if DEFAULT_IDIOMS.exists() else []
GLOSSARY = [GlossaryEntry("glove", ["قفاز"], ["قفازا رائدا"], "a cosmonaut's glove", "g:1"),
            GlossaryEntry("Kim Jong Un", ["كيم جونغ أون"], ["كيم جونج أون"], "", "g:2")]
CHECKS = [cls() for cls in registry().values()]


def _context(ar_full: str, a0: int, a1: int, en_full: str, e0: int, e1: int) -> PairContext:
    pair = Pair("p", "art" if (a0, a1) != (0, len(ar_full)) else None, "src", ar_full, a0, a1, en_full, e0, e1)
    at, et = tokenize(ar_full, a0, a1, "ar"), tokenize(en_full, e0, e1, "en")
    res = Resources(glossary=list(GLOSSARY), idioms=IDIOMS)
    res.memory.add_pair(pair.pair_id, pair.article, ar_full, at, et, [], None)
    return PairContext(pair, at, et, [], None, res)


@pytest.mark.parametrize("check", CHECKS, ids=[c.name for c in CHECKS])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ar=AR_TEXT, en=EN_TEXT, before=st.sampled_from(["", "مقدمة.\n", "\u202bسطر\u202c "]),
       after=st.sampled_from(["", " خاتمة.", "\n"]))
def test_every_check_survives_any_pair_and_its_flags_point_inside_it(check, ar, en, before, after):
    """With no alignment (links=[], sim=None), as for a pair the aligner could not handle."""
    ar_full, en_full = before + ar + after, "Intro. " + en
    ctx = _context(ar_full, len(before), len(before) + len(ar), en_full, 7, len(en_full))
    for f in check.run(ctx):
        assert f.check == check.name
        assert f.category in ("mistranslation", "omission", "addition", "untranslated", "grammar", "named-entity",
                              "number-date", "terminology")
        assert f.severity in ("minor", "major", "critical")
        assert isinstance(f.message, str) and f.message
        assert (f.ar_start is None) == (f.ar_end is None) and (f.en_start is None) == (f.en_end is None)
        if f.ar_start is not None:
            assert ctx.pair.ar_start <= f.ar_start < f.ar_end <= ctx.pair.ar_end, f
            assert ar_full[f.ar_start:f.ar_end].strip(), f
        if f.en_start is not None:
            assert ctx.pair.en_start <= f.en_start < f.en_end <= ctx.pair.en_end, f
            assert en_full[f.en_start:f.en_end].strip(), f
