"""The polarity check: antonym flips and negation lost or added, with faithful free renderings
that must stay quiet (antonym + negation, fixed expressions, exceptive «لم … إلا»)."""

from __future__ import annotations

import pytest

from align.checks.base import registry
from align.checks.polarity import PolarityCheck
from tests.conftest import make_ctx


def run(ar, en, links=None):
    ctx = make_ctx(ar, en, links)
    flags = PolarityCheck().run(ctx)
    return ctx, flags


def ar_spans(ctx, flags):
    return [ctx.pair.ar_text[f.ar_start : f.ar_end] if f.ar_start is not None else None for f in flags]


def test_registered():
    assert registry()["polarity"] is PolarityCheck


# (Arabic, English, flagged Arabic span, severity, suggestion)
FLIPS = [
    # size, severity and quantity (adjective rows: a negative verb before them does not negate them)
    ("ارتفعت الأسعار بشكل حاد في مارس", "Prices rose slightly in March", "بشكل حاد", "major", "طفيف"),
    ("عانى المريض من أعراض حادة", "The patient had mild symptoms", "حادة", "major", "خفيف"),
    ("عارض جميع النواب الخطة", "Some lawmakers opposed the plan", "جميع", "major", "بعض"),
    ("انتهكت الحكومة قرار المحكمة", "The government complied with the court ruling", "انتهكت", "critical", "امتثل"),
    ("سعت الوساطة إلى تصعيد التوتر", "The mediation sought to ease tension", "تصعيد", "critical", "هدأ"),
    # economy
    ("انخفضت البطالة في مارس", "Unemployment rose in March", "انخفضت", "critical", "ارتفع"),
    ("ارتفعت أسعار النفط بنسبة 3%", "Oil prices fell 3%", "ارتفعت", "critical", "انخفض"),
    ("أظهرت بيانات رسمية انخفاض البطالة إلى 6.2%", "Official data showed unemployment rose to 6.2%", "انخفاض", "critical", "ارتفع"),
    ("توسع الاقتصاد بنسبة 2 في المئة", "The economy shrank by 2 percent", "توسع", "critical", "انكمش"),
    ("قال إن الشركة تكبدت خسائر قياسية", "He said the company made record profits", "خسائر", "critical", "ربح"),
    # politics
    ("نجح مجلس الشيوخ في تمرير مشروع القانون", "The Senate failed to pass the bill", "نجح", "critical", "فشل"),
    ("أكدت الوزارة التقارير", "The ministry denied the reports", "أكدت", "critical", "نفى"),
    ("وافق الوزير على المقترح", "The minister rejected the proposal", "وافق", "critical", "رفض"),
    ("سمحت الحكومة بالتجمعات", "The government banned gatherings", "سمحت", "critical", "حظر"),
    ("سقط الصاروخ داخل المنطقة الاقتصادية", "The missile fell outside the economic zone", "داخل", "major", "خارج"),
    ("توقف القتال في جنوب البلاد", "Fighting stopped in the north of the country", "جنوب", "major", "شمال"),
    # sport
    ("فاز الفريق بالمباراة النهائية", "The team lost the final", "فاز", "critical", "خسر"),
    # health / science
    ("قال الطبيب إن المريض نجا", "The doctor said the patient died", "نجا", "critical", "توفي"),
    ("أكد المسؤولون أن الخطر على الجمهور لا يزال مرتفعاً", "Officials said the risk to the public remains low",
     "مرتفعاً", "major", "أدنى"),
    ("حذر من أن الوضع قد يتحسن", "He warned the situation could deteriorate", "يتحسن", "critical", "تدهور"),
    ("فرضت الحكومة حظر التجول", "The government lifted the curfew", "فرضت", "critical", "رفع"),
    ("رفعت الحكومة حظر التجول", "The government imposed a curfew", "رفعت", "critical", "فرض"),
    ("أعيد فتح المطار", "The airport was closed", "فتح", "critical", "أغلق"),
    ("تسارع النمو الاقتصادي", "Economic growth slowed", "تسارع", "critical", "تباطأ"),
    ("وصل الفريق بعد المباراة", "The team arrived before the match", "بعد", "major", "قبل"),
    ("سجل البلد فائضا تجاريا", "The country posted a trade deficit", "فائضا", "major", "عجز"),
    ("خسرت فرنسا أمام إنجلترا في ربع النهائي", "France won against England in the quarter-final", "خسرت", "critical", "فاز"),
]


@pytest.mark.parametrize(("ar", "en", "span", "severity", "suggestion"), FLIPS)
def test_antonym_flips(ar, en, span, severity, suggestion):
    ctx, flags = run(ar, en)
    assert ar_spans(ctx, flags) == [span]
    assert flags[0].severity == severity
    assert flags[0].suggestion == suggestion
    assert flags[0].category == "mistranslation"


# (Arabic, English, flagged Arabic span or None for English-only, severity)
NEGATION = [
    ("حضر الرئيس القمة", "The president did not attend the summit", "حضر", "critical"),
    ("لم يحضر الرئيس القمة", "The president attended the summit", "لم يحضر", "critical"),
    ("قال إنه سيترشح", "He said he would not run", None, "critical"),
    ("قال إنه لن يترشح", "He said he would run", "لن يترشح", "critical"),
    ("وأضافت الشركة أن كلمات المرور تعرضت للاختراق", "Passwords were not compromised, it added", None, "critical"),
    ("أظهرت الدراسة أن الدواء فعال", "The study showed the drug was not effective", "فعال", "major"),
    ("قال العلماء إن الشعاب ليست ميتة", "Scientists said the coral reef is dead", "ليست ميتة", "major"),
    # one clause loses its negation while the Arabic negates another
    ("قال إنه لم يلتق بالرئيس وإنه يعرف الخطة", "He said he had not met the president and did not know the plan",
     "يعرف", "critical"),
    ("لم يعلق الوزير، لكن المتحدث أكد الخبر", "The minister did not comment, but the spokesman did not confirm the report",
     "أكد", "critical"),
]


@pytest.mark.parametrize(("ar", "en", "span", "severity"), NEGATION)
def test_negation_lost_or_added(ar, en, span, severity):
    ctx, flags = run(ar, en)
    assert len(flags) == 1, flags
    assert ar_spans(ctx, flags) == [span]
    assert flags[0].severity == severity


FAITHFUL = [
    ("ارتفعت الأسعار ارتفاعا طفيفا في مارس", "Prices rose slightly in March"),
    ("عانى المريض من أعراض خفيفة", "The patient had mild symptoms"),
    ("عارض بعض النواب الخطة", "Some lawmakers opposed the plan"),
    ("عارض عدد من النواب الخطة", "Some lawmakers opposed the plan"),
    ("أيد النواب جميعهم الخطة", "All lawmakers backed the plan"),
    ("أيد كل من النائبين الخطة", "Some lawmakers and both senators backed the plan"),
    # antonym + negation, fixed expressions, reported/negative verbs
    ("لا يزال سبب تنظيف القاعة غير واضح", "The reason for the clean-up remains unclear"),
    ("لم تكن خالية من السخرية", "were not without irony"),
    ("نفى الكرملين هذه التقارير", "The Kremlin denied the reports"),
    ("ونفى مساعد في الكرملين تصريحات ترامب", "A Kremlin aide rejected claims by Trump"),
    ("رفض الوزير المقترح", "The minister rejected the proposal"),
    ("أكد الكرملين أنه لم يلتق به قط", "The Kremlin denied ever meeting him"),
    ("لم يتمكن مجلس الشيوخ من تمرير مشروع القانون", "The Senate failed to pass the bill"),
    ("غاب الرئيس عن القمة", "The president did not attend the summit"),
    ("خسر الفريق المباراة", "The team did not win the match"),
    ("لم يفز الفريق بالمباراة", "The team lost the match"),
    ("وقال محاميه إن موكله سيدفع ببراءته", "His lawyer said he would plead not guilty"),
    ("لم تؤكد بيونغ يانغ ذلك إلا في أبريل", "North Korea only confirmed it in April"),
    ("ونقلت الوكالة أن كيم عبر عن الحزن لعدم تمكننا من إنقاذ أرواح ثمينة", "grief at having failed to save the precious lives"),
    ("مشهد لا ينسى بين الزعيمين", "an unforgettable scene between the two leaders"),
    ("هذا أمر لا يصدق", "This is incredible"),
    ("هذا أمر لم يسبق له مثيل", "This is unprecedented"),
    ("ولم ترد معلومات عن تحركات كيم", "There has been no information on Kim's movements"),
    ("وتواصل القتال ليلاً في البلدة الحدودية", "Fighting continued overnight in the border town"),
    ("يجب ألا يتجاوز العجز 3%", "The deficit must stay below 3%"),
    ("أطلق سراحه بلا تأخير", "He was released immediately"),
    ("ووصفت المحللة نمو الطاقة الشمسية بأنه «استثنائي بكل المقاييس»", "The growth of solar has been nothing short of remarkable"),
    # the same direction on both sides, other senses of the lexicon words
    ("ارتفعت البطالة في مارس", "Unemployment rose in March"),
    ("تراجعت الأسهم الأوروبية بعد أن ارتفعت في وقت سابق", "European shares fell after rising earlier"),
    ("ارتفع عدد القتلى إلى 50 بعد العثور على جثث جديدة", "The death toll rose to 50 after new bodies were found"),
    ("قال إن الشركة حققت أرباحا قياسية رغم تراجع المبيعات", "He said the company made record profits despite falling sales"),
    ("بدأت المحادثات قبل أسبوعين", "Talks began two weeks ago"),
    ("وقعت زيارته الأولى قبل حوالي 25 عاما، بعد وقت قصير من وصوله إلى السلطة",
     "His first visit, about 25 years ago, came shortly after he came to power"),
    ("عقد بوتين مؤتمرا عن بعد مع مجلسه الأمني", "Putin held a teleconference with his security council"),
    ("اتُّهمت الشركة من قبل المنظمين بالتضليل", "The company was accused by regulators of misleading investors"),
    ("صوت أكثر من نصف الأعضاء لصالح القرار", "More than half of the members voted for the resolution"),
    ("أظهر القمح المحرر جينيا إصابة أقل بنسبة 60%", "The edited wheat showed 60% less infection"),
    ("فاز ريال مدريد على برشلونة بثلاثة أهداف دون رد", "Real Madrid beat Barcelona 3-0"),
    ("لم يسجل أي هدف في الشوط الأول", "No goals were scored in the first half"),
    ("قالت الوزارة إنه لا توجد حالات جديدة", "The ministry said there were no new cases"),
    ("أفادت الوزارة بعدم تسجيل أي حالات جديدة", "The ministry reported no new cases"),
    ("امتنع المتحدث عن التعليق", "The spokesman declined to comment"),
    ("لم يعلق المتحدث", "The spokesman declined to comment"),
    ("وأبقى البنك المركزي أسعار الفائدة دون تغيير", "The central bank kept interest rates unchanged"),
    ("الفريق لم يخسر أي مباراة هذا الموسم", "The team is unbeaten this season"),
    ("لم يعد اللاعب قادرا على المشاركة بعد إصابته", "The player can no longer take part after his injury"),
    ("وقال العلماء إن النتائج ليست نهائية بعد", "Scientists said the results are not yet final"),
    ("لم يتضح بعد عدد الضحايا", "The number of victims is still unclear"),
    ("تبادلا التحية قبل بدء المفاوضات", "They exchanged greetings before negotiations began"),
    ("غير أن بعض الخبراء أشاروا إلى أن الحمض النووي يمكن أن يستخدم", "but some experts have suggested that DNA could be used"),
    ("عادت الأمور إلى المربع الأول", "Things are back to square one"),
    # converses and quantifiers: the facts are kept with the other word
    ("خسرت إنجلترا أمام فرنسا في ربع النهائي", "France won against England in the quarter-final"),
    ("خرج جميع الركاب سالمين", "None of the passengers were hurt"),
    ("لم يمت أي راكب", "All passengers survived"),
    ("كل شيء بقي على حاله", "Nothing has changed"),
    ("لم تف الحكومة بوعودها", "The government broke its promises"),
    ("قال الوزير إنه لن يتم رفع الأسعار", "The minister ruled out raising prices"),
    ("سجل 12 هدفا في 10 مباريات فقط", "He scored 12 goals in just 10 games"),
    ("رفعت الحكومة حظر التجول", "The government lifted the curfew"),
    ("أخفق الفريق في التأهل", "The team did not qualify"),
    ("يفتقر المستشفى إلى الأدوية الأساسية", "The hospital lacks basic medicines"),
    ("لا يملك المستشفى الأدوية الأساسية", "The hospital lacks basic medicines"),
    ("تعهدت الشركة بعدم تسريح أي موظف", "The company promised no job cuts"),
    ("لم يعرف بعد سبب الحادث", "The cause of the accident is not yet known"),
    ("وقال إنه لا يعرف متى ستنتهي الحرب، ولم يستبعد التصعيد", "He said he did not know when the war would end and did not rule out escalation"),
    ("لم تعلق الشركة، وقالت إنها لا تعلق على الشائعات", "The company declined to comment, saying it does not comment on rumours"),
    ("لم يفز الفريق ولم يخسر", "The team neither won nor lost"),
]


@pytest.mark.parametrize(("ar", "en"), FAITHFUL)
def test_faithful_renderings_stay_quiet(ar, en):
    _, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


def test_links_tie_the_right_pair_of_words():
    # two down-words in the English, one up-word in the Arabic: the link decides which is flipped
    ar = "ارتفعت الأسهم بينما هبط الدولار وتراجع الذهب"
    en = "Shares fell while the dollar dropped and gold slipped"
    assert run(ar, en)[1] == []  # the Arabic has down-words too: a row with both sides present stays quiet
    ar = "ارتفعت الأسهم في ختام التداولات"
    en = "Shares fell at the close of trading"
    ctx, flags = run(ar, en, links=[("ارتفعت", "fell")])
    assert ar_spans(ctx, flags) == ["ارتفعت"]


def test_negation_localised_through_a_link():
    ctx, flags = run("وأكد المتحدث أن الوفد سيبقى", "The spokesman said the delegation would not stay",
                     links=[("سيبقى", "stay")])
    assert ar_spans(ctx, flags) == ["سيبقى"]
    assert ctx.pair.en_text[flags[0].en_start : flags[0].en_end] == "not stay"


def test_offsets_index_the_original_text():
    ar = "قال مسؤول: انخفضت البطالة"
    en = "An official said unemployment rose"
    _, flags = run(ar, en)
    f = flags[0]
    assert ar[f.ar_start : f.ar_end] == "انخفضت" and en[f.en_start : f.en_end] == "rose"
