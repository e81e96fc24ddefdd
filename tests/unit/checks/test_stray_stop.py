"""A full stop that leaves a short scrap standing alone, where the English runs on."""

import pytest

from align.checks.base import registry
from align.checks.stray_stop import StrayStop, stray_stops
from tests.conftest import ar_spans, make_ctx


@pytest.mark.parametrize(("ar", "en", "scraps"), [
    ("ثم رحلة أخرى لبوتين. في تاريخ غير مسمى.", "and then another by Putin at an unnamed date.",
     [". في تاريخ غير مسمى."]),
    ("وقالت سكابييفا: “إنه أمر لا يصدق”. الدعاية المفضلة للكرملين. “صداقتنا ضربة لوول ستريت”.",
     "\"It's incredible,\" said Skabeyeva, one of the Kremlin's favourite propagandists. \"Our friendship is a blow.\"",
     [". الدعاية المفضلة للكرملين."]),
    ("أعلنت الشركة عن أرباحها! بنسبة قياسية.", "The company announced record profits.", ["! بنسبة قياسية."]),
    # the English has as many sentences: the stop is the English's own
    ("فاز الفريق. يا له من فوز.", "The team won. What a win.", []),
    # a real second sentence: opened by a conjunction, a demonstrative, a verb, or longer than a scrap
    ("ارتفع التضخم إلى 3.5 في المئة. وهذا رقم قياسي.", "Inflation rose to 3.5 per cent, a record.", []),
    ("فاز الفريق. هذا إنجاز تاريخي.", "The team won, a historic feat.", []),
    ("فاز الفريق. احتفل المشجعون في الشوارع.", "The team won and fans celebrated in the streets.", []),
    ("فاز الفريق. في مباراة شهدت حضوراً جماهيرياً كبيراً.", "The team won in a match that drew a big crowd.", []),
    # an ellipsis, a decimal point and an initial are not sentence ends
    ("وقال: \"نحن في انتظارك... تعال وزرنا\".", "We are waiting for you, come visit us", []),
    ("بلغ النمو 2.5 في المئة", "Growth reached 2.5 per cent", []),
    ("قال السيد ج. سميث إن الاتفاق مهم.", "Mr J. Smith said the deal matters.", []),
])
def test_stray_stops(ar, en, scraps):
    assert [ar[a:b] for a, b in stray_stops(ar, en)] == scraps


def test_flag_points_at_the_stop_and_the_scrap():
    ar = "ثم رحلة أخرى لبوتين. في تاريخ غير مسمى."
    ctx = make_ctx(ar, "and then another by Putin at an unnamed date.")
    flags = StrayStop().run(ctx)
    assert ar_spans(ctx, flags) == [". في تاريخ غير مسمى."]
    assert (flags[0].category, flags[0].severity) == ("grammar", "minor")
    assert "في تاريخ غير مسمى" in flags[0].message and "remove the «.»" in flags[0].message
    assert flags[0].suggestion == " في تاريخ غير مسمى."  # replaces the span: the stop goes, the space stays
    assert registry()["stray-stop"] is StrayStop
