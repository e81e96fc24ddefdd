"""Checks that read run-level resources: the corpus translation memory, idioms, glossary."""

from pathlib import Path

import pytest

from align.checks.base import PairContext, build_checks, registry
from align.checks.consistency import Consistency
from align.checks.glossary import Glossary
from align.checks.idioms import IdiomCalque
from align.corpus import GlossaryEntry
from align.idioms import key_matches, load_idioms
from align.records import Pair
from align.resources import DEFAULT_IDIOMS, Resources
from align.segment import tokenize


def _ctx(pid, article, ar, en, res):
    p = Pair(pid, article, "s", ar, 0, len(ar), en, 0, len(en))
    at, et = tokenize(ar, lang="ar"), tokenize(en, lang="en")
    res.memory.add_pair(pid, article, ar, at, et, [], None)
    return PairContext(p, at, et, [], None, res)


def test_consistency_uses_the_corpus_own_renderings():
    res = Resources()
    pairs = [
        ("p1", "Putin gifted a cosmonaut's glove and a rifle", "أهدى بوتين قفاز رائد فضاء وبندقية للزعيم"),
        ("p2", "the used cosmonaut glove and the rifle were gifts", "كانت الهدايا قفاز رائد الفضاء والبندقية المستخدمة"),
        ("p3", "Putin gifted the dictator a used cosmonaut glove and rifle", "أهدى بوتين الدكتاتور قفازًا رائدًا وبندقية مستخدمة"),
        ("p4", "Putin met the leader in Moscow", "التقى بوتين الزعيم في موسكو"),
    ]
    ctxs = [_ctx(pid, "a", ar, en, res) for pid, en, ar in pairs]
    flags = Consistency().run(ctxs[2])
    assert len(flags) == 1
    f = flags[0]
    assert ctxs[2].pair.ar_text[f.ar_start : f.ar_end] == "قفازًا رائدًا"
    assert f.suggestion == "قفاز رائد فضاء"
    assert not Consistency().run(ctxs[0]) and not Consistency().run(ctxs[3])


def test_consistency_needs_two_attestations():
    res = Resources()
    a = _ctx("p1", "a", "قفاز رائد فضاء", "cosmonaut glove", res)
    b = _ctx("p2", "a", "قفاز رائد", "cosmonaut glove", res)
    assert not Consistency().run(b) and not Consistency().run(a)


def test_idiom_calque_flagged_and_accepted_rendering_not(tmp_path: Path):
    tsv = tmp_path / "idioms.tsv"
    tsv.write_text("en\taccepted\tcalques\tnote\ncharm offensive\tحملة تودد|حملة استمالة\tهجوم سحري|هجوم ساحر\tcampaign to win favour\n"
                   "red tape\tالبيروقراطية|الروتين\tالشريط الأحمر\tbureaucracy\n", encoding="utf-8")
    res = Resources(idioms=load_idioms(tsv))
    bad = _ctx("p1", "a", "جزءًا من هجوم سحري روسي كبير", "part of a major Russian charm offensive", res)
    flags = IdiomCalque().run(bad)
    assert [bad.pair.ar_text[f.ar_start : f.ar_end] for f in flags] == ["هجوم سحري"]
    assert flags[0].suggestion == "حملة تودد" and flags[0].severity == "major"
    good = _ctx("p2", "a", "جزءًا من حملة تودد روسية كبرى", "part of a major Russian charm offensive", res)
    assert IdiomCalque().run(good) == []
    inflected = _ctx("p3", "a", "اشتكوا من الشريط الأحمر", "they complained about the red tape", res)
    assert len(IdiomCalque().run(inflected)) == 1


def test_glossary_forbidden_and_missing():
    res = Resources(glossary=[GlossaryEntry("post", ["منشور"], ["منصب"], "social-media post")])
    bad = _ctx("p1", "a", "علق على هذا المنصب", "commented on the post", res)
    f = Glossary().run(bad)
    assert len(f) == 1 and f[0].severity == "major" and bad.pair.ar_text[f[0].ar_start : f[0].ar_end] == "المنصب"
    ok = _ctx("p2", "a", "علق على هذا المنشور", "commented on the post", res)
    assert Glossary().run(ok) == []
    other = _ctx("p3", "a", "علق على هذه التغريدة", "commented on the post", res)
    assert [x.severity for x in Glossary().run(other)] == ["minor"]


def test_registry_is_complete_and_needs_are_enforced():
    reg = registry()
    assert {"punctuation", "stray-article", "latin-script", "status-words", "consistency", "idioms", "glossary"} <= set(reg)
    assert all(name == cls.name for name, cls in reg.items())
    import pytest

    with pytest.raises(ValueError, match="needs"):
        build_checks(["consistency"], available=frozenset({"alignment"}))
    with pytest.raises(ValueError, match="unknown check"):
        build_checks(["nope"])


def _idioms(tmp_path: Path, rows: str) -> Resources:
    tsv = tmp_path / "idioms.tsv"
    tsv.write_text("en\taccepted\tcalques\tnote\n" + rows, encoding="utf-8")
    return Resources(idioms=load_idioms(tsv))


def test_idiom_calque_matches_conjugated_verbs_irregular_english_and_headlinese(tmp_path: Path):
    res = _idioms(tmp_path, "pull the plug\tأوقف|ألغى\tسحب القابس\tto end a project\n"
                            "come from behind\tقلب تأخره\tمن الخلف\tto win after trailing\n")
    # «يسحبون» is a conjugation of the listed «سحب»; the headline drops "the"
    headline = _ctx("p1", "a", "المستثمرون يسحبون القابس على الصفقة", "Investors pull plug on deal", res)
    assert [headline.pair.ar_text[f.ar_start : f.ar_end] for f in IdiomCalque().run(headline)] == ["يسحبون القابس"]
    # "came" is an irregular form of the idiom's first word
    past = _ctx("p2", "a", "عاد الفريق من الخلف ليفوز", "The team came from behind to win", res)
    assert len(IdiomCalque().run(past)) == 1
    good = _ctx("p3", "a", "قلب الفريق تأخره إلى فوز", "The team came from behind to win", res)
    assert IdiomCalque().run(good) == []


def test_idiom_literal_reading_without_a_listed_calque(tmp_path: Path):
    # no calque listed: the window is read word by word with the dictionaries
    res = _idioms(tmp_path, "pull the plug\tأوقف|ألغى|أنهى\t\tto end a project\n"
                            "back to square one\tالعودة إلى المربع الأول|نقطة الصفر\tالمربع رقم واحد\tstarting again\n")
    bad = _ctx("p1", "a", "قرر المستثمرون سحب القابس على المشروع", "Investors decided to pull the plug on the project", res)
    flags = IdiomCalque().run(bad)
    assert [bad.pair.ar_text[f.ar_start : f.ar_end] for f in flags] == ["سحب القابس"]
    assert "dictionary senses" in flags[0].message and flags[0].suggestion == "أوقف"
    good = _ctx("p2", "a", "قرر المستثمرون إنهاء المشروع", "Investors decided to pull the plug on the project", res)
    assert IdiomCalque().run(good) == []
    # an accepted rendering that is literal itself is not a calque
    same = _ctx("p3", "a", "عادت المحادثات إلى المربع الأول", "Talks went back to square one", res)
    assert IdiomCalque().run(same) == []


def test_idiom_veto_words_mark_a_literal_use():
    # the shipped list: "laid off" with "coast" in the sentence is laying something off a coast
    literal = _ctx("p1", "a", "وضعت ألغام قبالة الساحل", "Mines were laid off the coast", _LISTED)
    assert IdiomCalque().run(literal) == []
    jobs = _ctx("p2", "a", "وضعت الشركة قبالة 500 عامل", "The firm laid off 500 workers.", _LISTED)
    assert len(IdiomCalque().run(jobs)) == 1


def test_idiom_veto_column_is_read_as_english_lemmas(tmp_path: Path):
    res = _idioms(tmp_path, "wind down\tتقليص تدريجي\tالرياح لأسفل\tto end gradually\tgust|km\n")
    assert res.idioms[0].veto == frozenset({"gust", "km"})
    gusty = _ctx("p1", "a", "تهب الرياح لأسفل الوادي", "Gusts wind down the valley", res)
    assert IdiomCalque().run(gusty) == []
    calque = _ctx("p2", "a", "بدأت الشركة الرياح لأسفل عملياتها", "The firm began to wind down its operations", res)
    assert len(IdiomCalque().run(calque)) == 1


def test_idiom_accepted_rendering_counts_only_near_the_aligned_words(tmp_path: Path):
    from align.records import Link
    res = _idioms(tmp_path, "one-on-one\tثنائي|على انفراد\tواحد على واحد\tbetween two people only\n")
    ar = "عقد الزعيمان اجتماعا واحد على واحد في القصر ثم انضم إليهما الوفدان في جلسة موسعة تناولت التعاون الثنائي"
    en = "The leaders held a one-on-one meeting at the palace before delegations joined for wider bilateral talks"
    p = Pair("p1", "a", "s", ar, 0, len(ar), en, 0, len(en))
    at, et = tokenize(ar, lang="ar"), tokenize(en, lang="en")
    res.memory.add_pair("p1", "a", ar, at, et, [], None)
    ei = next(i for i, t in enumerate(et) if t.norm == "one")
    links = [Link(3, ei, 0.9), Link(len(at) - 1, len(et) - 2, 0.9)]
    flags = IdiomCalque().run(PairContext(p, at, et, links, None, res))
    # «الثنائي» (bilateral) at the far end of the sentence does not clear the calque
    assert [ar[f.ar_start : f.ar_end] for f in flags] == ["واحد على واحد"]


@pytest.mark.parametrize(("token_key", "want", "ok"), [
    ("سحب", "سحب", True), ("يسحبون", "سحب", True), ("سحبوا", "سحب", True), ("تحولت", "تحول", True),
    ("سيسحبون", "سحب", True),
    ("انسحب", "سحب", False),  # another verb form (a different meaning), not a conjugation
    ("سحابه", "سحب", False), ("من", "م", False),
])
def test_key_matches_conjugations_only(token_key, want, ok):
    assert key_matches(token_key, want) is ok


_LISTED = Resources(idioms=load_idioms(DEFAULT_IDIOMS))


# wire-news idioms of the shipped list: the literal rendering (flagged, with its span) and a
# faithful one (not flagged); the English is inflected as news copy has it
@pytest.mark.parametrize(("en", "calque", "span", "faithful"), [
    ("The minister walked back his comments on Monday.",
     "الوزير مشى إلى الوراء عن تعليقاته يوم الاثنين", "مشى إلى الوراء",
     "تراجع الوزير عن تعليقاته يوم الاثنين"),
    ("Trump doubled down on his tariff threat.",
     "ترامب ضاعف لأسفل على تهديده بفرض الرسوم", "ضاعف لأسفل",
     "أصر ترامب على تهديده بفرض الرسوم"),
    ("The Kremlin did not rule out a meeting.",
     "الكرملين لم يحكم خارج عقد لقاء", "يحكم خارج",
     "لم يستبعد الكرملين عقد لقاء"),
    ("Markets adopted a wait-and-see approach.",
     "تبنت الأسواق نهج الانتظار والرؤية", "الانتظار والرؤية",
     "تبنت الأسواق سياسة الترقب والحذر"),
    ("His speech fell flat with voters.",
     "خطابه سقط مسطحا لدى الناخبين", "سقط مسطحا",
     "لم يلق خطابه صدى لدى الناخبين"),
    ("The two leaders met on the sidelines of the summit.",
     "التقى الزعيمان على الخطوط الجانبية للقمة", "على الخطوط الجانبية",
     "التقى الزعيمان على هامش القمة"),
    ("Putin and Kim held one-on-one talks.",
     "أجرى بوتين وكيم محادثات واحد على واحد", "واحد على واحد",
     "أجرى بوتين وكيم محادثات ثنائية مغلقة"),
    ("The government vowed to rein in inflation.",
     "تعهدت الحكومة بالعنان في التضخم", "بالعنان في",
     "تعهدت الحكومة بكبح جماح التضخم"),
    ("Several ministers stepped down after the vote.",
     "اتخذ عدة وزراء خطوة إلى الأسفل بعد التصويت", "خطوة إلى الأسفل",
     "تنحى عدة وزراء بعد التصويت"),
    ("The company's shares closed in the red.",
     "أغلقت أسهم الشركة باللون الأحمر", "باللون الأحمر",
     "أغلقت أسهم الشركة على انخفاض"),
    ("We will touch base next week.",
     "سنلمس القاعدة الأسبوع المقبل", "سنلمس القاعدة",
     "سنتواصل الأسبوع المقبل"),
    ("He said it was time to take stock of the war.",
     "قال إن الوقت حان كي يأخذ المخزون من الحرب", "يأخذ المخزون",
     "قال إن الوقت حان لتقييم حصيلة الحرب"),
    ("Messi scored in injury time.",
     "سجل ميسي في وقت الإصابة", "وقت الإصابة",
     "سجل ميسي في الوقت بدل الضائع"),
    ("Argentina won the penalty shootout.",
     "فازت الأرجنتين في تبادل إطلاق النار", "تبادل إطلاق النار",
     "فازت الأرجنتين بركلات الترجيح"),
    ("The goalkeeper kept a clean sheet.",
     "حافظ الحارس على ورقة نظيفة", "ورقة نظيفة",
     "حافظ الحارس على نظافة شباكه"),
    ("Tehran traded barbs with Riyadh.",
     "تبادلت طهران الأشواك مع الرياض", "تبادلت طهران الأشواك",
     "تبادلت طهران الاتهامات مع الرياض"),
    ("The senator has a strong track record on trade.",
     "يملك السيناتور سجل مسار قوي في التجارة", "سجل مسار",
     "يملك السيناتور سجلا حافلا في مجال التجارة"),
    ("Western support was mere lip service.",
     "كان الدعم الغربي مجرد خدمة شفهية", "خدمة شفهية",
     "كان الدعم الغربي مجرد كلام"),
    ("Thousands fled in the wake of the earthquake.",
     "فر الآلاف في يقظة الزلزال", "في يقظة",
     "فر الآلاف في أعقاب الزلزال"),
    ("Britons go to the polls on Thursday.",
     "يذهب البريطانيون إلى الاستطلاعات يوم الخميس", "إلى الاستطلاعات",
     "يتوجه البريطانيون إلى صناديق الاقتراع يوم الخميس"),
    ("Police fired tear gas at protesters.",
     "أطلقت الشرطة غاز التمزيق على المحتجين", "غاز التمزيق",
     "أطلقت الشرطة الغاز المسيل للدموع على المحتجين"),
    ("Police used stun grenades.",
     "استخدمت الشرطة قنابل مذهلة", "قنابل مذهلة",
     "استخدمت الشرطة قنابل صوتية"),
    ("The EU extended an olive branch to London.",
     "مد الاتحاد الأوروبي فرع الزيتون إلى لندن", "فرع الزيتون",
     "مد الاتحاد الأوروبي غصن الزيتون إلى لندن"),
    ("The comet is visible to the naked eye.",
     "المذنب مرئي بالعين العارية", "بالعين العارية",
     "يمكن رؤية المذنب بالعين المجردة"),
    ("The star is 100 light years away.",
     "يبعد النجم 100 سنة خفيفة", "سنة خفيفة",
     "يبعد النجم 100 سنة ضوئية"),
    ("A cold snap hit Europe.",
     "ضربت أوروبا لقطة باردة", "لقطة باردة",
     "ضربت أوروبا موجة برد"),
    ("Flash floods killed 20 people.",
     "قتلت فيضانات فلاش 20 شخصا", "فيضانات فلاش",
     "قتلت السيول 20 شخصا"),
    ("He was named man of the match.",
     "اختير رجل عود الثقاب", "رجل عود الثقاب",
     "اختير رجل المباراة"),
    ("Republicans reached across the aisle.",
     "مد الجمهوريون أيديهم عبر الممر", "عبر الممر",
     "مد الجمهوريون أيديهم إلى الحزب الآخر"),
    ("The army resorted to carpet bombing.",
     "لجأ الجيش إلى قصف السجاد", "قصف السجاد",
     "لجأ الجيش إلى القصف السجادي"),
    ("The West imposed a no-fly zone.",
     "فرض الغرب منطقة لا تطير", "منطقة لا تطير",
     "فرض الغرب منطقة حظر جوي"),
    ("The firm laid off 500 workers.",
     "وضعت الشركة قبالة 500 عامل", "وضعت الشركة قبالة",
     "سرحت الشركة 500 عامل"),
    ("Lawmakers watered down the bill.",
     "سقى المشرعون مشروع القانون", "سقى",
     "خفف المشرعون مشروع القانون"),
    ("Growth fell short of expectations.",
     "سقط النمو قصيرا عن التوقعات", "سقط النمو قصيرا",
     "جاء النمو دون التوقعات"),
    ("The ceasefire was short-lived.",
     "كانت الهدنة قصيرة العيش", "قصيرة العيش",
     "كانت الهدنة قصيرة الأمد"),
    ("Police cracked down on protesters.",
     "كسرت الشرطة لأسفل على المحتجين", "كسرت الشرطة لأسفل",
     "شنت الشرطة حملة قمع ضد المحتجين"),
    ("Who will foot the bill?",
     "من سيقدم الفاتورة؟", "سيقدم الفاتورة",
     "من سيتحمل التكلفة؟"),
    ("The two sides struck a deal.",
     "ضرب الطرفان صفقة", "ضرب الطرفان صفقة",
     "أبرم الطرفان صفقة"),
    ("Greenhouse gas emissions rose.",
     "ارتفعت انبعاثات غازات البيت الأخضر", "غازات البيت الأخضر",
     "ارتفعت انبعاثات غازات الدفيئة"),
    ("Kyiv has been dragging its feet on reforms.",
     "كييف تجر قدميها بشأن الإصلاحات", "تجر قدميها",
     "تماطل كييف في الإصلاحات"),
])
def test_listed_news_idiom_calque_flagged_and_faithful_rendering_not(en, calque, span, faithful):
    bad = _ctx("p1", "a", calque, en, _LISTED)
    assert [bad.pair.ar_text[f.ar_start : f.ar_end] for f in IdiomCalque().run(bad)] == [span]
    good = _ctx("p2", "a", faithful, en, _LISTED)
    assert IdiomCalque().run(good) == []
