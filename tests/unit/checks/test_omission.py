"""The omission check: a qualifier or a demonym the Arabic drops is flagged (on the English
word, with the Arabic rendering of its neighbour as the place it belonged); a word that is
translated but not aligned, a free rendering, a function word, a reporting or light verb and
the words other checks own stay quiet. Sentences are invented."""

from __future__ import annotations

import numpy as np
import pytest

from align.checks.base import registry
from align.checks.omission import Omission, load_lexicon
from align.polarity import LEXICON_DIR
from tests.conftest import make_ctx


def run(ar, en, links=None):
    ctx = make_ctx(ar, en, links)
    return ctx, Omission().run(ctx)


def en_words(ctx, flags):
    return [ctx.pair.en_text[f.en_start : f.en_end] for f in flags]


def ar_span(ctx, flag):
    return None if flag.ar_start is None else ctx.pair.ar_text[flag.ar_start : flag.ar_end]


def test_registered():
    assert registry()["omission"] is Omission


# (Arabic, English, links, dropped English word, severity, Arabic span of the neighbour)
DROPPED = [
    # economy: the accounting basis
    ("ارتفعت الأرباح بنسبة 10% العام الماضي.", "Net profit rose 10% last year.", [("الأرباح", "profit")],
     "Net", "major", "الأرباح"),
    # health: the standing of a result and its scope
    ("أظهرت دراسة نشرت الثلاثاء أن العقار خفض الكوليسترول.", "A preliminary study published on Tuesday found the drug cut cholesterol.",
     [("دراسة", "study")], "preliminary", "major", "دراسة"),
    ("خفض العقار ضغط الدم بشكل ملحوظ.", "The drug markedly lowered blood pressure in rats.", [("ضغط", "pressure")],
     "rats", "major", "ضغط"),
    ("تشمل الفئات الأكثر عرضة للخطر الأطفال.", "Children and people with chronic illnesses are most vulnerable.",
     [("الأطفال", "Children")], "chronic", "major", "الأطفال"),
    # conflict: the agent, the scope of a count
    ("قصفت الطائرات مواقع للمتمردين.", "Syrian jets bombed rebel positions.", [("الطائرات", "jets")],
     "Syrian", "major", "الطائرات"),
    ("اعتقلت الشرطة ثلاثة مسلحين.", "Police arrested three suspected militants.", [("مسلحين", "militants")],
     "suspected", "major", "مسلحين"),
    ("قتل عشرات الأشخاص في القصف.", "Dozens of civilians were killed in the shelling.", [("القصف", "shelling")],
     "civilians", "major", "قتل"),  # the nearest neighbour with a rendering: "killed", by the dictionary
    ("أعلن الطرفان وقف إطلاق النار.", "The two sides announced a partial ceasefire.", [("وقف", "ceasefire")],
     "partial", "major", "وقف"),
    # politics: whose statement
    ("أصدر الوزيران بيانا بعد الاجتماع.", "The two ministers issued a joint statement after the meeting.", [("بيانا", "statement")],
     "joint", "minor", "بيانا"),
]


@pytest.mark.parametrize(("ar", "en", "links", "word", "severity", "span"), DROPPED)
def test_dropped(ar, en, links, word, severity, span):
    ctx, flags = run(ar, en, links)
    assert en_words(ctx, flags) == [word], [f.message for f in flags]
    f = flags[0]
    assert f.category == "omission"
    assert f.check == "omission"
    assert f.severity == severity
    assert ar_span(ctx, f) == span


def test_neighbour_found_by_dictionary_without_links():
    """No word links at all: the Arabic span is the word whose glosses are the neighbour."""
    ctx, flags = run("أظهرت دراسة نشرت الثلاثاء أن العقار فعال.", "A preliminary study published on Tuesday found the drug works.")
    assert en_words(ctx, flags) == ["preliminary"]
    assert ar_span(ctx, flags[0]) == "دراسة"


def test_no_neighbour_english_span_only():
    """No English neighbour within reach has an Arabic rendering: the flag points at the
    English word only (span metrics, which read Arabic spans, do not see it)."""
    ctx, flags = run("تشمل الفئات الأكثر عرضة للخطر الأطفال والحوامل.",
                     "Children, pregnant women and people with chronic illnesses are most vulnerable.")
    assert en_words(ctx, flags) == ["chronic"]
    assert flags[0].ar_start is None and flags[0].ar_end is None


def test_two_omissions_in_one_pair():
    ctx, flags = run("أظهرت دراسة أن العقار خفض ضغط الدم.", "A preliminary study found the drug lowered blood pressure in mice.",
                     [("دراسة", "study"), ("ضغط", "pressure")])
    assert en_words(ctx, flags) == ["preliminary", "mice"]
    assert [ar_span(ctx, f) for f in flags] == ["دراسة", "ضغط"]


def test_two_demonyms_dropped():
    ctx, flags = run("شارك لاجئون في الاحتجاج.", "Sudanese and Eritrean refugees joined the protest.", [("لاجئون", "refugees")])
    assert en_words(ctx, flags) == ["Sudanese", "Eritrean"]
    assert {f.severity for f in flags} == {"major"}


# Translated, often without a word link (the aligner need not have linked anything): quiet.
TRANSLATED = [
    ("أظهرت نتائج أولية أن الدواء فعال لدى الفئران.", "Preliminary results showed the drug worked in mice."),
    ("أظهرت النتائج المبدئية أن الدواء فعال في الجرذان.", "Preliminary results showed the drug worked in rats."),
    ("ارتفع صافي الدخل 5%.", "Net income rose 5%."),
    ("سجلت الشركة خسارة صافية قدرها مليون دولار.", "The company posted a net loss of $1 million."),
    ("نما الناتج المحلي الإجمالي 2%.", "Gross domestic product grew 2%."),
    ("قتل ثلاثة مدنيين في القصف.", "Three civilians were killed in the shelling."),
    ("أعلن الطرفان وقفا جزئيا لإطلاق النار.", "The two sides announced a partial ceasefire."),
    ("كان معظم المحتجين سلميين.", "The protesters were mostly peaceful."),
    ("كانت الاحتجاجات سلمية في غالبيتها.", "The protests were largely peaceful."),
    ("هاجمت طائرة مسيرة أوكرانية مصفاة نفط روسية.", "A Ukrainian drone hit a Russian oil refinery."),
    ("قال اللاجئون السودانيون إنهم فروا من القتال.", "Sudanese refugees said they fled the fighting."),
    ("اعتقلت الشرطة ثلاثة مسلحين يشتبه في انتمائهم إلى التنظيم.", "Police arrested three suspected militants."),
    ("تشمل الفئات الأكثر عرضة للخطر الأطفال والمصابين بأمراض مزمنة.", "Children and people with chronic illnesses are most vulnerable."),
    ("أصدر الوزيران بيانا مشتركا.", "The two ministers issued a joint statement."),
    ("نجحت التجربة على القرود.", "The trial succeeded in monkeys."),
    ("أعلنت الحكومة إغلاقا مؤقتا للمعبر.", "The government announced the temporary closure of the crossing."),
    ("بلغ متوسط سعر المنزل 300 ألف دولار.", "The average house price reached $300,000."),
    ("نقلت وسائل إعلام تقارير غير مؤكدة عن انفجار.", "Media carried unconfirmed reports of an explosion."),
    ("أعلنت الحكومة وقف إطلاق النار من جانب واحد.", "The government declared a unilateral ceasefire."),
    ("قال مسؤول طلب عدم الكشف عن هويته إن المحادثات توقفت.", "An official speaking on condition of anonymity said talks had stalled."),
    ("قال مسؤولون لم تسمهم الصحيفة إن المحادثات توقفت.", "Unnamed officials told the newspaper the talks had stalled."),
    ("كانت الأضرار محدودة إلى حد كبير.", "The damage was largely limited."),
    ("قال مسؤولون ألمان إن الوضع هادئ.", "German officials said the situation was calm."),
    ("انتقدت الحكومة الأيرلندية القرار.", "The Irish government criticised the decision."),
]


@pytest.mark.parametrize(("ar", "en"), TRANSLATED)
def test_translated_not_flagged(ar, en):
    _ctx, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


def test_translated_but_linked_elsewhere():
    """The qualifier is translated though the aligner linked it to another word."""
    _ctx, flags = run("ارتفع صافي أرباح الشركة 5%.", "The company's net profit rose 5%.", [("أرباح", "net"), ("الشركة", "company")])
    assert flags == []


# Free renderings and words that are not information: quiet.
QUIET = [
    # a demonym describing a named person: Arabic names the person alone
    ("قال بوتين إن المحادثات كانت مثمرة.", "Russian President Vladimir Putin said the talks were productive.", []),
    # a capital standing for its country, linked to the demonym
    ("قالت كييف إن قواتها صدت الهجوم.", "Ukrainian officials said their forces repelled the attack.", [("كييف", "Ukrainian")]),
    # "net" as a noun, not a modifier
    ("سددت الكرة في المرمى.", "He fired the ball into the net.", []),
    # function words, reporting and light verbs, titles, words Arabic leaves implicit
    ("أكد الوزير أن الاتفاق نهائي.", "Mr Smith also told reporters the deal was just final, he said.", []),
    ("وافق البرلمان على القانون.", "Parliament has now also made the law official, officials said.", []),
    # hedges and attribution are the modality check's, status words status-words', bounds degree's
    ("تلقى المسؤول رشى.", "The official allegedly took bribes.", []),
    ("قال الوزير إن الحرائق نجمت عن البرق.", "The minister said the fires were likely caused by lightning.", []),
    ("قتل 20 شخصا.", "Nearly 20 people were killed.", []),
    ("التقى الرئيس الوزير.", "The president met the former minister.", []),
    # an idiom is the idioms check's
    ("قال محلل في مركز أبحاث إن الطلب سيرتفع.", "An analyst at a think tank said demand would rise.", []),
]


@pytest.mark.parametrize(("ar", "en", "links"), QUIET)
def test_quiet(ar, en, links):
    _ctx, flags = run(ar, en, links)
    assert flags == [], [f.message for f in flags]


def test_capital_for_country_by_similarity():
    """No link, but the demonym is the proper noun's most similar English word: «كييف» renders
    "Ukrainian"; with the similarity pointing elsewhere the demonym is flagged."""
    ar, en = "أعلنت كييف أن هجوما بطائرة مسيرة أصاب المصفاة.", "A Ukrainian drone attack hit the refinery, officials said."
    ctx = make_ctx(ar, en)
    kyiv = next(i for i, t in enumerate(ctx.ar_tokens) if t.text == "كييف")
    ukr = next(j for j, t in enumerate(ctx.en_tokens) if t.text == "Ukrainian")
    sim = np.full((len(ctx.ar_tokens), len(ctx.en_tokens)), 0.5)
    sim[kyiv, ukr] = 0.8
    ctx.sim = sim
    assert Omission().run(ctx) == []
    sim[kyiv, ukr] = 0.4
    assert en_words(ctx, Omission().run(ctx)) == ["Ukrainian"]


def test_no_tokens():
    _ctx, flags = run("", "Net profit rose.")
    assert flags == []


def test_english_left_in_the_arabic_is_not_an_omission():
    """Latin-script text on the Arabic side is the latin-script check's."""
    _ctx, flags = run("The Korean leader had touched the furniture.", "The North Korean leader had touched the furniture.")
    assert flags == []
    _ctx, flags = run("أعلنت الشركة ارتفاع الأرباح net بنسبة 5%.", "The company reported a 5% rise in net profit.")
    assert flags == []


def test_lexicon_shape():
    lex = load_lexicon()
    assert len(lex.qualifiers) >= 30
    for form, q in lex.qualifiers.items():
        assert q.ar, form
        assert q.severity in ("minor", "major")
        assert form not in lex.never
    assert {"said", "told", "says", "made", "mr", "now"} <= lex.never
    # the other checks' words are left to them
    assert {"allegedly", "likely", "claims", "nearly", "former", "not"} <= lex.never
    header = next(ln for ln in (LEXICON_DIR / "omission.tsv").read_text(encoding="utf-8").splitlines() if not ln.startswith("#"))
    assert header.split("\t") == ["kind", "en", "ar", "severity", "context", "note"]
