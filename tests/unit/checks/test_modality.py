"""The modality check: hedges dropped or added, obligations changed, attributions dropped;
and the faithful renderings (قد + imperfect, «من المحتمل», headline colons, reported speech,
past ability, the noun "will", the month May) that must stay quiet."""

from __future__ import annotations

import pytest

from align.checks.base import registry
from align.checks.modality import ModalityCheck, en_modal_hits
from align.segment import tokenize
from tests.conftest import ar_spans, assert_one_flag, make_ctx


def run(ar, en, links=None):
    ctx = make_ctx(ar, en, links)
    return ctx, ModalityCheck().run(ctx)


def test_registered():
    assert registry()["modality"] is ModalityCheck


# (Arabic, English, flagged Arabic span, severity, suggestion)
ERRORS = [
    # hedge dropped, future asserted
    ("قال الخبراء إن الأسعار ستصل إلى مستوى قياسي", "Experts said prices could reach a record level", "ستصل", "major", "قد تصل"),
    ("وقالت الوزارة إن الخسائر ستتجاوز مليار دولار", "The ministry said losses may exceed $1 billion", "ستتجاوز", "major",
     "قد تتجاوز"),
    ("ستنمو الصادرات بقوة العام المقبل", "Exports are expected to grow strongly next year", "ستنمو", "major", "قد تنمو"),
    ("وقال الباحثون إن الإنتاج سيبدأ قبل نهاية العقد", "Researchers said production was unlikely before the end of the decade",
     "سيبدأ", "major", "قد يبدأ"),
    ("وقال المدرب إن اللاعب سيغيب عن المباراة", "The coach said the player might miss the match", "سيغيب", "major", "قد يغيب"),
    # hedge dropped, no future: minor
    ("قال الخبراء إن الأسعار تصل إلى مستوى قياسي", "Experts said prices may reach a record level", "تصل", "minor", None),
    ("وقال المسؤولون إن الحرائق نجمت عن البرق", "Officials said the fires were likely caused by lightning", "نجمت", "minor", None),
    # hedge added
    ("قال الخبراء إن الأسعار قد تصل إلى مستوى قياسي", "Experts said prices will reach a record level", "قد تصل", "minor", None),
    ("ربما يفوز الفريق باللقب", "The team will win the title", "ربما", "minor", None),
    ("قال الطبيب إن العلاج قد يبطئ المرض", "The doctor said the treatment slows the disease", "قد يبطئ", "minor", None),
    # obligation turned into a future
    ("ستدفع الشركة غرامة كبيرة", "The company must pay a large fine", "ستدفع", "major", "يجب أن"),
    ("سوف يستقيل الوزير", "The minister may resign", "سوف يستقيل", "major", "قد يستقيل"),
    # attribution dropped
    ("أرسلت كوريا الشمالية قوات إلى روسيا", "North Korea has reportedly sent troops to Russia", "أرسلت", "major", None),
    ("تزود كوريا الشمالية روسيا بقذائف مدفعية", "North Korea is supplying Russia with artillery shells, Kyiv says", "تزود",
     "major", None),
    ("تلقى نائب رئيس بلدية سابق رشى، ووجهت إليه النيابة العامة الاتهام رسمياً",
     "Prosecutors charged a former deputy mayor who allegedly accepted bribes", "تلقى", "major", None),
    ("تستخدم الرقاقة حوالي عشر طاقة المعالجات التقليدية", "The chip uses about a tenth of the energy, the company claims",
     "تستخدم", "major", None),
]


@pytest.mark.parametrize(("ar", "en", "span", "severity", "suggestion"), ERRORS)
def test_errors(ar, en, span, severity, suggestion):
    ctx, flags = run(ar, en)
    assert_one_flag(ctx, flags, span, severity, suggestion)


FAITHFUL = [
    ("قال الخبراء إن الأسعار قد تصل إلى مستوى قياسي", "Experts said prices could reach a record level"),
    ("قال الخبراء إن من المحتمل أن تصل الأسعار إلى مستوى قياسي", "Experts said prices could reach a record level"),
    ("وزارة الزراعة: خسائر الجفاف قد تبلغ 3 مليارات دولار", "Drought losses could reach $3 billion, ministry says"),
    ("وزيرة المالية: العجز سيتقلص إلى 3.1% العام المقبل", "Finance minister says deficit to narrow to 3.1% next year"),
    ("ستستمر الزيارة يومين", "The visit will last two days"),
    ("تستمر الزيارة يومين", "The visit will last two days"),
    ("يتوقع أن تنمو الصادرات", "Exports are expected to grow"),
    ("قد تم إلغاء الجولات", "The tours have been cancelled"),
    ("وقد أكد الوزير أن الاتفاق نهائي", "The minister stressed that the deal was final"),
    ("قال إنه سيقدم استقالته في مايو", "He said he would resign in May"),
    ("قال إنه قد يقدم استقالته", "He said he may resign"),
    ("أكد إرادته السياسية", "He stressed his political will"),
    ("أشاد بالقوة العسكرية للبلاد", "He praised the country's military might"),
    ("لم يتمكن كيم من الحضور", "Kim could not attend"),
    ("لم يحضر كيم", "Kim could not attend"),
    ("إذا تمكنا من الفوز فسنتأهل", "If we could win, we would qualify"),
    ("قال الطبيب إن العلاج يمكن أن يبطئ المرض", "The doctor said the treatment can slow the disease"),
    ("ويقول العلماء إن النتائج قد تغير فهمنا", "Scientists say the findings might change our understanding"),
    ("الحمض النووي يمكن أن يُستخدم للحصول على معلومات", "DNA could be used to obtain information"),
    ("ووفقا للشرطة، قتل ثلاثة أشخاص", "Three people were killed, police said"),
    ("أفادت تقارير بأن كوريا الشمالية أرسلت قوات إلى روسيا", "North Korea has reportedly sent troops to Russia"),
    ("تزود كوريا الشمالية روسيا بقذائف بحسب كييف", "North Korea is supplying Russia with shells, Kyiv says"),
    ("قتل الجندي المدنيين بحسب ما زعم", "The soldier allegedly killed the civilians"),
    ("اتهام نائب رئيس بلدية سابق بتلقي رشى", "Former deputy mayor charged over alleged bribes"),
    ("ولم يتم الإبلاغ عن وقوع إصابات", "No casualties were reported"),
    ("وروى ناجون لعمال الإغاثة أن المهربين أجبروهم على الصعود", "Survivors told aid workers that smugglers forced them to board"),
    ("وقال: «هذا من صلاحياتهم»", '"This is their prerogative," he said.'),
    ("«نحن في انتظارك... تعال وزرنا»", "We are waiting for you, come visit us"),
    ("ولكن يبدو أن هذه الجولات قد تم إلغاؤها", "but these tours appear to have been cancelled"),
    ("وبحسب الكرملين، سيتم التوقيع على وثائق مهمة، ومن المحتمل أن تشمل اتفاقية",
     "According to the Kremlin, documents will be signed, likely including an agreement"),
    ("ينتظر المراقبون لمعرفة ما إذا كان كيم قد يلتقي شي", "Observers are waiting to see if Kim possibly meets Xi"),
    ("يجب على الشركة دفع غرامة", "The company must pay a fine"),
    ("وعلى الحكومة أن تتحرك", "The government has to act"),
    ("الألم اللا يُحتمل", "the unbearable pain"),
    ("وأعلن أن الدولة والجيش سيتحملان المسؤولية", "Our state and our army will take full responsibility"),
    ("من شأن ذلك أن يؤثر على النمو", "This could affect growth"),
    ("من المنتظر أن يصل الوفد غدا", "The delegation is expected to arrive tomorrow"),
    ("وتفيد التقارير بأن الرجل هرب إلى الخارج", "The man reportedly fled abroad"),
    ("ويشتبه في أن الرجل هرب إلى الخارج", "The man allegedly fled abroad"),
    ("قالت مصادر مطلعة إن الرئيس سيستقيل", "The president will resign, sources said"),
    ("كان يرى الدخان من نافذته", "He could see smoke from his window"),
    ("لا بد أن تتحرك الحكومات فورا", "Governments must act now"),
    ("يتعين على الحكومات التحرك فورا", "Governments need to act now"),
]


@pytest.mark.parametrize(("ar", "en"), FAITHFUL)
def test_faithful_renderings_stay_quiet(ar, en):
    _, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


@pytest.mark.parametrize(
    ("en", "kinds"),
    [
        ("He will visit", ["certain"]),
        ("his will to carry on", []),
        ("in May the talks resumed", []),
        ("May 5 is a holiday", []),
        ("May was the hottest month on record", []),
        ("talks may resume", ["possible"]),
        ("he could not attend", ["ability"]),
        ("if they could win", ["possible", "possible-conditional"]),
        ("the military might of Russia", []),
    ],
)
def test_english_modals_read_in_context(en, kinds):
    assert [h.kind for h in en_modal_hits(tokenize(en, lang="en"))] == kinds


def test_future_localised_through_a_link():
    ar = "قالت الشركة إنها ستخفض الوظائف وسترفع الأسعار"
    en = "The company said it could cut jobs and raise prices"
    ctx, flags = run(ar, en, links=[("ستخفض", "cut")])
    assert ar_spans(ctx, flags) == ["ستخفض"]
