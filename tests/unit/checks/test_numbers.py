"""The numbers-and-dates check: months, quantities, years, ordinals between English and Arabic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.checks.base import PairContext, build_checks, registry
from align.checks.numbers import NumbersCheck
from align.numerals import parse_ar
from align.records import Pair
from align.segment import tokenize
from tests.conftest import make_ctx

CORPUS = Path(__file__).resolve().parents[3] / "corpora" / "putin-kim"


def ctx_of(en: str, ar: str, links: list[tuple[str, str]] | None = None) -> PairContext:
    return make_ctx(ar, en, links)


def run(en: str, ar: str, links: list[tuple[str, str]] | None = None):
    ctx = ctx_of(en, ar, links)
    flags = NumbersCheck().run(ctx)
    for f in flags:
        assert f.check == "numbers" and f.category == "number-date"
        assert f.en_start is not None and ctx.pair.en_text[f.en_start : f.en_end].strip()
        if f.ar_start is not None:
            # every Arabic span is a real number or date word of the original text
            piece = ctx.pair.ar_text[f.ar_start : f.ar_end]
            assert piece == piece.strip() and piece
            assert parse_ar(piece, en_months=range(1, 13)), piece
    return flags


# (english, arabic): no flag expected
QUIET = [
    ("Putin visited Pyongyang in June 2024", "زار بوتين بيونغ يانغ في حزيران 2024"),
    ("Putin visited Pyongyang in June 2024", "زار بوتين بيونغ يانغ في يونيو/حزيران 2024"),
    ("around 15,000 troops", "نحو 15 ألف جندي"),
    ("around 15,000 troops", "حوالي 15000 جندي"),
    ("around 15,000 troops", "حوالي ١٥٬٠٠٠ جندي"),
    ("around 15,000 troops", "حوالي خمسة عشر ألف جندي"),
    ("the two and a half hours of talks", "محادثات استمرت ساعتين ونصف"),
    ("after the two-and-a-half-hour meeting between the two leaders", "بعد الاجتماع الذي استمر ساعتين ونصف بين الزعيمين"),
    ("the first time in 24 years", "للمرة الأولى منذ 24 عاماً"),
    ("the 80th anniversary of the end of World War II", "الذكرى الثمانين لانتهاء الحرب العالمية الثانية"),
    ("the 80th anniversary", "الذكرى الـ80"),
    ("Putin's three-year invasion of Ukraine", "غزو بوتين لمدة ثلاث سنوات لأوكرانيا"),
    ("during his 14-year rule", "خلال حكمه لمدة 14 عامًا"),
    ("seven months after becoming president", "بعد سبعة أشهر من توليه الرئاسة"),
    ("for the past month and a half", "للشهر والنصف الماضيين"),
    ("Kim last visited Russia in 2023", "وكانت آخر زيارة لكيم إلى روسيا في عام 2023"),
    ("Putin last visited North Korea in July 2000", "وكانت آخر زيارة لبوتين في يوليو 2000"),
    ("his first trip to Russia since 2019", "رحلته الأولى إلى روسيا منذ عام 2019"),
    ("since the invasion in February 2022", "منذ الهجوم في فبراير2022"),
    ("signed a pact in June last year", "وقع اتفاقا في يونيو 2024"),  # an explicit year in Arabic only
    ("signed a pact in June last year", "وقع اتفاقا في يونيو من العام الماضي"),
    ("The visit will last two days", "وتستمر الزيارة يومين"),
    ("None of the three leaders", "لم يفكر أي من القادة الثلاثة"),
    ("none of the three countries", "أيا من الدول الثلاث"),
    ("The two leaders met", "التقى الزعيمان"),  # "two" rendered as a dual noun
    ("one of the Kremlin's propagandists", "إحدى الدعائيات المفضلة للكرملين"),
    ("no one was plotting anything", "لا أحد يخطط لأي شيء"),
    ("they spoke one-on-one for an hour", "تحدثا بشكل منفرد لمدة ساعة"),
    ("thousands of troops", "آلاف الجنود"),
    ("ballistic missiles", "صواريخ باليستية من طراز KN-23"),  # an identifier is not a number
    ("More than 1,000 people", "أكثر من ألف شخص"),
    ("10,000 troops", "عشرة آلاف جندي"),
    ("nearly 3 million", "قرابة ثلاثة ملايين"),
    ("1.5 million", "مليون ونصف"),
    ("a 50% rise", "ارتفاع بنسبة 50 في المئة"),
    ("a 50% rise", "ارتفاع بنسبة %50"),
    ("In March, Putin visited", "في مارس، زار بوتين"),
    ("On Wednesday, September 3, 2025", "يوم الأربعاء ٣ أيلول ٢٠٢٥"),
    ("the 20th century", "القرن العشرين"),
    ("twenty-five soldiers", "خمسة وعشرين جنديا"),
    ("for the third time", "للمرة الثالثة"),
    ("at 10:30 a.m.", "في الساعة 10:30 صباحا"),
    ("on June 18-19", "في 18 و19 يونيو"),
    ("He spent 15 years covering the Kremlin", "قضى عقدا ونصف في تغطية الكرملين"),
    ("three years", "36 شهرا"),
    ("killed 12 people", "قتل اثني عشر شخصا"),
    ("the G7 summit on May 5", "قمة مجموعة السبع في 5 مايو"),
    ("a Kremlin reporter", "وثق أحد مراسلي الكرملين"),  # Arabic-only numbers never flag
    ("Russia launched 120 drones and 8 missiles", "أطلقت روسيا 120 مسيرة و8 صواريخ"),
    ("he would impose 25% tariffs from August 1", "سيفرض رسوما بنسبة 25% اعتبارا من الأول من أغسطس"),
    ("He was sentenced to 10 years in prison", "حكم عليه بالسجن عشر سنوات"),
    ("More than 60,000 Palestinians", "أكثر من 60 ألف فلسطيني"),
    ("in the first half of 2025", "في النصف الأول من 2025"),
    ("over the past two weeks", "خلال الأسبوعين الماضيين"),
    ("hundreds of thousands", "مئات الآلاف"),
    ("Putin, 72, said", "قال بوتين (72 عاما)"),
    ("on 3 September", "في الثالث من سبتمبر"),
    ("for the 40th time", "للمرة الأربعين"),
    ("about a third of voters", "نحو ثلث الناخبين"),  # a fraction, not the ordinal 3
    ("between 2,000 and 3,000", "بين ألفين وثلاثة آلاف"),  # a range, not 5,000
    ("the five-day war", "حرب الأيام الخمسة"),
    ("the first 100 days", "الأيام المئة الأولى"),
    ("The talks went well", "جرت المحادثات الثلاث بشكل جيد في 2024"),
    # a sum in hundredths of its currency, either way
    ("The price rose to 0.45 dirhams a litre", "ارتفع السعر إلى 45 فلساً للتر"),
    ("The stamp costs 45 cents", "يكلف الطابع 0.45 دولار"),
    ("Shares closed at 85p", "أغلق السهم عند 0.85 جنيه"),
]


@pytest.mark.parametrize(("en", "ar"), QUIET)
def test_no_flag(en, ar):
    assert run(en, ar) == []


# (english, arabic, severity, flagged Arabic text or None, suggestion)
FLAGGED = [
    ("Putin visited Pyongyang in June 2024", "زار بوتين بيونغ يانغ في يوليو 2024", "major", "يوليو 2024", "يونيو 2024"),
    ("Putin visited Pyongyang in June 2024", "زار بوتين بيونغ يانغ في تموز 2024", "major", "تموز 2024", "يونيو/حزيران 2024"),
    ("signed in June last year", "وقع في تموز/يوليو من العام الماضي", "major", "تموز/يوليو", "يونيو/حزيران"),
    ("in April", "في مايو", "major", "مايو", "أبريل"),
    ("around 15,000 troops", "حوالي 1500 جندي", "major", "1500", "15000"),
    ("around 15,000 troops", "حوالي ١٢٬٠٠٠ جندي", "major", "١٢٬٠٠٠", "١٥٬٠٠٠"),
    ("around 15,000 troops", "نحو 12 ألف جندي", "major", "12 ألف", "15 ألف"),
    ("the 80th anniversary", "الذكرى السبعين", "major", "السبعين", "الثمانين"),
    ("the 80th anniversary of the end of World War II", "الذكرى السبعين لانتهاء الحرب العالمية الثانية",
     "major", "السبعين", "الثمانين"),
    ("Putin's three-year invasion", "غزو بوتين لمدة أربع سنوات", "major", "أربع", "ثلاث"),
    ("the first time in 24 years", "للمرة الأولى منذ 25 عاماً", "major", "25", "24"),
    ("Kim visited Russia in 2023", "زار كيم روسيا في عام 2024", "major", "2024", "2023"),
    ("the talks lasted three hours", "استمرت المحادثات ساعتين", "major", "ساعتين", "ثلاث ساعات"),
    ("for the third time", "للمرة الثانية", "major", "الثانية", "الثالثة"),
    ("On Wednesday, September 3, 2025", "يوم الأربعاء 4 سبتمبر 2025", "major", "4", "3"),
    ("killed 12 people", "قتل أحد عشر شخصا", "major", "أحد عشر", "12"),
    ("Israel killed 20 people", "قتلت إسرائيل 25 شخصا", "major", "25", "20"),
    ("on 3 September", "في الرابع من سبتمبر", "major", "الرابع", "الثالث"),
    ("three years", "ثلاثة أشهر", "major", "ثلاثة", None),
    ("1,480 people", "1500 شخص", "minor", "1500", "1480"),
    # ×100 without a subunit word is a wrong figure, not a conversion
    ("The price rose to 0.45 dirhams a litre", "ارتفع السعر إلى 45 درهماً للتر", "major", "45", "0.45"),
    # English numbers the Arabic lost, nothing left over there: minor, English side only
    ("Kim last visited Russia in 2023", "وكانت آخر زيارة لكيم إلى روسيا العام الماضي", "minor", None, None),
    ("to help fuel Putin's three-year invasion", "لدعم الجهد الحربي الروسي في اوكرانيا", "minor", None, None),
]


@pytest.mark.parametrize(("en", "ar", "severity", "ar_text", "suggestion"), FLAGGED)
def test_flag(en, ar, severity, ar_text, suggestion):
    flags = run(en, ar)
    assert len(flags) == 1, [f.message for f in flags]
    f = flags[0]
    assert f.severity == severity
    assert (None if f.ar_start is None else ar[f.ar_start : f.ar_end]) == ar_text
    assert f.suggestion == suggestion


def test_month_message_names_both_months():
    (f,) = run("in June 2024", "في يوليو 2024")
    assert f.message == "month differs: English 'June' (6) but Arabic «يوليو» (7)"
    assert "in June 2024"[f.en_start : f.en_end] == "June"


def test_not_found_only_for_significant_numbers():
    assert run("the two leaders and one aide", "الزعيمان ومساعد") == []  # "two", "one": not significant
    assert run("his second visit", "زيارته") == []  # a low ordinal in words
    assert run("World War Two veterans", "قدامى المحاربين") == []  # a name
    (f,) = run("North Korea fired 3 missiles", "أطلقت كوريا الشمالية صواريخ")
    assert f.severity == "minor" and f.message.startswith("number not found in the Arabic")


def test_links_pair_numbers_and_silence_other_renderings():
    en, ar = "3 soldiers and 5 officers", "5 جنود و7 ضباط"
    # without links the numbers are paired by position: 3 → 7 is left over
    flags = run(en, ar)
    assert [ar[f.ar_start : f.ar_end] for f in flags] == ["7"]
    # an aligner that maps "3" onto a word that is not a number keeps the check quiet on it
    assert run("3 missiles", "صواريخ عدة", links=[("صواريخ", "3")]) == []


def test_corpus_mode_offsets():
    article = "مقدمة طويلة للمقال.\nزار بوتين بيونغ يانغ في يوليو 2024 للمرة الأولى منذ 24 عاماً.\nخاتمة في حزيران."
    source = "Earlier text. Putin visited Pyongyang in June 2024 for the first time in 24 years."
    a0 = article.index("زار")
    a1 = article.index(".", a0) + 1
    e0 = source.index("Putin")
    pair = Pair("p", "001", "s", article, a0, a1, source, e0, len(source))
    ctx = PairContext(pair, tokenize(article, a0, a1, "ar"), tokenize(source, e0, len(source), "en"))
    (f,) = NumbersCheck().run(ctx)
    assert article[f.ar_start : f.ar_end] == "يوليو 2024"
    assert source[f.en_start : f.en_end] == "June"
    assert f.suggestion == "يونيو/حزيران 2024"  # the article writes months the Levantine way elsewhere


def test_registered_without_needs():
    assert registry()["numbers"] is NumbersCheck
    assert NumbersCheck.needs == frozenset()
    assert [c.name for c in build_checks(["numbers"], available=frozenset())] == ["numbers"]


@pytest.mark.skipif(not (CORPUS / "gold.jsonl").exists(), reason="corpus not shipped")
def test_gold_corpus():
    """The one gold number-date error is caught; nothing major is raised on any other pair."""
    sources = {json.loads(line)["id"]: json.loads(line)["text"] for line in (CORPUS / "sources.jsonl").open(encoding="utf-8")}
    caught, majors = 0, []
    for line in (CORPUS / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        art = (CORPUS / "articles" / f"{g['article']}.txt").read_text(encoding="utf-8")
        src = sources[g["source"]]
        a, e = art.index(g["ar"]), src.index(g["en"])
        pair = Pair("g", g["article"], g["source"], art, a, a + len(g["ar"]), src, e, e + len(g["en"]))
        ctx = PairContext(pair, tokenize(art, a, pair.ar_end, "ar"), tokenize(src, e, pair.en_end, "en"))
        flags = NumbersCheck().run(ctx)
        gold = [(a + g["ar"].index(x["span"]), a + g["ar"].index(x["span"]) + len(x["span"]))
                for x in g["errors"] if x["category"] == "number-date"]
        for f in flags:
            hit = f.ar_start is not None and any(f.ar_start < ge and gs < f.ar_end for gs, ge in gold)
            caught += hit
            if f.severity != "minor" and not hit:
                majors.append((g["source"], f.message))
    assert caught == 1
    assert majors == []


# --- robustness ---------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "15,000", "١٥٬٠٠٠", "۲۰۲۴", "2.5", "%", "٪", "-", "/", ":", "،", " ", "\n", "\u200f", "ـ", "\u064b",
    "June", "May", "Sept.", "th", "and a half", "two", "first", "a", "million", "World War",
    "يوليو", "حزيران", "كانون", "الثاني", "آب", "أب", "مارس", "ونصف", "والنصف", "ساعتين", "ألف", "آلاف",
    "الثمانين", "الـ", "و", "لل", "عشر", "خمسة", "أحد", "مئة", "في المئة", "KN", "الحادي",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=14).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(en=_TEXT, ar=_TEXT)
def test_never_crashes_and_spans_are_valid(en, ar):
    ctx = ctx_of(en, ar)
    for f in NumbersCheck().run(ctx):
        assert f.category == "number-date" and f.severity in ("minor", "major")
        assert 0 <= f.en_start < f.en_end <= len(en)
        if f.ar_start is not None:
            assert 0 <= f.ar_start < f.ar_end <= len(ar)
            assert ar[f.ar_start : f.ar_end].strip()


@settings(max_examples=200, deadline=None)
@given(en=st.text(max_size=60), ar=st.text(max_size=60))
def test_any_unicode(en, ar):
    NumbersCheck().run(ctx_of(en, ar))


@pytest.mark.parametrize(("en", "ar", "flagged"), [
    ("She won the 200m freestyle final.", "فازت في نهائي سباق 200 متر حرة.", False),
    ("She won the 400m hurdles.", "فازت في سباق 400 م حواجز.", False),
    ("The club paid £200m for the stadium.", "دفع النادي 200 مليون جنيه إسترليني لشراء الملعب.", False),
    ("The club paid £200m for the stadium.", "دفع النادي 200 جنيه إسترليني لشراء الملعب.", True),
])
def test_glued_m_is_millions_or_metres(en, ar, flagged):
    flags = run(en, ar)
    assert bool(flags) is flagged, [f.message for f in flags]


def test_glued_m_reads_the_article_not_the_pair_offsets():
    # the pair is the second sentence of its article: offsets index the article text
    from align.records import Pair

    art = "مقدمة الخبر هنا. فازت في نهائي سباق 200 متر حرة."
    en = "She won the 200m freestyle final."
    s0 = art.index("فازت")
    ctx = make_ctx(art, en)
    ctx = PairContext(Pair("t", None, None, art, s0, len(art), en, 0, len(en)), tokenize(art, s0, len(art), "ar"), ctx.en_tokens)
    assert NumbersCheck().run(ctx) == []
