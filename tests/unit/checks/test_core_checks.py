"""Tables of (Arabic, English, expected flags) for the small rule checks."""

import pytest

from align.checks.complementizer import Complementizer
from align.checks.latin_script import LatinScript
from align.checks.punctuation import PunctuationSpacing
from align.checks.reported_speech import ReportedSpeech
from align.checks.status_words import StatusWords
from align.checks.stray_article import StrayArticle
from align.resources import Resources
from tests.conftest import ar_spans, make_ctx


def spans(flags, ctx):
    return [ctx.pair.ar_text[f.ar_start : f.ar_end] for f in flags if f.ar_start is not None]


@pytest.mark.parametrize(
    ("ar", "expected"),
    [
        ("وفقًا لتقييمات كوريا الجنوبية ، أرسلت", [" ،"]),
        ("لا أحد يخطط لأي شيء ؛ لم يكن", [" ؛"]),
        ("هل جاء ؟ نعم، جاء.", [" ؟"]),
        ("وفقًا لتقييمات كوريا الجنوبية، أرسلت", []),
        # a word and a number run together, both ways
        ("وقعت الحرب في فبراير2022 واستمرت", ["فبراير2022"]),
        ("أرسل 5ملايين قذيفة", ["5ملايين"]),
        ("زاد بنسبة ٣٠بالمئة", ["٣٠بالمئة"]),
        # how Arabic attaches words to numbers: proclitics, tatweel, era marks, Latin codes
        ("و2022 كان عاماً صعباً وبـ9 ملايين وللـ3 وبال2022", []),
        ("في عام 2022م أو 1445هـ", []),
        ("انتشر كوفيد-19 وعقدت قمة G7", []),
        # the conjunction written apart, and only that
        ("من أستراليا و جنوب أفريقيا", ["و"]),
        ("من أستراليا وجنوب أفريقيا", []),
    ],
)
def test_punctuation(ar, expected):
    ctx = make_ctx(ar, "x")
    assert spans(PunctuationSpacing().run(ctx), ctx) == expected


@pytest.mark.parametrize(
    ("ar", "expected"),
    [
        ("بعد حضور أ موكب عسكري", ["أ موكب"]),
        ("توقيع البلدين أ اتفاق الشراكة", ["أ اتفاق"]),
        ("البند (أ) من المادة", []),
        ("أ) البند الأول", []),
        ("الفقرة أ- من القرار", []),
    ],
)
def test_stray_article(ar, expected):
    ctx = make_ctx(ar, "after attending a major parade")
    assert spans(StrayArticle().run(ctx), ctx) == expected


@pytest.mark.parametrize(
    ("ar", "en", "expected", "severity"),
    [
        ("قد يلتقي XI بشكل ثنائي", "if Kim possibly meets Xi bilaterally", ["XI"], "major"),
        ("في دار الضيافة Dioyutai بعد", "at the Diaoyutai state guest house", ["Dioyutai"], "minor"),
        ("بكين (AP) – التقى", "BEIJING (AP) — met", [], None),
        ("STR/KCNA عبر Getty Images", "STR/KCNA VIA KNS/AFP via Getty Images", [], None),
        ("صواريخ من طراز KN-23", "ballistic missiles", [], None),
        ("تابعونا @muqabala و #غزة https://x.com/a", "follow us", [], None),
        # an English dictionary word kept in Latin letters is untranslated, even when the source has it
        ("قال إن الـ deal كان جيدا", "said the deal was good", ["deal"], "major"),
        ("قال إن الصفقة كانت good", "said the deal was fine", ["good"], "major"),
        ("أعلنت الحكومة الطوارئ في خمس districts شمالي البلاد.", "The government declared an emergency in five districts in the north.",
         ["districts"], "major"),
        ("نقلت Reuters عن مصادر أن الاتفاق قريب", "Sources told Reuters the deal was close", [], None),  # a name, as the source writes it
        ("سافر الوفد of الحكومة إلى باريس", "The government delegation travelled to Paris", ["of"], "minor"),  # a function word
        # abbreviations and names with an established Arabic form: minor
        ("وبلغ العجز 4% من GDP هذا العام", "The deficit reached 4% of GDP this year", ["GDP"], "minor"),
        ("ألغى الحكم الهدف بعد مراجعة VAR", "The referee disallowed the goal after a VAR review", ["VAR"], "minor"),
        ("كتب الوزير على X أنه سيستقيل", "The minister wrote on X that he would resign", ["X"], "minor"),
        ("نشرت الشركة صورة على Instagram", "The company posted a photo on Instagram", ["Instagram"], "minor"),
        # X that is not the platform (a variable, a letter) is left alone
        ("اختار المشاركون الخيار X في الاستطلاع", "Participants picked option X in the poll", [], None),
        # faithful Latin tokens
        ("أعلنت الشركة عن هاتف iPhone 15 الجديد", "The company unveiled the new iPhone 15", [], None),
        ("يبلغ طول الطريق 120 km تقريبا", "The road is about 120 km long", [], None),
        ("بلغ الناتج المحلي الإجمالي (GDP) نحو تريليون دولار", "GDP reached about $1 trillion", [], None),  # a gloss
        ("رفع المتظاهرون شعار \"stay home\" في الساحة", "Protesters chanted \"stay home\" in the square", [], None),  # quoted as it is
        ("قالت أورسولا von der Leyen إن الاتحاد مستعد", "Ursula von der Leyen said the union was ready", [], None),  # a name run
        ("ونشر الحساب: we will never give up on our people today وأضاف", "The account posted: we will never give up on our people today", [],
         None),  # an English passage
        ("تحدث رئيس الوزراء إلى BBC News أمس", "The prime minister spoke to BBC News yesterday", [], None),
    ],
)
def test_latin_script(ar, en, expected, severity):
    ctx = make_ctx(ar, en, resources=Resources())
    flags = LatinScript().run(ctx)
    assert spans(flags, ctx) == expected
    if severity:
        assert flags[0].severity == severity and flags[0].category == "untranslated"


def test_latin_script_suggests_the_arabic_form():
    ctx = make_ctx("وبلغ العجز 4% من GDP هذا العام", "The deficit reached 4% of GDP this year", resources=Resources())
    (f,) = LatinScript().run(ctx)
    assert f.suggestion == "الناتج المحلي الإجمالي"
    ctx = make_ctx("حذف الوزير منشورا على X بعد الانتقادات", "The minister deleted a post on X after criticism", resources=Resources())
    (f,) = LatinScript().run(ctx)
    assert f.suggestion == "منصة إكس" and f.severity == "minor"


def test_latin_script_english_only_span_is_not_flagged():
    ar = "They took the glass he drank from and wiped down the chair."
    ctx = make_ctx(ar, ar, resources=Resources())
    assert LatinScript().run(ctx) == []


@pytest.mark.parametrize(
    ("ar", "en", "expected"),
    [
        ("تصريحات الرئيس الأميركي السابق دونالد ترامب", "claims by U.S. President Donald Trump", ["السابق"]),
        ("تصريحات الرئيس الأميركي السابق دونالد ترامب", "claims by former U.S. President Donald Trump", []),
        ("في العام السابق ارتفعت الأسعار", "prices rose the year before", []),
        ("قال رئيس الوزراء المؤقت", "the prime minister said", ["المؤقت"]),
    ],
)
def test_status_words(ar, en, expected):
    ctx = make_ctx(ar, en)
    flags = StatusWords().run(ctx)
    assert spans(flags, ctx) == expected


def test_status_words_other_direction():
    ctx = make_ctx("قال الرئيس الأميركي دونالد ترامب", "said former U.S. President Donald Trump")
    flags = StatusWords().run(ctx)
    assert [f.category for f in flags] == ["omission"] and flags[0].ar_start is None
    assert ctx.pair.en_text[flags[0].en_start : flags[0].en_end] == "former"


@pytest.mark.parametrize(
    ("ar", "en", "flagged"),
    [
        ("وقال بيسكوف لم أكن متأكداً من المدة", "Peskov said he wasn't sure how long", True),
        ("وقال بيسكوف إنه لم يكن متأكداً من المدة", "Peskov said he wasn't sure how long", False),
        ("وقال: «لم أكن متأكداً من المدة»", 'He said: "I was not sure how long"', False),
        ("وقال بيسكوف سأفعل ذلك", "Peskov said he would do it", True),
        ("أكبر الدول تقول إن", "the biggest countries say that", False),
    ],
)
def test_reported_speech(ar, en, flagged):
    assert bool(ReportedSpeech().run(make_ctx(ar, en))) is flagged


@pytest.mark.parametrize(
    ("ar", "en", "expected"),
    [
        ("في ملاحظاته قال كيم ذلك التعاون بين", "Kim said that cooperation between", ["قال كيم ذلك"]),
        ("كييف قالت ذلك وتقوم كوريا", "Kyiv has said that North Korea", ["قالت ذلك"]),
        ("قال كيم إن التعاون بين", "Kim said that cooperation between", []),
        ("وقال ذلك أمام الصحفيين", "He said this to reporters", []),
    ],
)
def test_complementizer(ar, en, expected):
    ctx = make_ctx(ar, en)
    assert spans(Complementizer().run(ctx), ctx) == expected


def test_headlines_run_together_needs_the_english_separator_and_adjacent_aligned_words():
    from align.checks.punctuation import headlines_run_together

    en = "Putin and Kim meet in Beijing | Kremlin: Russia denies any conspiracy"
    links = [("بكين", "Beijing"), ("الكرملين", "Kremlin")]
    ctx = make_ctx("بوتين وكيم يلتقيان في بكين الكرملين: روسيا تنفي أي مؤامرة", en, links)
    assert [(ctx.ar_tokens[a].text, ctx.ar_tokens[b].text) for a, b in headlines_run_together(ctx)] == [("بكين", "الكرملين")]
    flags = [f for f in PunctuationSpacing().run(ctx) if "headlines" in f.message]
    assert ar_spans(ctx, flags) == ["بكين الكرملين"] and flags[0].suggestion == "بكين | الكرملين"
    # a separator in the Arabic, no «|» in the English, or no alignment: nothing
    for ar in ("بوتين وكيم يلتقيان في بكين.. الكرملين: روسيا تنفي", "بوتين وكيم يلتقيان في بكين | الكرملين: روسيا تنفي"):
        assert headlines_run_together(make_ctx(ar, en, links)) == []
    assert headlines_run_together(make_ctx("يلتقيان في بكين الكرملين", "They meet in Beijing, the Kremlin says", links)) == []
    assert headlines_run_together(make_ctx("يلتقيان في بكين الكرملين", en)) == []
