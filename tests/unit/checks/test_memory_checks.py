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
from align.resources import Resources
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


@pytest.mark.parametrize(("token_key", "want", "ok"), [
    ("سحب", "سحب", True), ("يسحبون", "سحب", True), ("سحبوا", "سحب", True), ("تحولت", "تحول", True),
    ("سيسحبون", "سحب", True),
    ("انسحب", "سحب", False),  # another verb form (a different meaning), not a conjugation
    ("سحابه", "سحب", False), ("من", "م", False),
])
def test_key_matches_conjugations_only(token_key, want, ok):
    assert key_matches(token_key, want) is ok
