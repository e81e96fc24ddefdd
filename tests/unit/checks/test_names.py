"""The names check: split, misspelt and cut-short renderings of English proper names."""

from __future__ import annotations

import json

import numpy as np
import pytest

from align.checks.base import PairContext, registry
from align.checks.names import Names, cjk_segmentation, english_names, split_verdict
from align.records import Link, Pair
from align.segment import tokenize
from tests.conftest import CORPUS, ar_spans, make_ctx

GOLD = {(d["article"], d["source"]): d for d in map(json.loads, (CORPUS / "gold.jsonl").read_text("utf-8").splitlines())}


def run(ctx):
    flags = Names().run(ctx)
    for f in flags:
        assert f.check == "names" and f.category == "named-entity" and f.severity == "minor"
        assert 0 <= f.ar_start < f.ar_end <= len(ctx.pair.ar_text)
        assert 0 <= f.en_start < f.en_end <= len(ctx.pair.en_text)
    return flags


def found(flags, ctx):
    return [(ctx.pair.ar_text[f.ar_start : f.ar_end], ctx.pair.en_text[f.en_start : f.en_end], f.suggestion) for f in flags]


def gold_ctx(article, source):
    d = GOLD[(article, source)]
    return make_ctx(d["ar"], d["en"])


# --- the shipped corpus ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "source", "expected"),
    [
        # a. split names
        ("000", "cnn-yunashev-video", [("يونا شيف", "Yunashev", "يوناشيف")]),
        ("000", "cnn-yunashev-life", [("يونا شيف", "Yunashev", "يوناشيف")]),  # «ويونا»: the و stays out
        ("001", "tiananmen-parade-talks", [("تيان آن من", "Tiananmen", "تيانانمن")]),  # and شي جين بينغ is fine
        # b. misspelt (no alignment: the best sound match is used)
        ("000", "cnn-diaoyutai-talks", [("دياوتاي", "Diaoyutai", None)]),
        # c. cut short
        ("002", "unforgettable-scene-headline", [("كيم جونغ", "Kim Jong Un", None)]),
        ("002", "reception-bilateral-issues", [("كيم جونغ", "Kim Jong Un", None)]),
        # conventional multi-word renderings: no flag
        ("001", "ap-kim-remarks", []),  # Pyongyang «بيونغ يانغ»
        ("001", "pyongyang-2024-treaty", []),
        ("002", "airport-courtesy", []),  # «بيونج يانج»
        ("004", "ap-lede", []),  # Kim Jong Un «كيم جونغ أون»
        ("000", "cnn-reporter-behind-scenes", []),  # «كيم جونج أون», Kremlin «الكرملين»
        ("003", "telegraph-s21", []),  # Wall Street «لوول ستريت», Olga Skabeyeva
        ("001", "trump-post", []),  # The United States of America «الولايات المتحدة الأميركية»
        ("001", "diaoyutai-kim-ju-ae", [("كيم جو", "Kim Ju Ae", None)]),  # 'Ae' → «آه» sounds like nothing
        ("001", "kremlin-aide-rejects-trump", []),  # Russia, China, North Korea, Donald Trump
        ("003", "telegraph-s09", []),  # Sochi, Alexander Lukashenko
        ("003", "telegraph-s13", []),  # Peskov, Sergei Lavrov
        ("003", "telegraph-s05", []),  # Vostochny «فوستوشني»
        ("001", "diaoyutai-kim-ju-ae", [("كيم جو", "Kim Ju Ae", None)]),
        ("002", "ushakov-documents", []),
    ],
)
def test_gold_pairs(article, source, expected):
    ctx = gold_ctx(article, source)
    assert found(run(ctx), ctx) == expected


def test_whole_corpus_flags_only_where_expected():
    flagged = {}
    for key, d in GOLD.items():
        ctx = make_ctx(d["ar"], d["en"])
        fl = run(ctx)
        if fl:
            flagged[key] = [ctx.pair.ar_text[f.ar_start : f.ar_end] for f in fl]
    assert flagged == {
        ("000", "cnn-yunashev-video"): ["يونا شيف"],
        ("000", "cnn-yunashev-life"): ["يونا شيف"],
        ("000", "cnn-diaoyutai-talks"): ["دياوتاي"],
        ("001", "tiananmen-parade-talks"): ["تيان آن من"],
        ("001", "diaoyutai-kim-ju-ae"): ["كيم جو"],
        ("002", "unforgettable-scene-headline"): ["كيم جونغ"],
        ("002", "reception-bilateral-issues"): ["كيم جونغ"],
    }
    # every flag overlaps the gold named-entity error of its pair
    for key, spans in flagged.items():
        d = GOLD[key]
        gold_spans = [(d["ar"].find(e["span"]), d["ar"].find(e["span"]) + len(e["span"])) for e in d["errors"]]
        for s in spans:
            a = d["ar"].find(s)
            assert any(a < ge and a + len(s) > gs for gs, ge in gold_spans), (key, s)


def test_split_message_and_offsets_in_corpus_mode():
    d = GOLD[("000", "cnn-yunashev-life")]
    prefix, suffix = "نص قبل.\n", "\nنص بعد."
    article = prefix + d["ar"] + suffix
    source = "Intro. " + d["en"] + " Outro."
    a0, e0 = len(prefix), len("Intro. ")
    pair = Pair("p", "000", "cnn-yunashev-life", article, a0, a0 + len(d["ar"]), source, e0, e0 + len(d["en"]))
    ctx = PairContext(pair, tokenize(article, a0, pair.ar_end, "ar"), tokenize(source, e0, pair.en_end, "en"))
    (f,) = run(ctx)
    assert article[f.ar_start : f.ar_end] == "يونا شيف"
    assert source[f.en_start : f.en_end] == "Yunashev"
    assert "'Yunashev'" in f.message and "«يوناشيف»" in f.message


# --- invented pairs from other topics -------------------------------------------------


@pytest.mark.parametrize(
    ("ar", "en", "expected"),
    [
        ("التقى الرئيس الأوكراني فولوديمير زيلينسكي نظيره الفرنسي إيمانويل ماكرون في باريس.",
         "Ukrainian President Volodymyr Zelensky met his French counterpart Emmanuel Macron in Paris.", []),
        ("قال رئيس الوزراء الإسرائيلي بنيامين نتن ياهو إن الحرب ستستمر.",
         "Israeli Prime Minister Benjamin Netanyahu said the war would continue.",
         [("نتن ياهو", "Netanyahu", "نتنياهو")]),
        ("وقال نتن ياهو إن الحرب ستستمر، وكرر نتن ياهو ذلك لاحقا.",
         "Netanyahu said the war would continue, and Netanyahu repeated it later.",
         [("نتن ياهو", "Netanyahu", "نتنياهو"), ("نتن ياهو", "Netanyahu", "نتنياهو")]),
        ("وصل عمدة لوس أنجلوس إلى نيويورك.", "The mayor of Los Angeles arrived in New York.", []),
        ("استقبل الرئيس الصيني شي جين بينغ ضيوفه في بكين.", "Chinese President Xi Jinping received his guests in Beijing.", []),
        ("التقى الملك عبد الله الثاني بالممثل ليوناردو دي كابريو.", "King Abdullah II met the actor Leonardo DiCaprio.", []),
        ("وزار نور الدين مدينة هونغ كونغ.", "Nureddin visited Hong Kong.", []),
        ("أعلنت كوريا الشمالية والكرملين والصين والولايات المتحدة موقفها.",
         "North Korea, the Kremlin, China and the United States announced their positions.", []),
        ("وقال المراسل إن الاجتماع انتهى.", "Yunashev said the meeting was over.", []),  # absent: omission's job
        ("وزار كيم جونغ روسيا.", "Kim Jong Un visited Russia.", [("كيم جونغ", "Kim Jong Un", None)]),
        ("وزار كيم جونغ أون روسيا.", "Kim Jong-un visited Russia.", []),
        ("وزار كيم جونغ روسيا.", "Kim Jong-un visited Russia.", [("كيم جونغ", "Kim Jong-un", None)]),
        ("التقى جورج بوش بالرئيس.", "George W. Bush met the president.", []),  # initials may go
        ("تحدث الرئيس في البيت الأبيض.", "The President spoke at the White House.", []),  # translated
        ("التقى رئيس الوزراء اليوناني كيرياكوس ميتسوكيس بالوفد.",
         "Greek Prime Minister Kyriakos Mitsotakis met the delegation.", [("ميتسوكيس", "Mitsotakis", None)]),
        ("التقى لوكاشنكو بوتين في مينسك.", "Lukashenko met Putin in Minsk.", []),  # a spelling variant
        ("وصل الرئيس الإيراني مسعود بزكيان إلى نيويورك.", "Iranian President Masoud Pezeshkian arrived in New York.",
         [("بزكيان", "Pezeshkian", None)]),  # "sh" dropped
        ("التقى الزعيم الكوري أن الرئيس الروسي.", "The Korean leader met the Russian president.", []),  # demonyms
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


def test_misspelt_name_through_links():
    ar = "عقدت المحادثات في دار الضيافة دياوتاي غرب بكين."
    en = "The talks were held at the Diaoyutai State Guesthouse in western Beijing."
    ctx = make_ctx(ar, en, [("دياوتاي", "Diaoyutai")])
    (f,) = run(ctx)
    assert ar[f.ar_start : f.ar_end] == "دياوتاي" and f.suggestion is None
    assert "'Diaoyutai'" in f.message
    # linked to a known Arabic word (a translation), nothing is said
    ctx = make_ctx("عقدت المحادثات في دار الضيافة الحكومية غرب بكين.", en, [("الحكومية", "Diaoyutai")])
    assert run(ctx) == []


def test_misspelt_name_through_similarity_matrix():
    ar = "التقى رئيس الوزراء كيرياكوس ميتسوكيس بالوفد."
    en = "Prime Minister Kyriakos Mitsotakis met the delegation."
    ctx = make_ctx(ar, en)
    sim = np.full((len(ctx.ar_tokens), len(ctx.en_tokens)), 0.3, dtype=np.float32)
    i = next(i for i, t in enumerate(ctx.ar_tokens) if t.text == "ميتسوكيس")
    j = next(j for j, t in enumerate(ctx.en_tokens) if t.text == "Mitsotakis")
    sim[i, j] = 0.8
    ctx.sim = sim
    assert found(run(ctx), ctx) == [("ميتسوكيس", "Mitsotakis", None)]
    # the best column entry is another word: no flag
    sim[i, j] = 0.3
    sim[0, j] = 0.9
    assert run(ctx) == []


def test_misspelt_suggestion_from_arabnamer():
    ar = "التقى الرئيس ألكسندر لوكاشيكو في سوتشي."
    en = "The president met Alexander Lukashenko in Sochi."
    ctx = make_ctx(ar, en, [("لوكاشيكو", "Lukashenko")])
    (f,) = run(ctx)
    assert ar[f.ar_start : f.ar_end] == "لوكاشيكو"
    assert f.suggestion == "لوكاشينكو"


def test_split_with_clitic_and_diacritics():
    ar = "وقال وَيونا شيف إن الاجتماع انتهى."
    ctx = make_ctx(ar, "Yunashev said the meeting was over.")
    assert found(run(ctx), ctx) == [("يونا شيف", "Yunashev", "يوناشيف")]


def test_latin_name_in_arabic_is_left_to_latin_script():
    ar = "التقى الزعيمان رسميًا في دار الضيافة Dioyutai بعد حضور العرض."
    en = "The two leaders met formally at the Diaoyutai state guest house after attending the parade."
    assert run(make_ctx(ar, en)) == []


# --- the split rule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("en", "pieces", "bad"),
    [
        ("Yunashev", ["يونا", "شيف"], True),
        ("Netanyahu", ["نتن", "ياهو"], True),
        ("Tiananmen", ["تيان", "آن", "من"], True),  # a piece is a function word
        ("Tiananmen", ["تيان", "أن", "مين"], True),
        ("Pyongyang", ["بيونغ", "يانغ"], False),  # Korean syllables, written apart by convention
        ("Jinping", ["جين", "بينغ"], False),  # pinyin syllables
        ("Panmunjom", ["بان", "مون", "جوم"], False),
        ("Abdullah", ["عبد", "الله"], False),  # Arabic compound name
        ("Nureddin", ["نور", "الدين"], False),
        ("Abubakar", ["أبو", "بكر"], False),
        ("DiCaprio", ["دي", "كابريو"], False),  # name particle
        ("Vandenberg", ["فان", "دنبرغ"], False),
        ("Lukashenko", ["لوكا", "شينكو"], True),
    ],
)
def test_split_verdict(en, pieces, bad):
    assert split_verdict(en, pieces)[0] is bad


def test_cjk_segmentation():
    assert cjk_segmentation("Pyongyang", ["بيونغ", "يانغ"]) == ["pyong", "yang"]
    assert cjk_segmentation("Tiananmen", ["تيان", "آن", "من"]) == ["tian", "an", "men"]
    assert cjk_segmentation("Yunashev", ["يونا", "شيف"]) is None
    assert cjk_segmentation("Pyongyang", ["يانغ", "بيونغ"]) is None  # pieces must sound like the syllables


# --- which English tokens are names ----------------------------------------------------


def names_of(en):
    ctx = make_ctx("نص", en)
    names, groups = english_names(ctx)
    return [n.text for n in names], [[ctx.en_tokens[j].text for j in g] for g in groups]


def test_english_names():
    names, groups = names_of("Putin gives Kim Jong-un parting gifts as tour ends early")
    assert names == ["Putin", "Kim", "Jong", "un"]
    assert groups == [["Putin"], ["Kim", "Jong", "un"]]
    names, _ = names_of("The reason for the clean-up remains unclear. Speaking in Moscow, Mr Peskov said so.")
    assert names == ["Moscow", "Peskov"]  # sentence-initial common words and titles are not names
    names, _ = names_of("BEIJING (AP) — Russian President Vladimir Putin met KCNA reporters.")
    assert "BEIJING" not in names and "AP" not in names and "KCNA" not in names
    assert {"Vladimir", "Putin"} <= set(names)


def test_registered():
    assert registry()["names"] is Names


def test_empty_and_nameless_pairs():
    assert run(make_ctx("", "")) == []
    assert run(make_ctx("قال إنه سعيد.", "he said he was happy.")) == []
    ctx = make_ctx("وقال بوتين إنه سعيد.", "Putin said he was happy.")
    ctx.links = [Link(1, 0, 0.9)]
    assert run(ctx) == []


def _article_ctx(ar: str, en: str, others: list[tuple[str | None, str]]):
    """A pair of article 'a1' whose run also holds ``others`` (article, English) pairs."""
    from align.resources import Resources

    res = Resources()
    for k, (art, other_en) in enumerate(others):
        res.pair_texts.add(Pair(f"o{k}", art, f"s{k}", "نص", 0, 3, other_en, 0, len(other_en)))
    ctx = make_ctx(ar, en, resources=res)
    ctx.pair = Pair("t", "a1", "s", ar, 0, len(ar), en, 0, len(en))
    res.pair_texts.add(ctx.pair)
    return ctx


def test_split_of_a_name_another_unit_of_the_article_gives():
    ar = "وأضاف يونا شيف أنه بعد الاجتماع غادر بوتين وكيم المكتب"
    en = "The official part of the meeting ended, Putin and Kim left the office"
    ctx = _article_ctx(ar, en, [("a1", "Kremlin correspondent Alexander Yunashev shared a video")])
    flags = Names().run(ctx)
    assert ar_spans(ctx, flags) == ["يونا شيف"]
    assert flags[0].en_start is None and "another English unit" in flags[0].message
    assert flags[0].suggestion == "يوناشيف"
    # the same name in another article's unit, or no other unit: nothing to compare with
    assert Names().run(_article_ctx(ar, en, [("a2", "Kremlin correspondent Alexander Yunashev shared a video")])) == []
    assert Names().run(_article_ctx(ar, en, [])) == []
    # written whole: no split
    whole = "وأضاف يوناشيف أنه بعد الاجتماع غادر بوتين وكيم المكتب"
    assert Names().run(_article_ctx(whole, en, [("a1", "Kremlin correspondent Alexander Yunashev shared a video")])) == []
