"""align.numerals: numbers, ordinals, years, days and months in English and Arabic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.numerals import (
    Quantity,
    ar_month_name,
    format_ar_number,
    parse_ar,
    parse_digits,
    parse_en,
    same_quantity,
    uses_levantine_months,
)


def _strong(qs: list[Quantity]) -> list[Quantity]:
    """What the numbers check compares: not weak, not names, not vague magnitudes."""
    return [q for q in qs if not (q.weak or q.name or q.vague)]


def _brief(qs: list[Quantity]) -> list[tuple[float, str, str]]:
    return [(q.value, q.kind, q.text) for q in qs]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15,000", (15000.0, ",")),
        ("2.5", (2.5, None)),
        ("١٥٬٠٠٠", (15000.0, "٬")),
        ("٢٫٥", (2.5, None)),
        ("۲۰۲۴", (2024.0, None)),
        ("1,500,000", (1500000.0, ",")),
        ("1.500.000", (1500000.0, ".")),
        ("15,5", (15.5, None)),
        ("15%", (15.0, None)),
        ("1,5,0", None),
        ("9" * 40, None),
    ],
)
def test_parse_digits(raw, expected):
    assert parse_digits(raw) == expected


# --- English ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around 15,000 troops", [(15000.0, "cardinal", "15,000")]),
        ("a 2.5 rise", [(2.5, "cardinal", "2.5")]),
        ("up 15%", [(15.0, "cardinal", "15%")]),
        ("up 15 percent", [(15.0, "cardinal", "15")]),
        ("fifteen", [(15.0, "cardinal", "fifteen")]),
        ("twenty-four", [(24.0, "cardinal", "twenty-four")]),
        ("three thousand", [(3000.0, "cardinal", "three thousand")]),
        ("one hundred and five", [(105.0, "cardinal", "one hundred and five")]),
        ("1.5 million people", [(1.5e6, "cardinal", "1.5 million")]),
        ("3 billion", [(3e9, "cardinal", "3 billion")]),
        ("$3bn", [(3e9, "cardinal", "3bn")]),
        ("a million", [(1e6, "cardinal", "a million")]),
        ("thousand", [(1000.0, "cardinal", "thousand")]),
        ("two and a half hours", [(2.5, "cardinal", "two and a half")]),
        ("the two-and-a-half-hour meeting", [(2.5, "cardinal", "two-and-a-half")]),
        ("a month and a half", [(1.5, "cardinal", "a month and a half")]),
        ("for the past month and a half", [(1.5, "cardinal", "month and a half")]),
        ("half a million", [(5e5, "cardinal", "half a million")]),
        ("80th anniversary", [(80.0, "ordinal", "80th")]),
        ("the 1st and 2nd", [(1.0, "ordinal", "1st"), (2.0, "ordinal", "2nd")]),
        ("twentieth", [(20.0, "ordinal", "twentieth")]),
        ("twenty-first century", [(21.0, "ordinal", "twenty-first")]),
        ("his third visit", [(3.0, "ordinal", "third")]),
        ("three-year invasion", [(3.0, "cardinal", "three")]),
        ("14-year rule", [(14.0, "cardinal", "14")]),
        ("seven months after", [(7.0, "cardinal", "seven")]),
        ("in 2023", [(2023.0, "year", "2023")]),
        ("mid-2023", [(2023.0, "year", "2023")]),
        ("June 2024", [(6.0, "month", "June"), (2024.0, "year", "2024")]),
        ("July 2000", [(7.0, "month", "July"), (2000.0, "year", "2000")]),
        ("on June 18", [(6.0, "month", "June"), (18.0, "day", "18")]),
        ("18-19 June", [(18.0, "day", "18"), (19.0, "day", "19"), (6.0, "month", "June")]),
        ("the 18th of June", [(18.0, "day", "18th"), (6.0, "month", "June")]),
        ("Sept. 11", [(9.0, "month", "Sept"), (11.0, "day", "11")]),
        ("in May", [(5.0, "month", "May")]),
        ("in February 2022", [(2.0, "month", "February"), (2022.0, "year", "2022")]),
        ("two thousand and three thousand", [(2000.0, "cardinal", "two thousand"), (3000.0, "cardinal", "three thousand")]),
    ],
)
def test_parse_en(text, expected):
    qs = parse_en(text)
    assert _brief(qs) == expected
    assert all(text[q.start : q.end] == q.text for q in qs)


@pytest.mark.parametrize(
    "text",
    [
        "May God protect him",  # the modal, not the month
        "they march on",  # lowercase: the verb
        "last year and next month",  # relative time is not a number
        "the Jan Smith report",  # an abbreviation needs a dot or a number
        "a few of them",
    ],
)
def test_parse_en_nothing(text):
    assert parse_en(text) == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("KN-23 missiles", "name"),
        ("the G7 summit", "name"),
        ("COVID-19", "name"),
        ("World War Two", "name"),
        ("the Second World War", "name"),
        ("one of them", "weak"),
        ("no one", "weak"),
        ("for the first time", "weak"),
        ("a second term", "weak"),
        ("the two leaders", "weak"),
        ("a dozen", "weak"),
        ("a third of voters", "weak"),
        ("at 10:30", "weak"),
        ("thousands of troops", "vague"),
        ("in the 1990s", "vague"),
    ],
)
def test_parse_en_not_for_flagging(text, flag):
    qs = parse_en(text)
    assert qs and _strong(qs) == []
    assert all(getattr(q, flag) for q in qs)


def test_parse_en_units_and_offsets_in_a_larger_text():
    text = "Intro. He ruled for 14 years, then two days later left."
    start = text.index("He")
    qs = parse_en(text, start, len(text))
    assert [(q.value, q.unit) for q in qs] == [(14.0, "year"), (2.0, "day")]
    assert all(text[q.start : q.end] == q.text for q in qs)
    assert parse_en("30 seconds")[0].unit == "second"  # "second" after a number is the unit
    assert parse_en("three years and a half")[0].value == 3.5


# --- Arabic -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 ألف جندي", [(15000.0, "cardinal", "15 ألف")]),
        ("15 ألفًا", [(15000.0, "cardinal", "15 ألفًا")]),
        ("15000 جندي", [(15000.0, "cardinal", "15000")]),
        ("١٥٬٠٠٠ جندي", [(15000.0, "cardinal", "١٥٬٠٠٠")]),
        ("٢٫٥ مليون", [(2.5e6, "cardinal", "٢٫٥ مليون")]),
        ("3 ملايين", [(3e6, "cardinal", "3 ملايين")]),
        ("ثلاثة آلاف", [(3000.0, "cardinal", "ثلاثة آلاف")]),
        ("ألفين", [(2000.0, "cardinal", "ألفين")]),
        ("مليون ونصف", [(1.5e6, "cardinal", "مليون ونصف")]),
        ("ألف وخمسمئة", [(1500.0, "cardinal", "ألف وخمسمئة")]),
        ("خمسة وعشرون", [(25.0, "cardinal", "خمسة وعشرون")]),
        ("وخمسة وعشرين", [(25.0, "cardinal", "خمسة وعشرين")]),
        ("مئة وخمسة عشر", [(115.0, "cardinal", "مئة وخمسة عشر")]),
        ("ثلاثمئة", [(300.0, "cardinal", "ثلاثمئة")]),
        ("ثلاث مائة", [(300.0, "cardinal", "ثلاث مائة")]),
        ("أحد عشر", [(11.0, "cardinal", "أحد عشر")]),
        ("اثنا عشر", [(12.0, "cardinal", "اثنا عشر")]),
        ("خمسة عشر ألفا", [(15000.0, "cardinal", "خمسة عشر ألفا")]),
        ("عشرين", [(20.0, "cardinal", "عشرين")]),
        ("تسعون", [(90.0, "cardinal", "تسعون")]),
        ("لمدة ثلاث سنوات", [(3.0, "cardinal", "ثلاث")]),
        ("بعد سبعة أشهر", [(7.0, "cardinal", "سبعة")]),
        ("القادة الثلاثة", [(3.0, "cardinal", "الثلاثة")]),
        ("ساعتين", [(2.0, "cardinal", "ساعتين")]),
        ("لعامين", [(2.0, "cardinal", "عامين")]),
        ("شهرين", [(2.0, "cardinal", "شهرين")]),
        ("ساعتين ونصف", [(2.5, "cardinal", "ساعتين ونصف")]),
        ("ساعة ونصف", [(1.5, "cardinal", "ساعة ونصف")]),
        ("للشهر والنصف الماضيين", [(1.5, "cardinal", "للشهر والنصف")]),
        ("منذ 24 عاماً", [(24.0, "cardinal", "24")]),
        ("زيادة 50 في المئة", [(50.0, "cardinal", "50")]),
        ("الذكرى الثمانين", [(80.0, "ordinal", "الثمانين")]),
        ("الذكرى الـ80", [(80.0, "ordinal", "الـ80")]),
        ("الثالث", [(3.0, "ordinal", "الثالث")]),
        ("للمرة الثالثة", [(3.0, "ordinal", "الثالثة")]),
        ("الحادي عشر", [(11.0, "ordinal", "الحادي عشر")]),
        ("الثاني عشر", [(12.0, "ordinal", "الثاني عشر")]),
        ("الحادي والعشرين", [(21.0, "ordinal", "الحادي والعشرين")]),
        ("في عام 2023", [(2023.0, "year", "2023")]),
        ("في ٢٠٢٤", [(2024.0, "year", "٢٠٢٤")]),
        ("يوليو 2000", [(7.0, "month", "يوليو"), (2000.0, "year", "2000")]),
        ("في فبراير2022", [(2.0, "month", "فبراير"), (2022.0, "year", "2022")]),
        ("وفي أبريل", [(4.0, "month", "أبريل")]),
        ("ابريل 2020", [(4.0, "month", "ابريل"), (2020.0, "year", "2020")]),
        ("يونيه", [(6.0, "month", "يونيه")]),
        ("حزيران 2024", [(6.0, "month", "حزيران"), (2024.0, "year", "2024")]),
        ("كانون الثاني 2020", [(1.0, "month", "كانون الثاني"), (2020.0, "year", "2020")]),
        ("تشرين الأول", [(10.0, "month", "تشرين الأول")]),
        ("كانون الأول", [(12.0, "month", "كانون الأول")]),
        ("في آب 2020", [(8.0, "month", "آب"), (2020.0, "year", "2020")]),
        ("في مارس 2022", [(3.0, "month", "مارس"), (2022.0, "year", "2022")]),
        ("حزيران/يونيو 2024", [(6.0, "month", "حزيران/يونيو"), (2024.0, "year", "2024")]),
        ("يونيو (حزيران)", [(6.0, "month", "يونيو (حزيران)")]),
        ("في 18 يونيو", [(18.0, "day", "18"), (6.0, "month", "يونيو")]),
        ("18 و19 يونيو", [(18.0, "day", "18"), (19.0, "day", "19"), (6.0, "month", "يونيو")]),
        ("في الثالث من سبتمبر", [(3.0, "day", "الثالث"), (9.0, "month", "سبتمبر")]),
        ("بين ألفين وثلاثة آلاف", [(2000.0, "cardinal", "ألفين"), (3000.0, "cardinal", "ثلاثة آلاف")]),
    ],
)
def test_parse_ar(text, expected):
    qs = [q for q in parse_ar(text) if not q.weak]
    assert _brief(qs) == expected
    assert all(text[q.start : q.end] == q.text for q in parse_ar(text))


@pytest.mark.parametrize(
    "text",
    [
        "أب وأم",  # father, not «آب»
        "مارس الرياضة طويلا",  # practised, not March
        "لست متأكدا",  # «ل» + «ست» is not six
        "أثنى على الجنود",  # praised, not «اثني»
        "العام الماضي",  # relative time
        "كانون",  # half a Levantine month
    ],
)
def test_parse_ar_nothing(text):
    assert _strong(parse_ar(text)) == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("صواريخ KN-23", "name"),
        ("جائحة كوفيد-19", "name"),
        ("الحرب العالمية الثانية", "name"),
        ("الحرب العالمية الأولى", "name"),
        ("أحد المراسلين", "weak"),
        ("إحدى النساء", "weak"),
        ("للمرة الأولى", "weak"),
        ("مرة ثانية", "weak"),
        ("يوم الاثنين", "weak"),
        ("محادثات ثنائية", "weak"),
        ("نصف الجنود", "weak"),
        ("ألف شخص", "weak"),
        ("آلاف الجنود", "vague"),
        ("مئات القتلى", "vague"),
    ],
)
def test_parse_ar_not_for_flagging(text, flag):
    qs = parse_ar(text)
    assert qs and _strong(qs) == []
    assert all(getattr(q, flag) for q in qs)


def test_parse_ar_units_percent_and_seconds():
    assert [(q.value, q.unit) for q in parse_ar("خلال 30 ثانية")] == [(30.0, "second")]
    assert parse_ar("زيادة بنسبة %50")[0].unit == "percent"
    assert parse_ar("زيادة بنسبة 50 بالمئة")[0].unit == "percent"
    assert [(q.value, q.unit) for q in parse_ar("الأيام الثلاثة")] == [(3.0, "day")]
    assert [(q.value, q.unit) for q in parse_ar("قضى عقدا ونصف")] == [(1.5, "decade")]


def test_parse_ar_months_follow_the_english():
    # «مارس» without a number counts only when the English has March
    assert parse_ar("في مارس الماضي") == []
    assert [q.value for q in parse_ar("في مارس الماضي", en_months={3})] == [3.0]
    assert parse_ar("في مارس الماضي", en_months={6}) == []
    # an unambiguous month word with no number: yes alone, and only if the English names a month
    assert [q.value for q in parse_ar("في يونيو الماضي")] == [6.0]
    assert parse_ar("في يونيو الماضي", en_months=set()) == []
    assert [q.value for q in parse_ar("في يونيو الماضي", en_months={7})] == [6.0]
    # a number next to it is always enough
    assert [q.value for q in parse_ar("في مارس 2022", en_months=set())] == [3.0, 2022.0]


def test_parse_ar_offsets_skip_clitics_but_keep_the_article():
    text = "مقدمة. ولثلاثة أيام وبالثمانين وفي يونيو 2024"
    qs = parse_ar(text, text.index("ول"))
    assert [q.text for q in qs] == ["ثلاثة", "الثمانين", "يونيو", "2024"]
    assert all(text[q.start : q.end] == q.text for q in qs)


def test_parse_ar_diacritics_and_tatweel():
    text = "بعد ثَلاثَةِ أشْهُر في يـونيو"
    qs = parse_ar(text)
    assert [(q.value, q.kind) for q in qs] == [(3.0, "cardinal"), (6.0, "month")]
    assert [q.text for q in qs] == ["ثَلاثَةِ", "يـونيو"]


# --- comparison and writing ---------------------------------------------------------------

def test_same_quantity_converts_time_units():
    en15 = parse_en("15 years")[0]
    ar15 = parse_ar("عقد ونصف")[0]
    assert same_quantity(en15, ar15)
    assert same_quantity(parse_en("three years")[0], parse_ar("36 شهرا")[0])
    assert not same_quantity(parse_en("three years")[0], parse_ar("ثلاثة أشهر")[0])
    assert same_quantity(parse_en("1.5 million")[0], parse_ar("مليون ونصف")[0])


@pytest.mark.parametrize(
    ("month", "style", "expected"),
    [
        (6, "gregorian", "يونيو"),
        (6, "levantine", "حزيران"),
        (6, "both", "يونيو/حزيران"),
        (1, "levantine", "كانون الثاني"),
        (8, "both", "أغسطس/آب"),
    ],
)
def test_ar_month_name(month, style, expected):
    assert ar_month_name(month, style) == expected


def test_uses_levantine_months():
    assert uses_levantine_months("زار بيونغ يانغ في حزيران 2024")
    assert not uses_levantine_months("زار بيونغ يانغ في يونيو 2024")
    assert not uses_levantine_months("قال أب الطفل")


@pytest.mark.parametrize(
    ("value", "like", "expected"),
    [
        (15000, "1500", "15000"),
        (15000, "1,500", "15,000"),
        (15000, "١٬٥٠٠", "١٥٬٠٠٠"),
        (2.5, "٣٫٥", "٢٫٥"),
        (20000, "15 ألف", "20 ألف"),
        (80, "السبعين", "الثمانين"),
        (3, "ساعتين", "ثلاث ساعات"),
        (3, "عامين", "ثلاثة أعوام"),
        (2.5, "ساعتين", "ساعتين ونصف"),
        (4, "ثلاثة", "أربعة"),
        (4, "ثلاث", "أربع"),
        (3, "الثانية", "الثالثة"),
        (3, "الثاني", "الثالث"),
        (12, "أحد عشر", "12"),
    ],
)
def test_format_ar_number(value, like, expected):
    q = next(q for q in parse_ar(like, en_months=set()) if not q.is_month)
    assert format_ar_number(value, q) == expected


def test_format_ar_number_without_a_model():
    assert format_ar_number(2024) == "2024"
    assert format_ar_number(2024, script="arabic") == "٢٠٢٤"
    assert format_ar_number(1.5) == "1.5"


_MIXED = st.lists(
    st.one_of(
        st.sampled_from(["15,000", "٣٫٥", "۱۴۰۳", "2024", "June", "May", "two", "and a half", "80th", "-", "/",
                         "حزيران", "يوليو", "كانون", "الأول", "ساعتين", "ونصف", "خمسة", "وعشرون", "ألف", "آلاف",
                         "الـ", "لل", "و", "عشر", "مئة", "%", "\u0651", "ـ", "\u200f"]),
        st.text(max_size=5),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=_MIXED)
def test_offsets_always_index_the_original(text):
    for parse in (parse_en, parse_ar):
        for q in parse(text):
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start : q.end] == q.text
            assert q.value == q.value and q.value < 1e18  # not NaN, not huge
