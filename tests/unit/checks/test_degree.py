"""The degree check: approximators and bounds on a quantity whose value is right on both
sides; free renderings (nearly ≈ «نحو», at least ≈ «على الأقل» after the number, "over two
years" of a duration) stay quiet, and a wrong value is left to the numbers check."""

from __future__ import annotations

import pytest

from align.checks.base import registry
from align.checks.degree import DegreeCheck
from tests.conftest import ar_spans, assert_one_flag, make_ctx


def run(ar, en, links=None):
    ctx = make_ctx(ar, en, links)
    return ctx, DegreeCheck().run(ctx)


def test_registered():
    assert registry()["degree"] is DegreeCheck


# (Arabic, English, flagged Arabic span, severity, suggestion)
ERRORS = [
    # politics: a fraction
    ("صوت أكثر من نصف الناخبين لصالح المرشح", "Nearly half of the voters backed the candidate", "أكثر من نصف", "major", "قرابة"),
    ("حصل الحزب على أكثر من ثلثي المقاعد", "The party won almost two-thirds of the seats", "أكثر من ثلثي", "major", "قرابة"),
    # "a third" / "one fifth": the number parser reads an ordinal; after a numerator it is a fraction
    ("أغلق أكثر من ثلث المصانع", "Almost a third of the factories closed", "أكثر من ثلث", "major", "قرابة"),
    ("صوت أقل من ربع الأعضاء", "More than one quarter of the members voted", "أقل من ربع", "major", "أكثر من"),
    # conflict
    ("قتل نحو 20 شخصا", "At least 20 people were killed", "نحو 20", "minor", "ما لا يقل عن"),
    ("قتل أقل من 100 شخص", "More than 100 people were killed", "أقل من 100", "major", "أكثر من"),
    ("قتل 100 شخص", "More than 100 people were killed", "100", "minor", "أكثر من 100"),
    ("أرسلت بيونغ يانغ أكثر من 15 ألف جندي", "North Korea has sent around 15,000 troops", "أكثر من 15 ألف", "minor", "نحو"),
    # health
    ("استغرق الإجراء أكثر من أربع ساعات بقليل", "The procedure took just under four hours", "أكثر من أربع", "major", "قرابة"),
    ("قد يبقى المرضى في العزل لمدة ستة أسابيع على الأقل", "Patients may stay in isolation for up to six weeks",
     "ستة أسابيع على الأقل", "major", "ما يصل إلى"),
    # science / economy
    ("تضاعف الإنتاج بأكثر من أربعة أضعاف", "Output rose nearly four times", "بأكثر من أربعة", "major", "قرابة"),
    ("ارتفع عدد القتلى إلى أكثر من 100", "The death toll rose to 100", "أكثر من 100", "minor", "100"),
    ("منذ أقل من 25 عاما", "about 25 years ago", "أقل من 25", "minor", "نحو"),
]


@pytest.mark.parametrize(("ar", "en", "span", "severity", "suggestion"), ERRORS)
def test_errors(ar, en, span, severity, suggestion):
    ctx, flags = run(ar, en)
    assert_one_flag(ctx, flags, span, severity, suggestion)


FAITHFUL = [
    ("صوت قرابة نصف الناخبين لصالح المرشح", "Nearly half of the voters backed the candidate"),
    ("صوت نحو نصف الناخبين لصالح المرشح", "Nearly half of the voters backed the candidate"),
    ("قتل ما لا يقل عن 20 شخصا", "At least 20 people were killed"),
    ("قتل 20 شخصا على الأقل", "At least 20 people were killed"),
    ("قتل أكثر من 20 شخصا", "At least 20 people were killed"),
    ("قتل ما يزيد على 100 شخص", "More than 100 people were killed"),
    ("تجاوز عدد القتلى 100 شخص", "More than 100 people were killed"),
    ("أرسلت بيونغ يانغ نحو 15 ألف جندي", "North Korea has sent around 15,000 troops"),
    ("أرسلت كوريا الشمالية حوالي 15000 جندي", "North Korea has sent around 15,000 troops"),
    ("بعد محادثات استمرت أكثر من ساعتين ونصف", "after more than two and a half hours of talks"),
    ("يمكن أن يصل عدد المصابين إلى 500 شخص", "The number of injured could reach up to 500"),
    ("حصل الحزب على ثلثي المقاعد تقريبا", "The party won almost two-thirds of the seats"),
    ("أغلق قرابة ثلث المصانع", "Almost a third of the factories closed"),
    ("فاز في الجولة الثالثة من الجولات الخمس بعد أكثر من 3 ساعات", "He won the third of the five rounds after more than 3 hours"),
    ("ارتفعت الأسعار بنسبة 5% فقط", "Prices rose by only 5%"),
    ("ارتفعت الأسعار بأكثر من 50%", "Prices rose by over 50%"),
    ("قتل 30 شخصا", "About 30 people were killed"),  # a dropped "about" is left alone
    ("يبلغ عدد سكانها نحو مليوني نسمة", "It has a population of roughly two million"),
    ("يتراوح عمر المرضى بين 20 و 30 عاما", "Patients were aged 20 to 30"),
    ("منذ نحو 25 عاما", "about 25 years ago"),
    ("أظهر القمح إصابة أقل بنسبة 60% على مدى عامين من التجارب", "The wheat showed 60% less infection over two years of trials"),
    ("فاز الفريق بثلاثة أهداف مقابل هدف", "The team won 3-1"),
    ("قرابة 200 من السكان تم إجلاؤهم", "around 200 residents were evacuated"),
    ("تجاوزت الوفيات 100 حالة", "Deaths exceeded 100"),
    ("يجب ألا يتجاوز العجز 3%", "The deficit must not exceed 3%"),
    ("من المتوقع أن تصل الحصيلة إلى 500", "The toll is expected to reach 500"),
    ("تتراوح العقوبة من سنتين حتى 5 سنوات", "The sentence ranges from two to five years"),
    ("قتل 20 شخصا في الهجوم الانتحاري على الأقل", "At least 20 people were killed in the suicide attack"),
    # a different value is the numbers check's business, not a degree flag
    ("قتل أكثر من 30 شخصا", "Nearly 20 people were killed"),
]


@pytest.mark.parametrize(("ar", "en"), FAITHFUL)
def test_faithful_renderings_stay_quiet(ar, en):
    _, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


def test_equal_numbers_pair_by_position():
    ar = "قتل نحو 10 أشخاص وأصيب أكثر من 10 آخرين"
    en = "At least 10 people were killed and about 10 injured"
    ctx, flags = run(ar, en)
    # each English number pairs with the Arabic one at the same place: both degree words differ
    assert ar_spans(ctx, flags) == ["نحو 10", "أكثر من 10"]
