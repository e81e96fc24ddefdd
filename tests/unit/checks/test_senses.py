"""The senses check: a polysemous English news word rendered in a wrong sense ("plant" →
«نبتة», "strain" → «إجهاد», "coach" → «الحافلة»), with faithful renderings and other senses of
the same words that must stay quiet. All sentences are invented for these tests."""

from __future__ import annotations

import time

import pytest

from align.checks.base import PairContext, registry
from align.checks.senses import (
    LEXICON,
    WrongSense,
    ar_whole_forms,
    ar_word_cores,
    cued,
    find_ar,
    load_senses,
    occurrences,
    parse_row,
    read_rows,
)
from align.records import Pair
from align.resources import PairTexts
from align.segment import tokenize
from tests.conftest import make_ctx


def run(ar, en, links=None, resources=None):
    ctx = make_ctx(ar, en, links, resources)
    return ctx, WrongSense().run(ctx)


def ar_spans(ctx, flags):
    return [ctx.pair.ar_text[f.ar_start : f.ar_end] for f in flags]


def test_registered():
    assert registry()["senses"] is WrongSense


# (Arabic, English, flagged Arabic span, severity, suggestion)
ERRORS = [
    # economy and business
    ("ستغلق الشركة نبتتها للسيارات العام المقبل، ما يهدد 900 وظيفة.",
     "The company will shut its car plant next year, putting 900 jobs at risk.", "نبتتها", "major", "مصنع"),
    ("أبقى البنك المركزي معدلات الاهتمام دون تغيير.", "The central bank kept interest rates unchanged.", "الاهتمام", "major", "فائدة"),
    ("راهن البائعون القصيرون على تراجع سهم الشركة.", "Short sellers have bet against the company's stock.", "القصيرون", "major", "المكشوف"),
    ("أقر البرلمان الفاتورة بأغلبية 200 صوت مقابل 150.", "Parliament passed the bill by 200 votes to 150.", "الفاتورة", "major", "مشروع قانون"),
    # health
    ("رصد العلماء إجهادا جديدا من الفيروس لدى الخنازير.", "Scientists found a new strain of the virus in pigs.", "إجهادا", "major", "سلالة"),
    ("وافقت الجهات التنظيمية على المخدر لمرضى السكري.", "Regulators approved the drug for patients with diabetes.", "المخدر", "major", "دواء"),
    ("أبلغ مسؤولو الصحة عن 40 قضية جديدة من الكوليرا.", "Health officials reported 40 new cases of cholera.", "قضية", "major", "حالة"),
    # war and politics
    ("أسفر إضراب جوي إسرائيلي عن مقتل خمسة أشخاص.", "An Israeli air strike killed five people.", "إضراب", "major", "ضربة"),
    ("اعتذرت الوزيرة عن منصب على إنستغرام.", "The minister apologised for a post on Instagram.", "منصب", "major", "منشور"),
    ("نشرت الصحيفة عروض أسعار من خطاب الرئيس.", "The newspaper published quotes from the president's speech.", "عروض أسعار", "major", "اقتباس"),
    ("اعتقل الجيش عشرة أشخاص في البنك الغربي.", "The army arrested ten people in the West Bank.", "البنك", "major", "الضفة"),
    # sport
    ("انتهى عود الثقاب بالتعادل بعد أن أضاف الحكم خمس دقائق.", "The match ended in a draw after the referee added five minutes.",
     "عود الثقاب", "major", "مباراة"),
    ("أشادت الحافلة بلاعبيها بعد الفوز.", "The coach praised his players after the win.", "الحافلة", "major", "مدرب"),
    ("رفع الفوز النادي إلى أعلى الطاولة.", "The win lifted the club to the top of the table.", "الطاولة", "minor", "جدول الترتيب"),
    ("يونايتد يغرق سيتي في الوقت القاتل", "United sink City at the death", "يغرق", "major", "تغلب"),
    ("سجل المهاجم 20 هدفا في 35 ظهورا هذا الموسم.", "The striker scored 20 goals in 35 appearances this season.", "ظهورا", "minor", "مباراة"),
]


@pytest.mark.parametrize(("ar", "en", "span", "severity", "suggestion"), ERRORS)
def test_errors(ar, en, span, severity, suggestion):
    ctx, flags = run(ar, en)
    assert ar_spans(ctx, flags) == [span], [f.message for f in flags]
    f = flags[0]
    assert f.severity == severity and f.suggestion == suggestion
    assert f.category in ("mistranslation", "terminology")
    assert f.en_start is not None and ctx.pair.en_text[f.en_start : f.en_end]


def test_terminology_rows_are_flagged_as_terminology():
    _, flags = run("أبقى البنك المركزي معدلات الاهتمام دون تغيير.", "The central bank kept interest rates unchanged.")
    assert flags[0].category == "terminology"
    _, flags = run("أشادت الحافلة بلاعبيها بعد الفوز.", "The coach praised his players after the win.")
    assert flags[0].category == "mistranslation"
    assert "coach" in flags[0].message and "الحافلة" in flags[0].message


FAITHFUL = [
    # the accepted rendering
    ("ستغلق الشركة مصنعها للسيارات العام المقبل.", "The company will shut its car plant next year."),
    ("رصد العلماء سلالة جديدة من الفيروس لدى الخنازير.", "Scientists found a new strain of the virus in pigs."),
    ("أبقى البنك المركزي أسعار الفائدة دون تغيير.", "The central bank kept interest rates unchanged."),
    ("أشاد المدرب بلاعبيه بعد الفوز.", "The coach praised his players after the win."),
    ("انتهت المباراة بالتعادل.", "The match ended in a draw."),
    ("حذفت الوزيرة منشورا على إنستغرام.", "The minister deleted a post on Instagram."),
    ("قتلت غارة جوية إسرائيلية خمسة أشخاص.", "An Israeli air strike killed five people."),
    # the other sense is the right one here: no cue for the news sense, or a cue against it
    ("تعتمد النباتات والحيوانات على المياه.", "Plants and animals depend on water."),
    ("تنمو النبتة في التربة الرطبة.", "The plant grows in moist soil."),
    ("وضع النزاع ضغطا كبيرا على المستشفيات.", "The conflict has put a heavy strain on hospitals."),
    ("أضرب العمال عن العمل احتجاجا على الأجور.", "Workers went on strike over pay."),
    ("انقلبت الحافلة على الطريق السريع ما أدى إلى إصابة 20 راكبا.", "The coach overturned on the motorway, injuring 20 passengers."),
    ("استقال من منصبه في مارس.", "He resigned from his post in March."),
    ("ضبطت الشرطة مخدرات بقيمة مليون دولار.", "Police seized drugs worth $1m."),
    ("أشعلت عود ثقاب لإضاءة الشمعة.", "She lit a match to light the candle."),
    ("غرقت العبارة قبالة الساحل.", "The ferry sank off the coast."),
    ("جلس الطرفان إلى طاولة المفاوضات.", "The two sides sat down at the negotiating table."),
    ("أبدى المستثمرون اهتماما قويا بطرح السندات.", "Investors showed strong interest in the bond sale."),
    ("أخمد رجال الإطفاء الحريق بعد ساعات.", "Firefighters put out the fire after hours."),
    ("ومن المرجح أن الحرائق نجمت عن البرق، بحسب مسؤولين.", "Officials said the fires were likely caused by lightning."),
    ("أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين.", "Police fired tear gas at protesters."),
    ("قال إن الإمدادات الغذائية تنفد في البلدة.", "He said food supplies were running low in the town."),
    ("تشكل صحته على المدى الطويل الأولوية الأولى.", "His long-term health comes first."),
    ("غرقت البلاد في الركود.", "The country sank into recession."),
    ("وفي هذه الحالة، قضت المحكمة بأن العقد باطل.", "In this case, the court ruled that the contract was void."),
    ("يشكل الاتفاق علامة فارقة في العلاقات بين البلدين.", "The agreement marks a milestone in relations between the two countries."),
    ("قدمت الشركة عرضا ثابتا للموظفين.", "The company made a firm offer to employees."),
    ("فحص خبراء مستقلون الجثة.", "Independent experts examined the body."),
    ("ألحقت الرياح أضرارا بالنباتات في المنطقة.", "Wind damaged plants in the region."),
    ("حضر وزراء في الحكومة الحفلة.", "Government ministers attended the party."),
    ("سيخضع المرضى لتجربة سريرية جديدة.", "Patients will take part in a new clinical trial."),
    # a social-media post with an aligned word that is not the wrong sense
    ("كتبت في منشورها أن الاحتجاجات ستستمر.", "In her post, she wrote that the protests would continue."),
]


@pytest.mark.parametrize(("ar", "en"), FAITHFUL)
def test_faithful(ar, en):
    _, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


# ---- the broadened news vocabulary: politics, courts, markets, health, conflict, sport.
# Each wrong rendering is one machine translation gives the word out of context; each error
# has a faithful look-alike below (the accepted rendering, or the other sense in its own context).

# (Arabic, English, flagged Arabic span, severity, suggestion, category)
NEWS_ERRORS = [
    ('فاز الحزب بأربعين كرسيا في البرلمان.', 'The party won 40 seats in parliament.',
     'كرسيا', 'major', 'مقعد', 'mistranslation'),
    ('يسعى المرشح إلى محكمة الناخبين الشباب.', 'The candidate is seeking to court young voters.',
     'محكمة', 'major', 'استمالة', 'mistranslation'),
    ('صوت البيت العلوي لصالح القانون.', 'The upper house voted for the law.',
     'البيت', 'major', 'مجلس', 'mistranslation'),
    ('يتوجه الناخبون إلى الاستطلاعات يوم الأحد.', 'Voters go to the polls on Sunday.',
     'الاستطلاعات', 'major', 'صناديق الاقتراع', 'mistranslation'),
    ('منذ أن تولى مكتبه في يناير، وقع الرئيس عشرات الأوامر.', 'Since he took office in January, the president has signed dozens of orders.',
     'مكتبه', 'major', 'منصب', 'mistranslation'),
    ('تطعن عدة دول أمريكية في القرار.', 'Several US states are challenging the decision.',
     'دول', 'major', 'ولاية', 'mistranslation'),
    ('احتفظ الحزب بمحفظة الدفاع في الحكومة الجديدة.', 'The party kept the defence portfolio in the new government.',
     'بمحفظة', 'major', 'حقيبة', 'mistranslation'),
    ('استقال رئيس أركان البيت الأبيض.', 'The White House chief of staff resigned.',
     'أركان', 'major', 'كبير موظفي', 'terminology'),
    ('التقى الرئيس المنفتح بخليفته.', 'The outgoing president met his successor.',
     'المنفتح', 'major', 'المنتهية ولايته', 'mistranslation'),
    ('أحيا أنصار الرئيس المتأخر ذكراه.', 'Supporters of the late president marked his anniversary.',
     'المتأخر', 'major', 'الراحل', 'mistranslation'),
    ('سيواجه المرشحان بعضهما في جريان الشهر المقبل.', 'The two candidates will face each other in a runoff next month.',
     'جريان', 'major', 'جولة إعادة', 'mistranslation'),
    ('أصدرت حماس ثلاث رهائن يوم السبت.', 'Hamas released three hostages on Saturday.',
     'أصدرت', 'major', 'إفراج', 'mistranslation'),
    ('أدين بثلاثة أعداد من الاحتيال.', 'He was convicted on three counts of fraud.',
     'أعداد', 'major', 'تهمة', 'mistranslation'),
    ('أصدرت المحكمة حكما معلما بشأن المناخ.', 'The court issued a landmark ruling on climate.',
     'معلما', 'major', 'تاريخي', 'mistranslation'),
    ('نفذت إيران رجلين بتهمة القتل.', 'Iran executed two men convicted of murder.',
     'نفذت', 'major', 'إعدام', 'mistranslation'),
    ('سيخدم عقوبة بالسجن عشر سنوات.', 'He will serve a ten-year prison sentence.',
     'سيخدم', 'major', 'قضى', 'mistranslation'),
    ('حاولت المحكمة المتهمين غيابيا.', 'The court tried the defendants in absentia.',
     'حاولت', 'major', 'حوكم', 'mistranslation'),
    ('أصدر القاضي أمر كمامة في القضية.', 'The judge issued a gag order in the case.',
     'كمامة', 'minor', 'حظر النشر', 'terminology'),
    ('تعهدت الحكومة برصيف التضخم.', 'The government pledged to curb inflation.',
     'برصيف', 'major', 'كبح', 'mistranslation'),
    ('يقوض القرار نظام الشيكات والأرصدة.', 'The decision undermines the system of checks and balances.',
     'الشيكات', 'major', 'ضوابط', 'mistranslation'),
    ('اتسع عجز الحساب الحالي.', 'The current account deficit widened.',
     'الحالي', 'major', 'الجاري', 'terminology'),
    ('أقر الاتحاد الأوروبي طرد عقوبات جديدا.', 'The EU approved a new sanctions package.',
     'طرد', 'major', 'حزمة', 'mistranslation'),
    ('ارتفعت أسعار النفط الفظ.', 'Crude oil prices rose.',
     'الفظ', 'major', 'خام', 'mistranslation'),
    ('سمسرت قطر اتفاق وقف إطلاق النار.', 'Qatar brokered the ceasefire deal.',
     'سمسرت', 'major', 'توسط', 'mistranslation'),
    ('ارتفع عائد ملاحظات الخزانة لأجل عشر سنوات.', 'The yield on 10-year Treasury notes rose.',
     'ملاحظات', 'major', 'سندات', 'terminology'),
    ('تراجع تضخم العناوين إلى 3 بالمئة.', 'Headline inflation fell to 3 percent.',
     'العناوين', 'major', 'التضخم الرئيسي', 'terminology'),
    ('تراجعت ادعاءات البطالة الأسبوع الماضي.', 'Jobless claims fell last week.',
     'ادعاءات', 'major', 'طلبات إعانة البطالة', 'terminology'),
    ('رفعت الشركة إرشاداتها للأرباح السنوية.', 'The company raised its full-year profit guidance.',
     'إرشاداتها', 'minor', 'توقعات', 'terminology'),
    ('هزمت أرباح الشركة توقعات المحللين.', "The company's profits beat analysts' expectations.",
     'هزمت', 'major', 'فاق', 'mistranslation'),
    ('تراجع الرطل مقابل الدولار.', 'The pound fell against the dollar.',
     'الرطل', 'major', 'جنيه', 'mistranslation'),
    ('تراجع الفوز الكوري الجنوبي مقابل الدولار.', 'The South Korean won fell against the dollar.',
     'الفوز', 'minor', 'وون', 'terminology'),
    ('وضع المريض على مروحة.', 'The patient was put on a ventilator.',
     'مروحة', 'major', 'جهاز تنفس', 'mistranslation'),
    ('ستخفض الأدوية العامة التكاليف.', 'Generic drugs will lower costs.',
     'الأدوية العامة', 'major', 'جنيسة', 'terminology'),
    ('قالت أجهزة الذكاء الأمريكية إن الهجوم وشيك.', 'US intelligence agencies said the attack was imminent.',
     'الذكاء', 'major', 'استخبارات', 'mistranslation'),
    ('اقتحمت القوات المركب.', 'Troops stormed the compound.',
     'المركب', 'major', 'مجمع', 'mistranslation'),
    ('شنت القوات مسيئا بريا.', 'Troops launched a ground offensive.',
     'مسيئا', 'major', 'هجوم', 'mistranslation'),
    ('انضم المهاجم إلى النادي على سبيل القرض.', 'The striker joined the club on loan.',
     'القرض', 'minor', 'إعارة', 'terminology'),
    ('فاز اللاعب على المحكمة الترابية.', 'The player won on the clay court.',
     'المحكمة', 'minor', 'ملعب', 'terminology'),
    ('حطم العداء السجل العالمي.', 'The runner broke the world record.',
     'السجل', 'minor', 'رقم قياسي', 'terminology'),
    ('احتسب الحكم ركلة جزاء بسبب كرة اليد.', 'The referee awarded a penalty for handball.',
     'كرة اليد', 'minor', 'لمسة يد', 'terminology'),
    ('ضربت أسعار الذهب مستوى قياسيا.', 'Gold prices hit a record high.',
     'ضربت', 'major', 'بلغ', 'mistranslation'),
    ('برد الرئيس الاتفاق بوصفه تاريخيا.', 'The president hailed the deal as historic.',
     'برد', 'major', 'أشاد', 'mistranslation'),
    ('كشك المحادثات بشأن الاتفاق.', 'Talks on the deal have stalled.',
     'كشك', 'major', 'تعثر', 'mistranslation'),
    ('قال الصحفي المحارب إن الوضع خطير.', 'The veteran journalist said the situation was serious.',
     'المحارب', 'major', 'مخضرم', 'mistranslation'),
    ('نظم الطلاب جلوسا في الحرم الجامعي احتجاجا.', 'Students staged a sit-in on campus in protest.',
     'جلوسا', 'major', 'اعتصام', 'mistranslation'),
    ('وقع الرئيس فعل خفض التضخم.', 'The president signed the Inflation Reduction Act.',
     'فعل', 'major', 'قانون', 'mistranslation'),
]

NEWS_FAITHFUL = [
    # the accepted rendering, or the other sense in its own context
    ('فاز الحزب بأربعين مقعدا في البرلمان.', 'The party won 40 seats in parliament.'),
    ('جلس الراكب على كرسي قرب النافذة.', 'The passenger sat in a window seat.'),
    ('يسعى المرشح إلى استمالة الناخبين الشباب.', 'The candidate is seeking to court young voters.'),
    ('رفضت المحكمة طلب المستثمرين.', "The court rejected the investors' request."),
    ('صوت مجلس الشيوخ لصالح القانون.', 'The upper house voted for the law.'),
    ('يتوجه الناخبون إلى صناديق الاقتراع يوم الأحد.', 'Voters go to the polls on Sunday.'),
    ('أظهرت الاستطلاعات تقدم المعارضة.', 'The polls showed the opposition ahead.'),
    ('منذ أن تولى منصبه في يناير، وقع الرئيس عشرات الأوامر.', 'Since he took office in January, the president has signed dozens of orders.'),
    ('يعمل الموظفون في مكاتب وسط المدينة.', 'Staff work in office buildings downtown.'),
    ('تطعن عدة ولايات أمريكية في القرار.', 'Several US states are challenging the decision.'),
    ('قالت وزارة الخارجية الأمريكية إن الدول الأعضاء وافقت.', 'The US State Department said member states agreed.'),
    ('احتفظ الحزب بحقيبة الدفاع في الحكومة الجديدة.', 'The party kept the defence portfolio in the new government.'),
    ('تضم محفظة الصندوق أسهما وسندات.', "The fund's portfolio includes stocks and bonds."),
    ('استقال كبير موظفي البيت الأبيض.', 'The White House chief of staff resigned.'),
    ('زار رئيس أركان الجيش الجبهة.', 'The army chief of staff visited the front.'),
    ('التقى الرئيس المنتهية ولايته بخليفته.', 'The outgoing president met his successor.'),
    ('أحيا أنصار الرئيس الراحل ذكراه.', 'Supporters of the late president marked his anniversary.'),
    ('وصل الرئيس متأخرا إلى القمة.', 'The president arrived late to the summit.'),
    ('سيواجه المرشحان بعضهما في جولة الإعادة الشهر المقبل.', 'The two candidates will face each other in a runoff next month.'),
    ('يلوث جريان الأسمدة الأنهار.', 'Fertiliser runoff pollutes rivers.'),
    ('أفرجت حماس عن ثلاث رهائن يوم السبت.', 'Hamas released three hostages on Saturday.'),
    ('أصدرت الحكومة بيانات جديدة.', 'The government released new data.'),
    ('أدين بثلاث تهم احتيال.', 'He was convicted on three counts of fraud.'),
    ('أصدرت المحكمة حكما تاريخيا بشأن المناخ.', 'The court issued a landmark ruling on climate.'),
    ('أعدمت إيران رجلين بتهمة القتل.', 'Iran executed two men convicted of murder.'),
    ('نفذت الشركة الخطة بسرعة.', 'The company executed the plan quickly.'),
    ('سيقضي عقوبة بالسجن عشر سنوات.', 'He will serve a ten-year prison sentence.'),
    ('خدم في الجيش عشر سنوات.', 'He served in the army for ten years.'),
    ('حاكمت المحكمة المتهمين غيابيا.', 'The court tried the defendants in absentia.'),
    ('حاولت المحكمة تأجيل الجلسة.', 'The court tried to postpone the hearing.'),
    ('أعيد المتهم إلى الحبس حتى الشهر المقبل.', 'The suspect was remanded in custody until next month.'),
    ('أصدر القاضي أمرا بحظر النشر في القضية.', 'The judge issued a gag order in the case.'),
    ('تعهدت الحكومة بكبح التضخم.', 'The government pledged to curb inflation.'),
    ('ركن سيارته على الرصيف.', 'He parked his car at the curb.'),
    ('يقوض القرار نظام الضوابط والتوازنات.', 'The decision undermines the system of checks and balances.'),
    ('اتسع عجز الحساب الجاري.', 'The current account deficit widened.'),
    ('أقر الاتحاد الأوروبي حزمة عقوبات جديدة.', 'The EU approved a new sanctions package.'),
    ('عثرت الشرطة على طرد مشبوه.', 'Police found a suspicious package.'),
    ('ارتفعت أسعار النفط الخام.', 'Crude oil prices rose.'),
    ('اعتذر عن تعليقاته الفظة.', 'He apologised for his crude remarks.'),
    ('توسطت قطر في اتفاق وقف إطلاق النار.', 'Qatar brokered the ceasefire deal.'),
    ('ارتفع عائد سندات الخزانة لأجل عشر سنوات.', 'The yield on 10-year Treasury notes rose.'),
    ('تراجع التضخم العام إلى 3 بالمئة.', 'Headline inflation fell to 3 percent.'),
    ('تراجعت طلبات إعانة البطالة الأسبوع الماضي.', 'Jobless claims fell last week.'),
    ('رفعت الشركة توقعاتها للأرباح السنوية.', 'The company raised its full-year profit guidance.'),
    ('أصدرت الوزارة إرشادات جديدة للمدارس.', 'The ministry issued new guidance for schools.'),
    ('فاقت أرباح الشركة توقعات المحللين.', "The company's profits beat analysts' expectations."),
    ('تراجع الجنيه الإسترليني مقابل الدولار.', 'The pound fell against the dollar.'),
    ('يبلغ سعر رطل اللحم خمسة دولارات.', 'A pound of meat costs five dollars.'),
    ('تراجع الوون الكوري الجنوبي مقابل الدولار.', 'The South Korean won fell against the dollar.'),
    ('فاز المنتخب الكوري بالمباراة.', 'The Korean team won the match.'),
    ('وضع المريض على جهاز تنفس اصطناعي.', 'The patient was put on a ventilator.'),
    ('ستخفض الأدوية الجنيسة التكاليف.', 'Generic drugs will lower costs.'),
    ('قالت أجهزة الاستخبارات الأمريكية إن الهجوم وشيك.', 'US intelligence agencies said the attack was imminent.'),
    ('تعمل الشركة على الذكاء الاصطناعي.', 'The company works on artificial intelligence.'),
    ('اقتحمت القوات المجمع.', 'Troops stormed the compound.'),
    ('اكتشف العلماء مركبا كيميائيا جديدا.', 'Scientists discovered a new chemical compound.'),
    ('شنت القوات هجوما بريا.', 'Troops launched a ground offensive.'),
    ('حذف تعليقات مسيئة.', 'He deleted offensive comments.'),
    ('انضم المهاجم إلى النادي على سبيل الإعارة.', 'The striker joined the club on loan.'),
    ('حصلت الحكومة على قرض من البنك الدولي.', 'The government got a loan from the World Bank.'),
    ('فاز اللاعب على الملعب الترابي.', 'The player won on the clay court.'),
    ('حطم العداء الرقم القياسي العالمي.', 'The runner broke the world record.'),
    ('لديه سجل جنائي.', 'He has a criminal record.'),
    ('احتسب الحكم ركلة جزاء بسبب لمسة يد.', 'The referee awarded a penalty for handball.'),
    ('بلغت أسعار الذهب مستوى قياسيا.', 'Gold prices hit a record high.'),
    ('ضرب صاروخ مبنى سكنيا.', 'A missile hit a residential building.'),
    ('أشاد الرئيس بالاتفاق بوصفه تاريخيا.', 'The president hailed the deal as historic.'),
    ('ألحق البرد أضرارا بالمحاصيل.', 'Hail damaged the crops.'),
    ('تعثرت المحادثات بشأن الاتفاق.', 'Talks on the deal have stalled.'),
    ('افتتح كشكا لبيع الفاكهة في السوق.', 'He opened a fruit stall at the market.'),
    ('قال الصحفي المخضرم إن الوضع خطير.', 'The veteran journalist said the situation was serious.'),
    ('قال محارب قديم في حرب فيتنام إنه قلق.', 'A Vietnam war veteran said he was worried.'),
    ('نظم الطلاب اعتصاما في الحرم الجامعي.', 'Students staged a sit-in on campus.'),
    ('وقع الرئيس قانون خفض التضخم.', 'The president signed the Inflation Reduction Act.'),
    # other senses of the same words that the rows' cues and vetoes leave alone
    ('ضربت العاصفة الساحل وسجلت الأمطار مستوى قياسيا.', 'The storm hit the coast, with rainfall at a record high.'),
    ('أصاب المهاجم القائم في الدقيقة الأخيرة.', 'The striker hit the post in the last minute.'),
    ('ضرب التضخم الأسر الفقيرة بشدة.', 'Inflation hit poor households hard.'),
    ('قال الرئيس إن الولايات المتحدة دولة عظيمة.', 'The president said the United States was a great nation.'),
    ('ذكرت وسائل الإعلام الرسمية الأمريكية أن الدولة ستتدخل.', 'US state media said the state would intervene.'),
    ('يقوم رئيس الدولة بزيارة رسمية.', 'The head of state is on an official visit.'),
    ('افتتحت الشركة مكتبا في دبي.', 'The company opened an office in Dubai.'),
    ('قصفت المدفعية المدينة طوال الليل.', 'Artillery pounded the city all night.'),
    ('ارتفع الجنيه المصري أمام الدولار.', 'The Egyptian pound rose against the dollar.'),
    ('فاز الحزب بالانتخابات.', 'The party won the election.'),
    ('قدمت الشرطة نصائح للسكان حول السلامة.', 'Police gave residents safety tips.'),
    ('هذا مجرد رأس جبل الجليد.', 'This is just the tip of the iceberg, police said.'),
    ('أمرت المحكمة العليا الحكومة بدفع تعويضات.', 'The Supreme Court ordered the government to pay damages.'),
    ('لم يسجل أي هدف في المباراة.', 'Not a single goal was scored in the match.'),
    ('باع المغني مليون نسخة من ألبومه في يوم واحد.', 'The singer sold a million copies of his album in a single day.'),
    ('قال المدرب إن اللاعبين ودودون.', 'The coach said the players were friendly.'),
    ('قال رئيس النادي إن المدرب سيبقى.', 'The club chairman said the boss would stay.'),
    ('قال رئيس شركة شل إن الأرباح ارتفعت.', 'The Shell boss said profits rose.'),
    ('تسلق المتسلقون جبل إيفرست.', 'Climbers scaled Mount Everest.'),
    ('اختبأ في كوخ خلف المنزل.', 'He hid in a shed behind the house.'),
    ('عقد البرلمان جلسة طارئة.', 'Parliament held an emergency sitting.'),
    ('قالت مصادر استخباراتية إن الذكاء الاصطناعي يستخدم في الهجمات.', 'Intelligence sources said AI was being used in attacks.'),
    ('طردت الحكومة دبلوماسيين ضمن حزمة عقوبات.', 'The government expelled diplomats as part of a sanctions package.'),
    ('ارتفع عدد القتلى إلى عشرين.', 'The death count rose to 20, police said after charges were filed.'),
    ('سجل المنتخب الوطني فوزا جديدا.', 'The national team recorded a new win.'),
    ('شكلت الحكومة لجنة للتحقيق.', 'The government set up a commission to investigate.'),
    ('قالت اللجنة الأوروبية إنها ستفرض غرامة.', 'The European Commission said it would impose a fine.'),
    ('أودعت الحكومة ملياري دولار في البنك المركزي.', 'The government made a $2bn deposit at the central bank.'),
    ('أدرجت الولايات المتحدة الجماعة على قائمة الإرهاب.', 'The US added the group to its terrorism listing.'),
    ('الرسائل الواردة والصادرة.', 'Incoming and outgoing messages.'),
]


@pytest.mark.parametrize(("ar", "en", "span", "severity", "suggestion", "category"), NEWS_ERRORS)
def test_news_vocabulary_errors(ar, en, span, severity, suggestion, category):
    ctx, flags = run(ar, en)
    assert ar_spans(ctx, flags) == [span], [f.message for f in flags]
    f = flags[0]
    assert (f.severity, f.suggestion, f.category) == (severity, suggestion, category)


@pytest.mark.parametrize(("ar", "en"), NEWS_FAITHFUL)
def test_news_vocabulary_faithful(ar, en):
    _, flags = run(ar, en)
    assert flags == [], [f.message for f in flags]


def test_news_vocabulary_rows_are_in_the_lexicon():
    terms = {s.en_text.lower() for s in load_senses()}
    for w in ("seat", "release", "intelligence", "compound", "runoff", "pound", "loan", "hit", "veteran", "sit-in"):
        assert w in terms, w


@pytest.mark.parametrize("ar", [
    "حذفت منصباً على إكس", "حذفت المنصب على إكس", "وفي المنصب على إكس", "حذفت منصبها على إكس", "حذفت بمنصب على إكس",
])
def test_clitics_and_tanween(ar):
    ctx, flags = run(ar, "She deleted a post on X")
    assert len(flags) == 1 and "منصب" in ar_spans(ctx, flags)[0]


@pytest.mark.parametrize("ar", ["رصد العلماء اجهادا جديدا للفيروس", "رصد العلماء إجهاداً جديداً للفيروس",
                                "رصد العلماء الإجهاد الجديد للفيروس", "رصد العلماء إجهادٌ جديد للفيروس"])
def test_hamza_tanween_variants(ar):
    _, flags = run(ar, "Scientists identified a new strain of the virus")
    assert len(flags) == 1


@pytest.mark.parametrize("ar", ["ستغلق الشركة نبتتها في الشمال", "ستغلق الشركة النبتة الشمالية", "ستغلق الشركة نبتات الشمال",
                                "ستغلق الشركة والنبتة في الشمال"])
def test_ta_marbuta_and_plural(ar):
    _, flags = run(ar, "The carmaker will close its northern plant")
    assert len(flags) == 1


def test_english_inflection_and_hyphenated_compound():
    _, flags = run("ستغلق الشركة نبتاتها في الشمال", "The carmaker will close its northern plants")
    assert len(flags) == 1
    ctx, flags = run("ستستمر رعاية الطوارئ أثناء الخروج", "Emergency care will continue during the walk-out")
    assert ar_spans(ctx, flags) == ["الخروج"]


def test_accepted_anywhere_in_the_sentence_blocks():
    # «مصنع» elsewhere in the sentence: the translator knew the sense; stay quiet
    _, flags = run("ستغلق الشركة المصنع، وقالت إن النبتة قديمة", "The carmaker will close the plant, saying the plant is old")
    assert flags == []


def test_wrong_rendering_must_be_near_the_aligned_words():
    # «الحافلة» renders "bus" here; the coach is «المدرب», but the link points away from the bus
    ar = "قال المدرب إن اللاعبين وصلوا متأخرين بعد أن تعطلت الحافلة في الطريق إلى الملعب"
    en = "The coach said the players arrived late after the bus broke down on the way to the stadium"
    _, flags = run(ar, en, links=[("المدرب", "coach"), ("الحافلة", "bus")])
    assert flags == []
    ar = "قالت الحافلة إن الفريق لعب جيدا وإن اللاعبين يستحقون الفوز في هذه المباراة الصعبة"
    en = "The coach said the team played well and the players deserved to win this difficult match"
    ctx, flags = run(ar, en, links=[("الحافلة", "coach")])
    assert ar_spans(ctx, flags) == ["الحافلة"]


def test_wrong_word_linked_to_another_english_word_is_not_flagged():
    ar = "بعد المباراة قال المسؤول إن الحافلة تعطلت"
    en = "After the match, the coach said the van had broken down"
    _, flags = run(ar, en, links=[("الحافلة", "van")])
    assert flags == []
    ctx, flags = run(ar, en)  # without the link, «الحافلة» may be the coach
    assert ar_spans(ctx, flags) == ["الحافلة"]


def test_positional_cues():
    # "fuel" is a verb after "to"/"help": feed a conflict; a noun before "prices"
    ctx, flags = run("أرسلت أسلحة للمساعدة في الوقود الحرب", "It sent weapons to help fuel the war")
    assert ar_spans(ctx, flags) == ["الوقود"]
    _, flags = run("ارتفعت أسعار الوقود بسبب الحرب", "Fuel prices rose because of the war")
    assert flags == []


def _article_resources(*pairs):
    class Res:
        pair_texts = PairTexts()

    res = Res()
    for p in pairs:
        res.pair_texts.add(p)
    return res


def test_one_sense_per_discourse():
    """A sentence without a cue takes the sense of the same word elsewhere in the article."""
    en1, ar1 = "She deleted a post on X on Sunday.", "حذفت منشورا على إكس يوم الأحد."
    en2, ar2 = "In the post, she criticised the court.", "وفي المنصب، انتقدت المحكمة."
    p1 = Pair("p1", "art", "s1", ar1, 0, len(ar1), en1, 0, len(en1))
    p2 = Pair("p2", "art", "s2", ar2, 0, len(ar2), en2, 0, len(en2))
    res = _article_resources(p1, p2)
    ctx = PairContext(p2, tokenize(ar2, lang="ar"), tokenize(en2, lang="en"), [], None, res)
    assert ar_spans(ctx, WrongSense().run(ctx)) == ["المنصب"]
    # without the article (or with the word only in a job sense there), no cue: quiet
    _, flags = run(ar2, en2)
    assert flags == []
    en1 = "She was appointed to the post in 2019."
    p1 = Pair("p1", "art", "s1", ar1, 0, len(ar1), en1, 0, len(en1))
    res = _article_resources(p1, p2)
    ctx = PairContext(p2, tokenize(ar2, lang="ar"), tokenize(en2, lang="en"), [], None, res)
    assert WrongSense().run(ctx) == []


def test_source_document_is_the_discourse_too():
    en = "She deleted a post on X on Sunday. In the post, she criticised the court."
    ar = "وفي المنصب، انتقدت المحكمة."
    start = en.index("In the post")
    pair = Pair("p", None, None, ar, 0, len(ar), en, start, len(en))
    ctx = PairContext(pair, tokenize(ar, lang="ar"), tokenize(en, start, len(en), "en"), [], None, None)
    assert ar_spans(ctx, WrongSense().run(ctx)) == ["المنصب"]


# ---- the lexicon


def test_every_row_parses_with_accepted_and_wrong():
    rows = read_rows(LEXICON)
    assert len(rows) >= 150
    senses = load_senses()
    assert len(senses) == len(rows)
    for s in senses:
        assert s.en and all(s.en), s.line
        assert s.accepted and s.wrong and all(s.accepted) and all(s.wrong), s.line
        assert s.note, s.line
        assert s.severity in ("minor", "major", "critical") and s.category in ("mistranslation", "terminology")


def _prep(text):
    toks = tokenize(text, lang="ar")
    return [ar_word_cores(t.text) for t in toks], [ar_whole_forms(t.text) for t in toks]


def test_every_row_can_fire():
    """Each wrong rendering matches its own text, and no accepted rendering of the row matches
    it (a row whose wrong rendering is also accepted could never flag)."""
    for s in load_senses():
        for text, term in zip(s.wrong_text, s.wrong, strict=True):
            cores, whole = _prep(text)
            assert find_ar(term, cores, whole) is not None, (s.line, text)
            for acc_text, acc in zip(s.accepted_text, s.accepted, strict=True):
                assert find_ar(acc, cores, whole) is None, (s.line, text, acc_text)
        for text, term in zip(s.accepted_text, s.accepted, strict=True):
            assert find_ar(term, *_prep(text)) is not None, (s.line, text)


def test_lexicon_is_general_news_vocabulary():
    terms = {s.en_text.lower() for s in load_senses()}
    for w in ("plant", "strain", "strike", "match", "coach", "post", "quote", "table", "sink", "drug", "trial", "bill", "cabinet"):
        assert w in terms, w
    assert len(terms) >= 150


def test_bad_rows_are_refused():
    with pytest.raises(ValueError):
        parse_row(["plant", "factory", "", "نبتة", "note"])
    with pytest.raises(ValueError):
        parse_row(["plant", "factory", "مصنع", "نبتة", "note", "huge"])
    s = parse_row(["plant", "factory|!garden|<car|>closure", "مصنع", "نبتة", "a factory"])
    assert s.severity == "major" and s.category == "mistranslation"
    assert [(c.negative, c.side) for c in s.cues] == [(False, ""), (True, ""), (False, "<"), (False, ">")]


def test_whole_word_matching():
    assert "صف" in ar_whole_forms("الصف") and "صف" not in ar_whole_forms("وصف")
    ctx, flags = run("اندلع صف بين الحكومة والنقابات حول الأجور", "A row broke out between the government and the unions over pay")
    assert ar_spans(ctx, flags) == ["صف"]
    _, flags = run("وصف الوزير الصف الأمامي بأنه ممتلئ", "The minister said the front row was full")
    assert flags == []


def test_cheap():
    en = "The coach said the team played well, but the club's plant in the north will close and 900 jobs are at risk."
    ar = "قال المدرب إن الفريق لعب جيدا، لكن مصنع النادي في الشمال سيغلق و900 وظيفة معرضة للخطر."
    ctx = make_ctx(ar, en)
    check = WrongSense()
    check.run(ctx)
    t0 = time.perf_counter()
    for _ in range(200):
        check.run(ctx)
    assert (time.perf_counter() - t0) / 200 < 0.005


# ---- the matcher: positional cues past numbers and a modifier, =word prefixes, hamza seats

# (term, cues, English, cued?) — rows built here so that only the positional cue can select
POSITIONAL = [
    ("shed", ">jobs", "The firm will shed 1,000 jobs", True),
    ("shed", ">jobs", "The firm will shed about 1,000 jobs", True),
    ("shed", ">jobs", "The firm will shed three thousand jobs", True),
    ("shed", ">jobs", "The firm will shed 12 percent of its jobs", False),  # "of" is no modifier
    ("shed", ">jobs", "The firm will shed workers and jobs", False),  # a noun between
    ("court", ">voters", "Candidates court young voters", True),
    ("court", ">voters", "Candidates court the young voters", True),
    ("court", ">voters", "Candidates court the young new voters", False),  # one modifier only
    ("court", ">voters", "The court told voters to wait", False),  # a verb between
    ("slam", ">sanctions", "He slammed the US sanctions", True),
    ("slam", ">sanctions", "He slammed the EU over sanctions", False),
    ("miss", ">estimates", "The firm missed quarterly estimates", True),
    ("miss", ">estimates", "The firm missed earnings estimates", False),  # a noun heads its own phrase
    ("winner", "<scored", "He scored a stunning winner", True),
    ("winner", "<scored", "He scored twice before the winner", False),
    ("winner", "<scored", "He scored a stunning late winner", False),  # two modifiers
]


@pytest.mark.parametrize(("term", "cues", "en", "expected"), POSITIONAL)
def test_positional_cue_skips_numbers_and_one_modifier(term, cues, en, expected):
    sense = parse_row([term, cues, "صحيح", "خطا", "test row"])
    toks = tokenize(en, lang="en")
    (a, b), = occurrences(sense, toks, en)
    assert cued(sense, toks, a, b) is expected


# (exact lexicon word, Arabic text, found?)
EXACT_PREFIXES = [
    ("=يخدم", "سيخدم المشروع السكان", True),  # future prefix
    ("=يخدم", "وسيخدم المشروع السكان", True),  # conjunction + future prefix
    ("=تبقى", "فستبقى القوات هناك", True),
    ("=ضربت", "وضربت العاصفة الساحل", True),  # bare conjunction
    ("=ضربت", "فضربت العاصفة الساحل", True),
    ("=صف", "وصف الوزير الخطة", False),  # وصف is not و + صف: two letters would remain
    ("=فاق", "توصل الطرفان إلى وفاق وطني", False),  # وفاق (accord) is a word of its own
    ("=تين", "عاش ستين عاما", False),  # ستين (sixty) is not a future verb
    ("=يارة", "اشترى سيارة جديدة", False),
]


@pytest.mark.parametrize(("form", "ar", "found"), EXACT_PREFIXES)
def test_exact_form_prefixes(form, ar, found):
    term = parse_row(["x", "", form, "خطأ", "test row"]).accepted[0]
    assert (find_ar(term, *_prep(ar)) is not None) is found


# (lexicon word, Arabic text, found?): a hamza on a seat (ئ، ؤ) or on the line (ء) is one hamza
HAMZA = [
    ("=مسيء", "وصف سلوكه بأنه كان مسيئا", True),
    ("=مسيء", "وصف سلوكه بأنه كان مسيئاً", True),
    ("مسيء", "اعتبرت التصريحات مسيئة للمسلمين", True),
    ("مسيء", "اعتبر التصريح مسيء للمسلمين", True),
    ("شيء", "لم يتغير شيئا", True),
    ("بطء", "انتقد بطؤه في الرد", True),
    ("=مسيء", "كان المسير طويلا", False),
    ("مسيء", "قال إن المسيرة سلمية", False),  # مسير، مسيرة: no hamza
    ("شيء", "ارتفعت أسعار الشاي", False),
]


@pytest.mark.parametrize(("form", "ar", "found"), HAMZA)
def test_hamza_seats_match(form, ar, found):
    term = parse_row(["x", "", form, "خطأ", "test row"]).accepted[0]
    assert (find_ar(term, *_prep(ar)) is not None) is found
