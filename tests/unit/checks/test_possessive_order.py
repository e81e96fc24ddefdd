"""The English possessive order copied into Arabic («في روسيا منطقة كورسك»)."""

import pytest

from align.checks.base import registry
from align.checks.possessive_order import PossessiveOrder
from tests.conftest import ar_spans, make_ctx

EN = "Troops fought in Russia's Kursk border region"


@pytest.mark.parametrize(("ar", "links", "spans"), [
    ("قاتلت القوات في روسيا منطقة كورسك الحدودية", [("روسيا", "Russia"), ("منطقة", "region"), ("كورسك", "Kursk")],
     ["روسيا منطقة"]),
    # the Arabic order: possessed noun first, the possessor after it or as an adjective
    ("قاتلت القوات في منطقة كورسك الحدودية الروسية", [("الروسية", "Russia"), ("منطقة", "region"), ("كورسك", "Kursk")], []),
    ("قاتلت القوات في منطقة كورسك في روسيا", [("روسيا", "Russia"), ("منطقة", "region"), ("كورسك", "Kursk")], []),
    # punctuation between them: not one noun phrase
    ("قاتلت القوات في روسيا، منطقة كورسك", [("روسيا", "Russia"), ("منطقة", "region"), ("كورسك", "Kursk")], []),
])
def test_possessive_order(ar, links, spans):
    ctx = make_ctx(ar, EN, links)
    assert ar_spans(ctx, PossessiveOrder().run(ctx)) == spans


@pytest.mark.parametrize(("ar", "en", "links"), [
    # a definite adjective of an earlier noun, a verb, a word with a preposition after the name
    ("كانت زيارة كيم الأولى إلى روسيا", "It was Kim's first visit to Russia", [("كيم", "Kim"), ("الأولى", "first")]),
    ("رحلة كيم عززت العلاقات", "Kim's trip strengthened ties", [("كيم", "Kim"), ("عززت", "strengthened")]),
    ("أرسلت موسكو لصد الهجوم", "Moscow's troops repelled the attack", [("موسكو", "Moscow"), ("لصد", "repelled")]),
])
def test_correct_arabic_after_a_name_passes(ar, en, links):
    ctx = make_ctx(ar, en, links)
    assert PossessiveOrder().run(ctx) == []


def test_flag_fields():
    ctx = make_ctx("قاتلت القوات في روسيا منطقة كورسك", EN, [("روسيا", "Russia"), ("منطقة", "region")])
    (f,) = PossessiveOrder().run(ctx)
    assert (f.category, f.severity) == ("grammar", "minor")
    assert ctx.pair.en_text[f.en_start : f.en_end] == "Russia's"
    assert registry()["possessive-order"] is PossessiveOrder


@pytest.mark.parametrize(("ar", "en", "spans"), [
    # a person's possessive with «في»: the role word before the name says it is a person
    ("وعلق مستشار الشؤون الخارجية في بوتين على المنشور",
     "President Vladimir Putin's foreign affairs adviser commented on the post", ["في بوتين"]),
    ("وقال المتحدث في بيسكوف إن", "Kremlin spokesman Dmitry Peskov's deputy said", ["في بيسكوف"]),
    # the construct or «لـ»: right
    ("وعلق مستشار بوتين للشؤون الخارجية", "President Vladimir Putin's foreign affairs adviser commented", []),
    ("وعلق مستشار الشؤون الخارجية لبوتين", "President Vladimir Putin's foreign affairs adviser commented", []),
    # a place: «في» is right
    ("قاتلت القوات في منطقة كورسك في روسيا", "Troops fought in Russia's Kursk region", []),
    # no role word anywhere: not known to be a person
    ("وعلق مستشار الشؤون الخارجية في بوتين", "Putin's foreign affairs adviser commented", []),
])
def test_fi_for_a_persons_possessive(ar, en, spans):
    ctx = make_ctx(ar, en)
    assert ar_spans(ctx, PossessiveOrder().run(ctx)) == spans


def test_fi_person_suggestion_and_article_context():
    from align.records import Pair
    from align.resources import PairTexts

    en = "Putin's foreign affairs adviser commented"
    ctx = make_ctx("وعلق مستشار الشؤون الخارجية في بوتين", en)
    reg = PairTexts()
    other = Pair("o", "art", "s2", "زار الرئيس فلاديمير بوتين", 0, 25, "President Vladimir Putin visited", 0, 32)
    here = Pair("t", "art", "s1", ctx.pair.ar_text, 0, len(ctx.pair.ar_text), en, 0, len(en))
    for p in (other, here):
        reg.add(p, [])
    ctx.pair = here
    ctx.resources = type("R", (), {"pair_texts": reg})()
    (f,) = PossessiveOrder().run(ctx)
    assert f.suggestion == "لبوتين"
    assert (f.category, f.severity) == ("grammar", "minor")
