"""The units check: a unit of measurement changed between the English and the Arabic."""

import pytest

from align.checks.base import registry
from align.checks.units import UnitsCheck, ar_mentions, en_mentions, load_units, pair_mentions
from tests.conftest import make_ctx


def run(ctx):
    return UnitsCheck().run(ctx)


def found(flags, ctx):
    return [(ctx.pair.ar_text[f.ar_start : f.ar_end], f.suggestion) for f in flags]


def test_registered_and_lexicon_shape():
    assert registry()["units"] is UnitsCheck
    lex = load_units()
    dims = {u.dimension for u in lex.units.values()}
    assert {"length", "area", "volume", "mass", "temperature", "speed", "power", "energy", "points"} <= dims
    for u in lex.units.values():
        assert u.en and u.ar_sg and u.ar_pl
        assert u.broader is None or u.broader in lex.units
        assert all(a in lex.units for a in u.accept)
    assert all(any("\u0600" <= c <= "\u06ff" for c in k) or k in "%٪" for k in lex.ar_forms)


# --- a unit changed: major, on the Arabic unit, suggesting the English unit -----------------

@pytest.mark.parametrize(
    ("ar", "en", "expected"),
    [
        # area
        ("دمرت العاصفة 8500 فدان من المحاصيل", "The storm flattened 8,500 hectares of crops", [("فدان", "هكتار")]),
        ("تغطي المحمية 40 ألف هكتار", "The reserve covers 40,000 acres", [("هكتار", "فدان")]),
        ("تبلغ مساحة الجزيرة 300 ميل مربع", "The island covers 300 square kilometres", [("ميل مربع", "كيلومتر مربع")]),
        # length, words and abbreviations
        ("قطعت القافلة 450 ميلا في يومين", "The convoy travelled 450 kilometres in two days", [("ميلا", "كيلومتر")]),
        ("يمتد خط الأنابيب 40 ميلا عبر الصحراء", "The pipeline runs 40km across the desert", [("ميلا", "كيلومتر")]),
        ("يبلغ ارتفاع السد 90 قدما", "The dam is 90 metres high", [("قدما", "متر")]),
        ("هطلت أمطار بلغت 120 سنتيمترا", "Rainfall reached 120 mm", [("سنتيمترا", "مليمتر")]),
        # temperature, glued abbreviations and words
        ("سجلت المدينة 45 درجة فهرنهايت", "The city recorded 45C", [("درجة فهرنهايت", "درجة مئوية")]),
        ("بلغت الحرارة 104 درجات مئوية", "The temperature hit 104F", [("درجات مئوية", "درجات فهرنهايت")]),
        ("انخفضت الحرارة إلى 5 درجات فهرنهايت", "Temperatures fell to 5 degrees Celsius", [("درجات فهرنهايت", "درجات مئوية")]),
        # volume
        ("باعت المحطة الوقود بدولارين لكل غالون", "The station sold fuel at two dollars per litre", [("غالون", "لتر")]),
        ("يحتوي كل عبوة على 50 لترا", "Each bottle holds 50 ml", [("لترا", "مليلتر")]),
        ("ينتج الحقل 30 ألف لتر يوميا", "The field produces 30,000 barrels a day", [("لتر", "برميل")]),
        ("ارتفع سعر الوقود إلى 3 دولارات للتر", "Fuel rose to $3 a gallon", [("للتر", "للغالون")]),
        # mass
        ("صادرت الشرطة 3 أرطال من الكوكايين", "Police seized 3 tonnes of cocaine", [("أرطال", "أطنان")]),
        ("يزن الصندوق 200 كيلوغرام", "The crate weighs 200 lb", [("كيلوغرام", "رطل")]),
        # speed, power, energy
        ("هبت رياح بسرعة 180 ميلا في الساعة", "Winds of 180 km/h were recorded", [("ميلا في الساعة", "كيلومتر في الساعة")]),
        ("تبلغ قدرة المحطة 500 غيغاواط", "The plant has a capacity of 500 MW", [("غيغاواط", "ميغاواط")]),
        ("استهلكت الأسرة 1200 ميغاواط ساعة", "The household used 1,200 kWh", [("ميغاواط ساعة", "كيلوواط ساعة")]),
        ("أبحرت السفينة بسرعة 20 كيلومترا في الساعة", "The ship sailed at 20 knots", [("كيلومترا في الساعة", "عقدة")]),
        # points: basis points against percentage points (a factor of 100)
        ("خفض البنك الفائدة 50 نقطة مئوية", "The bank cut rates by 50 basis points", [("نقطة مئوية", "نقطة أساس")]),
        # clitics on the Arabic unit are kept in the suggestion
        ("تكلف الرحلة دولارين للميل الواحد", "The ride costs two dollars per kilometre", [("للميل", "للكيلومتر")]),
        ("باع التجار الحليب بدولار للغالون", "Traders sold milk at a dollar per litre", [("للغالون", "للتر")]),
        ("تكلف الرحلة دولارين لكل ميل", "The ride costs two dollars per kilometre", [("ميل", "كيلومتر")]),
    ],
)
def test_unit_changed(ar, en, expected):
    ctx = make_ctx(ar, en)
    flags = run(ctx)
    assert found(flags, ctx) == expected
    assert all(f.category == "number-date" and f.severity == "major" for f in flags)
    assert all(f.en_start is not None for f in flags)


# --- quiet: same unit, a correct conversion, a generic unit, an omitted unit ---------------

@pytest.mark.parametrize(
    ("ar", "en"),
    [
        # the same unit, any form
        ("قطعت القافلة 450 كيلومترا", "The convoy travelled 450 kilometres"),
        ("يمتد الطريق 40 كلم", "The road runs 40 km"),
        ("يمتد الطريق 40 كم", "The road runs 40km"),
        ("تبلغ مساحة البحيرة 14.3 مليون كيلومتر مربع", "The lake covers 14.3 million square kilometres"),
        ("أحرقت النيران 1.2 مليون هكتار", "The fires burned 1.2 million hectares"),
        ("ارتفع سعر الوقود إلى 3 دولارات للتر", "Fuel rose to $3 per litre"),
        ("بلغ سعر النفط 80 دولارا للبرميل", "Oil reached $80 a barrel"),
        ("تراوحت النسبة بين 2 و5 جسيمات لكل لتر", "The ratio ranged from 2 to 5 particles per litre"),
        ("صادرت الشرطة 3 أطنان من الكوكايين", "Police seized 3 tons of cocaine"),
        ("وقيست المسافة بالكيلومترات وبلغت 12 كيلومترا", "The distance was 12 kilometres"),
        ("رفع البنك الفائدة 25 نقطة أساس", "The bank raised rates by 25 basis points"),
        # a correct conversion is a free, faithful rendering
        ("قطع العداء 62 ميلا", "The runner covered 100 km"),
        ("سجلت المدينة 113 درجة فهرنهايت", "The city recorded 45C"),
        ("غطت الحرائق 2.9 مليون فدان", "The fires covered 1.2 million hectares"),
        ("رفع البنك الفائدة ربع نقطة مئوية", "The bank raised rates by 25 basis points"),
        ("يزن الصندوق 90 كيلوغراما", "The crate weighs 200 lb"),
        ("تمتد الحدود 300 ميل (483 كيلومترا)", "The border runs 300 miles (483 km)"),
        # an accepted free rendering: acres as feddans
        ("يملك المزارع 50 فدانا", "The farmer owns 50 acres"),
        # a generic Arabic unit for a specific English one
        ("بلغت الحرارة 47 درجة", "Temperatures hit 47 degrees Celsius"),
        ("ارتفعت البطالة نقطتين", "Unemployment rose two percentage points"),
        # percent and percentage points are not told apart (Arabic news writes «0.25%» for 25 bp)
        ("رفع البنك الفائدة 0.25%", "The bank raised rates by 25 basis points"),
        ("ارتفعت البطالة 2 في المئة", "Unemployment rose 2 percentage points"),
        # the Arabic omits the unit
        ("بلغت الحرارة 47 في الظل", "Temperatures hit 47C in the shade"),
        ("قطعت القافلة 450 في يومين", "The convoy travelled 450 kilometres in two days"),
        # ambiguous Arabic words that are not units here
        ("سئل كم تبعد المدينة فقال 30 ميلا", "Asked how far the city was, he said 30 miles"),
        ("أبدى ميلا إلى التسوية بعد 3 أميال من المسيرة", "He showed an inclination to compromise after 3 miles of the march"),
        # no number and no rate («لكل»، «للـ») on the Arabic side: not read against "per litre"
        ("ارتفع سعر الوقود 5 دولارات بالغالون", "The price rose to $5 per litre"),
        ("ارتفع سعر الغالون", "The price rose to $5 per litre"),
        # only one side has a number: the conversion cannot be checked
        ("قطعت القافلة مئات الأميال", "The convoy travelled 450 kilometres"),
        # not a unit: a year before a word, "points" in sport
        ("وفي عام 2020 قدم الوزير 3 مقترحات", "In 2020 the minister filed 3 proposals covering 40 metres"),
        ("سجل اللاعب 34 نقطة", "The player scored 34 points"),
    ],
)
def test_quiet(ar, en):
    assert run(make_ctx(ar, en)) == []


def test_link_pairs_different_numbers():
    # the numbers differ (the numbers check's business) and so does the unit: the aligner pairs them
    ar = "قطعت القافلة 80 ميلا ثم استراحت 3 ساعات"
    en = "The convoy travelled 50 kilometres and then rested for 3 hours"
    ctx = make_ctx(ar, en, links=[("ميلا", "kilometres")])
    assert found(run(ctx), ctx) == [("ميلا", "كيلومتر")]


def test_mentions():
    ctx = make_ctx("وقيست المسافة بالكيلومترات وبلغت 47 درجة مئوية و5 أطنان وكيلومترين", "x")
    got = [(m.unit.id, m.value, m.prefix) for m in ar_mentions(ctx)]
    assert got == [("km", None, "بال"), ("celsius", 47.0, ""), ("tonne", 5.0, ""), ("km", 2.0, "و")]
    ctx = make_ctx("x", "It was 47°C, 3,000 km away, 120,000-hectare farm, $2 per litre and 5t of steel")
    got = [(m.unit.id, m.value, m.per) for m in en_mentions(ctx)]
    assert got == [("celsius", 47.0, False), ("km", 3000.0, False), ("hectare", 120000.0, False),
                   ("litre", None, True), ("tonne", 5.0, False)]


def test_pair_mentions_reports_conversions():
    # the numbers check may read these to leave a converted number alone
    ar = "قطع العداء 62 ميلا"
    ctx = make_ctx(ar, "The runner covered 100 km")
    ((e, a, verdict),) = pair_mentions(ctx)
    assert verdict == "converted" and ar[a.number[0] : a.number[1]] == "62" and e.value == 100
