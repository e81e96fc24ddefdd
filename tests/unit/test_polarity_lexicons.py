"""The lexicons in corpora/lexicons/ and the matching helpers of align/polarity.py."""

from __future__ import annotations

import pytest

from align import polarity as pl
from align.normalize import normalize_ar
from align.segment import is_arabic, tokenize


def _terms_of(entries, lang):
    return [e.term for e in entries if e.term.lang == lang]


# -- file shape -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["polarity_en.tsv", "polarity_ar.tsv", "antonyms.tsv", "degree.tsv", "modality.tsv"])
def test_files_have_header_and_no_empty_cells(name):
    rows = pl._rows(name)
    assert rows, name
    for row in rows:
        for col, value in row.items():
            if col != "note":
                assert value, f"{name}: empty {col} in {row}"


@pytest.mark.parametrize(("lang", "low", "high"), [("en", 60, 200), ("ar", 60, 200)])
def test_polarity_sizes_and_types(lang, low, high):
    entries = pl.load_polarity(lang)
    assert low <= len(entries) <= high
    assert {e.type for e in entries} <= set(pl.POLARITY_TYPES)
    assert {e.type for e in entries} == set(pl.POLARITY_TYPES)  # every type is used


def test_polarity_scripts():
    for e in pl.load_polarity("en"):
        assert not is_arabic(e.term.text) and e.term.text == e.term.text.lower()
    for e in pl.load_polarity("ar"):
        assert is_arabic(e.term.text)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_term_is_both_negator_and_non_negating(lang):
    by_term: dict[str, set[str]] = {}
    for e in pl.load_polarity(lang):
        by_term.setdefault(e.term.words, set()).add(e.type)
    clashes = {t: ts for t, ts in by_term.items() if "negator" in ts and "non-negating" in ts}
    assert not clashes


def test_antonyms_rows():
    rows = pl.load_antonyms()
    assert 60 <= len(rows) <= 200
    for p in rows:
        assert p.pos in ("verb", "adj", "prep", "noun")
        for side in ("a", "b"):
            assert p.side(side, "en") and p.side(side, "ar"), p
            assert all(is_arabic(t.text) for t in p.side(side, "ar"))
            assert all(not is_arabic(t.text) for t in p.side(side, "en"))
        # an Arabic term on both sides of one row could never flag
        assert not {t.words for t in p.ar_a} & {t.words for t in p.ar_b}, p
        assert not {t.words for t in p.en_a} & {t.words for t in p.en_b}, p
    assert {"critical", "major"} == {p.severity for p in rows}


def test_degree_rows():
    rows = pl.load_degree()
    assert 60 <= len(rows) <= 200
    assert {r.lang for r in rows} == {"en", "ar"}
    assert {r.position for r in rows} == {"before", "after"}
    for cls in ("approx", "nearly", "above", "at-least", "below", "at-most"):
        assert any(r.lang == "en" and r.cls == cls for r in rows)
        assert pl.degree_suggestion(cls), cls
    assert pl.degree_suggestion("at-least") == "ما لا يقل عن"  # a "before" row, not «وأكثر»


def test_modality_rows():
    rows = pl.load_modality()
    classes = {r.cls for r in rows}
    assert {"certain", "probable", "possible", "obligation", "reported", "hearsay"} <= classes
    for lang in ("en", "ar"):
        assert len([r for r in rows if r.lang == lang]) >= 60


def test_unknown_type_is_refused(tmp_path, monkeypatch):
    (tmp_path / "polarity_xx.tsv").write_text("term\ttype\tnote\nnot\tnegatr\t\n", encoding="utf-8")
    monkeypatch.setattr(pl, "LEXICON_DIR", tmp_path)
    pl.load_polarity.cache_clear()
    try:
        with pytest.raises(ValueError, match="unknown type"):
            pl.load_polarity("xx")
    finally:
        pl.load_polarity.cache_clear()


# -- English inflection -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("rise", {"rise", "rises", "rose", "risen", "rising"}),
        ("fail", {"fails", "failed", "failing"}),
        ("ban", {"bans", "banned", "banning"}),
        ("deny", {"denies", "denied", "denying"}),
        ("veto", {"vetoes", "vetoed", "vetoing"}),
        ("lose", {"lost", "losing", "loses"}),
        ("increase", {"increased", "increasing", "increases"}),
    ],
)
def test_en_forms(lemma, forms):
    assert forms <= pl.en_forms(lemma)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("increased", "increase"), ("accused", "accuse"), ("marked", "mark"), ("rose", "rise"), ("rising", "rise"),
     ("banned", "ban"), ("won", "win"), ("denied", "deny"), ("criticised", "criticise")],
)
def test_en_verb_lemma(word, lemma):
    assert pl.en_verb_lemma(word) == lemma


# -- Arabic stems ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "word", "expected"),
    [
        ("ارتفع", "ارتفعت", True),
        ("ارتفع", "يرتفع", True),
        ("انخفض", "ستنخفض", True),
        ("ارتفاع", "وارتفاع", True),
        ("رفض", "يرفضون", True),
        ("رفض", "والرفض", True),
        ("نفى", "ينفي", True),
        ("فشل", "فشلها", True),
        ("براءة", "ببراءته", True),
        ("أضعف", "يضعف", True),
        ("ارتفع", "رفع", False),
        ("رفض", "فرض", False),
        ("نجح", "نجم", False),
    ],
)
def test_ar_stem_matching(stem, word, expected):
    assert bool(pl.ar_cores(word) & pl.ar_stem_keys(stem)) is expected


@pytest.mark.parametrize(
    ("word", "future"),
    [("ستصل", True), ("سيزور", True), ("وسيتم", True), ("سيارة", False), ("سياسة", False), ("سنة", False)],
)
def test_ar_future(word, future):
    assert (pl.ar_future(word) is True) is future


@pytest.mark.parametrize(
    ("word", "maybe"),
    [("يلتقي", True), ("تبلغ", True), ("تم", False), ("تعمقت", False)],
)
def test_ar_maybe_imperfect(word, maybe):
    assert pl.ar_maybe_imperfect(word) is maybe


# -- negation in text -----------------------------------------------------------------------


def _kinds(hits):
    return [h.kind for h in hits]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("He did not attend", ["negator"]),
        ("He didn't attend", ["negator"]),
        ("not only a deal but a treaty", []),
        ("There is no doubt it worked", []),
        ("The reason remains unclear", ["stasis", "negative-word"]),
        ("It was incredible", ["negative-word"]),
        ("The Senate failed to pass it", ["negative-verb"]),
        ("no more than 20 people", []),
    ],
)
def test_en_negations(text, kinds):
    assert _kinds(pl.en_negations(tokenize(text, lang="en"))) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("لم يحضر الرئيس", ["negator"]),
        ("ولن يترشح", ["negator"]),
        ("لا يزال السبب غير واضح", ["negator"]),  # «لا يزال» is not a negation, «غير واضح» is
        ("غير أن الخبراء أشاروا", []),
        ("لم تؤكد ذلك إلا في أبريل", ["quasi", "quasi"]),  # exceptive «لم … إلا»: "only in April"
        ("قرر ألا يترشح", ["negator"]),
        ("لا أحد إلا هو", ["quasi", "quasi"]),
        ("الألم اللا يحتمل", ["negative-word"]),
        ("ما لا يقل عن 20 شخصا", ["quasi"]),  # «ما» is weak; «لا يقل عن» is a degree phrase
        ("وتواصل القتال ليلاً", ["stasis"]),  # not «لئلا»
        ("ونفت الوزارة ذلك", ["negative-verb"]),
    ],
)
def test_ar_negations(text, kinds):
    assert _kinds(pl.ar_negations(tokenize(text))) == kinds


def test_term_index_multiword_and_stems():
    idx = pl.TermIndex("ar", [(pl.parse_term("لا زال~", "ar"), "x", None), (pl.parse_term("رفض~", "ar"), "y", None)])
    toks = tokenize("وما زالت الحكومة لا تزال ترفض الاتفاق")
    hits = idx.find(toks)
    assert [(toks[h.i].text, h.kind) for h in hits] == [("لا", "x"), ("ترفض", "y")]


def test_ar_glossing_finds_the_verb():
    toks = tokenize("حضر الرئيس القمة واتهمت إيران إسرائيل")
    assert [toks[k].text for k in pl.ar_glossing(toks, "attended")] == ["حضر"]
    assert [toks[k].text for k in pl.ar_glossing(toks, "accused", verbs_only=True)] == ["واتهمت"]


def test_normalised_matching_ignores_diacritics():
    toks = tokenize("ارْتَفَعَتْ الأسعار")
    hits = pl.antonym_index("ar").find(toks)
    assert any(normalize_ar(toks[h.i].text) == "ارتفعت" for h in hits)
