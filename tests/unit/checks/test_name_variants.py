"""A name spelt one way in the pair and a better way elsewhere in its article."""

import pytest

from align.checks.base import PairContext, registry
from align.checks.name_variants import NameVariants, _edits
from align.records import Pair
from align.segment import tokenize


def article_ctx(before: str, sentence: str, after: str, en: str) -> PairContext:
    """The pair's sentence inside an article, as the corpus reader gives it."""
    text = before + sentence + after
    start = len(before)
    pair = Pair("t", "art", "src", text, start, start + len(sentence), en, 0, len(en))
    return PairContext(pair, tokenize(text, start, start + len(sentence), "ar"), tokenize(en, lang="en"))


def spans(ctx, flags):
    return [ctx.pair.ar_text[f.ar_start : f.ar_end] for f in flags]


EN = "Ribeiro scored twice for the visitors."


@pytest.mark.parametrize(("before", "sentence", "after", "want"), [
    # the headline spells it right, the sentence drops a vowel: flagged, the clitic left out of the span
    ("ريبيرو يقود الفريق إلى الفوز\n\nأكد المدرب أن ريبيرو جاهز. ", "وسجل لريبيرا هدفين للضيوف.", "", ["ريبيرا"]),
    # the sentence has the better spelling, the article the worse one: the pair is fine
    ("ريبيرا يقود الفريق إلى الفوز. ", "وسجل ريبيرو هدفين للضيوف.", "", []),
    # one spelling throughout
    ("ريبيرو يقود الفريق إلى الفوز. ", "وسجل ريبيرو هدفين للضيوف.", "", []),
    # another name that merely sounds alike is too far in spelling to be a variant
    ("ريبيروفيتشينكو يقود الفريق. ", "وسجل ريبيرا هدفين للضيوف.", "", []),
])
def test_variants(before, sentence, after, want):
    ctx = article_ctx(before, sentence, after, EN)
    assert spans(ctx, NameVariants().run(ctx)) == want


def test_equal_sound_goes_by_use():
    en = "Marlowe & Finch said profits rose."
    before = "فينش تعلن أرباحا\n\nقالت شركة فينش إن أرباحها ارتفعت. "
    ctx = article_ctx(before, "وقالت مارلو أند فينتش إن الأرباح ارتفعت.", "", en)
    (f,) = NameVariants().run(ctx)
    assert spans(ctx, [f]) == ["فينتش"]
    assert (f.category, f.severity, f.suggestion) == ("named-entity", "minor", "فينش")
    assert ctx.pair.en_text[f.en_start : f.en_end] == "Finch"


def test_known_words_and_lone_sentences_pass():
    # «روسية» is the adjective Russian, not Russia misspelt
    ctx = article_ctx("روسيا تستقبل الوفد. زار الوفد روسيا. ", "وصلت القوات الروسية.", "", "Russia's troops arrived.")
    assert NameVariants().run(ctx) == []
    # a sentence alone (pairs mode) has no article to compare with
    s = "وسجل ريبيرا هدفين للضيوف."
    ctx = PairContext(Pair("t", None, None, s, 0, len(s), EN, 0, len(EN)), tokenize(s, lang="ar"), tokenize(EN, lang="en"))
    assert NameVariants().run(ctx) == []
    assert registry()["name-variants"] is NameVariants


@pytest.mark.parametrize(("a", "b", "n"), [("ريبيرو", "ريبيرا", 1), ("فينش", "فينتش", 1), ("abc", "abc", 0), ("", "ab", 2)])
def test_edits(a, b, n):
    assert _edits(a, b) == n
