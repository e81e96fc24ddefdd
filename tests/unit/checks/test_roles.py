"""The roles check: agent and object of a verb swapped (VSO and SVO Arabic, passives with
«من قبل», prepositional objects), and the renderings that keep the roles."""

from __future__ import annotations

import pytest

from align.checks.base import registry
from align.checks.roles import RolesCheck
from tests.conftest import make_ctx


def run(ar, en, links=None):
    ctx = make_ctx(ar, en, links)
    return ctx, RolesCheck().run(ctx)


def ar_spans(ctx, flags):
    return [ctx.pair.ar_text[f.ar_start : f.ar_end] for f in flags]


def test_registered():
    assert registry()["roles"] is RolesCheck


# (Arabic, English, flagged Arabic span, suggestion)
SWAPPED = [
    ("اتهمت إيران إسرائيل بشن الهجوم", "Israel accused Iran of carrying out the attack", "اتهمت إيران إسرائيل",
     "اتهمت إسرائيل إيران"),
    ("إيران اتهمت إسرائيل بشن الهجوم", "Israel accused Iran of carrying out the attack", "إيران اتهمت إسرائيل", None),
    ("اتُّهمت إسرائيل من قبل إيران بشن الهجوم", "Israel accused Iran of carrying out the attack",
     "اتُّهمت إسرائيل من قبل إيران", "اتُّهمت إسرائيل إيران"),
    ("اتهمت إيران إسرائيل بشن الهجوم", "Iran was accused by Israel of carrying out the attack", "اتهمت إيران إسرائيل",
     "اتهمت إسرائيل إيران"),
    # sport: winner and loser
    ("فاز هاربور سيتي على كينغسبورت في النهائي", "Kingsport beat Harbour City in the final", "فاز هاربور سيتي على كينغسبورت", None),
    ("هزم ريال مدريد برشلونة بثلاثية", "Barcelona beat Real Madrid 3-0", "هزم ريال مدريد برشلونة", "هزم برشلونة ريال مدريد"),
    # politics, with exonyms and two Koreas
    ("حذرت اليابان الصين من التدخل", "China warned Japan against interfering", "حذرت اليابان الصين", "حذرت الصين اليابان"),
    ("فرضت روسيا عقوبات على الولايات المتحدة", "The United States sanctioned Russia", "فرضت روسيا عقوبات على الولايات", None),
    ("هاجمت كوريا الجنوبية كوريا الشمالية", "North Korea attacked South Korea", "هاجمت كوريا الجنوبية كوريا الشمالية",
     "هاجمت كوريا الشمالية كوريا الجنوبية"),
    ("انتقد بايدن ترامب بشدة", "Trump sharply criticised Biden", "انتقد بايدن ترامب", "انتقد ترامب بايدن"),
    ("كما دعا كيم بوتين لزيارة روسيا مرة أخرى", "Putin also invited Kim to visit Russia again", "دعا كيم بوتين", "دعا بوتين كيم"),
]


@pytest.mark.parametrize(("ar", "en", "span", "suggestion"), SWAPPED)
def test_swapped_roles(ar, en, span, suggestion):
    ctx, flags = run(ar, en)
    assert ar_spans(ctx, flags) == [span], [f.message for f in flags]
    assert flags[0].severity == "major" and flags[0].category == "mistranslation"
    assert flags[0].suggestion == suggestion
    assert flags[0].en_start is not None


FAITHFUL = [
    ("اتهمت إسرائيل إيران بشن الهجوم", "Israel accused Iran of carrying out the attack"),
    ("إسرائيل اتهمت إيران بشن الهجوم", "Israel accused Iran of carrying out the attack"),
    ("اتُّهمت إيران من قبل إسرائيل بشن الهجوم", "Israel accused Iran of carrying out the attack"),
    ("اتهمت إسرائيل إيران بشن الهجوم", "Iran was accused by Israel of carrying out the attack"),
    ("وجهت إسرائيل اتهامات لإيران", "Israel accused Iran"),
    ("التقى كيم بوتين في بكين", "Putin met Kim in Beijing"),  # a symmetric verb
    ("فاز برشلونة على ريال مدريد بثلاثية", "Barcelona beat Real Madrid 3-0"),
    ("حذرت الصين اليابان من التدخل", "China warned Japan against interfering"),
    ("فرضت الولايات المتحدة عقوبات على روسيا", "The United States sanctioned Russia"),
    ("واتهم البنتاجون موسكو باستخدام الصواريخ", "the Pentagon has accused Moscow of using missiles"),
    ("كما دعا بوتين كيم لزيارة روسيا مرة أخرى", "Putin also invited Kim to visit Russia again"),
    ("هاجمت كوريا الشمالية كوريا الجنوبية", "North Korea attacked South Korea"),
    ("انتقد ترامب بايدن بشدة", "Trump sharply criticised Biden"),
    ("وانتقد بايدن وترامب السياسة", "Trump criticised Biden"),  # coordinated names: no reading
    ("استقبل كيم بوتين في مطار بيونغ يانغ", "Kim welcomed Putin at Pyongyang airport"),
    ("خلال استقبال كيم لبوتين في مطار بيونغ يانغ", "Kim welcomed Putin at Pyongyang airport"),
    ("قال ميسي إن رونالدو لاعب عظيم", "Messi praised Ronaldo"),
    ("أهدى فلاديمير بوتين الدكتاتور الكوري الشمالي قفازا", "Vladimir Putin gifted the North Korean dictator a glove"),
    ("أشاد بوتين بشجاعة الجنود الكوريين الشماليين", "Putin praised the bravery of North Korean soldiers"),
    ("وقالت ناسا إن سبيس إكس أطلقت الصاروخ", "NASA said SpaceX launched the rocket"),
    ("تعادل آرسنال مع تشيلسي", "Arsenal drew with Chelsea"),
    ("هزم زعيم إيران منافسيه", "Iran's leader beat his rivals"),
]


@pytest.mark.parametrize(("ar", "en"), FAITHFUL)
def test_roles_kept(ar, en):
    _, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


def test_with_links():
    # the aligner's links pick the verb; the names are still confirmed by sound
    ar = "اتهمت موسكو واشنطن بالتجسس"
    en = "Washington accused Moscow of spying"
    ctx, flags = run(ar, en, links=[("واشنطن", "Washington"), ("موسكو", "Moscow"), ("اتهمت", "accused")])
    assert ar_spans(ctx, flags) == ["اتهمت موسكو واشنطن"]
