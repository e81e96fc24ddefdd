"""rendering-consistency: one article's rendering of an English unit against the others'."""

from __future__ import annotations

from align.checks import rendering_consistency as rc
from align.checks.base import PairContext, registry
from align.records import Link, Pair
from align.resources import PairTexts, Resources
from align.segment import tokenize

EN = "The plant will close next month after twenty years of production"
GOOD = [
    "سيغلق المصنع أبوابه الشهر المقبل بعد عشرين عاما من الإنتاج",
    "سيغلق المصنع الشهر المقبل بعد عشرين عاما من الإنتاج",
    "المصنع سيغلق أبوابه في الشهر المقبل بعد عشرين عاما من الإنتاج",
]
BAD = "ستتوقف الحديقة عن استقبال الزوار قريبا بسبب أعمال الصيانة والترميم"


def _pair(pid: str, article: str, ar: str, en: str = EN, source: str | None = "s1") -> Pair:
    return Pair(pid, article, source, ar, 0, len(ar), en, 0, len(en))


def _ctx(pair: Pair, res: Resources, links: list[Link] | None = None) -> PairContext:
    at, et = tokenize(pair.ar_text, 0, len(pair.ar_text), "ar"), tokenize(pair.en_text, 0, len(pair.en_text), "en")
    return PairContext(pair, at, et, links or [], None, res)


def _resources(texts: list[tuple[str, str]], register: bool = True) -> tuple[Resources, list[Pair]]:
    res = Resources()
    pairs = [_pair(f"p{n}", art, ar) for n, (art, ar) in enumerate(texts)]
    for p in pairs:
        at, et = tokenize(p.ar_text, 0, len(p.ar_text), "ar"), tokenize(p.en_text, 0, len(p.en_text), "en")
        res.memory.add_pair(p.pair_id, p.article, p.ar_text, at, et, [], None)
        if register:
            res.pair_texts.add(p, at)
    return res, pairs


def test_registered():
    assert registry()["rendering-consistency"] is rc.RenderingConsistencyCheck


def test_pair_texts_groups_by_unit():
    reg = PairTexts()
    a, b, c = _pair("a", "1", GOOD[0]), _pair("b", "2", GOOD[1]), _pair("c", "3", GOOD[2], source="other")
    for p in (a, b, c, a):
        reg.add(p)
    assert len(reg) == 3
    assert [t.pair_id for t in reg.same_unit(a)] == ["b"]
    assert reg.same_unit(c) == []


def test_the_odd_rendering_out_is_flagged():
    res, pairs = _resources([("1", GOOD[0]), ("2", GOOD[1]), ("3", GOOD[2]), ("4", BAD)])
    ctx = _ctx(pairs[3], res)
    c = rc.consistency(ctx)
    assert c is not None and c["others"] == 3 and c["max_ar_sim"] < rc.MAX_AR_SIM and c["bt_gap"] >= rc.BT_GAP
    flags = rc.RenderingConsistencyCheck().run(ctx)
    assert [(f.category, f.severity) for f in flags] == [("mistranslation", "minor")]
    # no Arabic span; with no links at all the unaligned run named is the whole rendering
    assert flags[0].ar_start is None and f"«{BAD}»" in flags[0].message


def test_unlinked_run_is_the_longest_run_of_unlinked_content_words():
    res, pairs = _resources([("4", BAD)])
    ctx = _ctx(pairs[0], res, [Link(0, 0, 0.9), Link(3, 1, 0.9)])  # ستتوقف and استقبال linked
    assert rc._unlinked_run(ctx) == (4, 9)


def test_agreeing_renderings_are_not_flagged():
    res, pairs = _resources([("1", GOOD[0]), ("2", GOOD[1]), ("3", GOOD[2]), ("4", BAD)])
    for p in pairs[:3]:
        assert rc.RenderingConsistencyCheck().run(_ctx(p, res)) == []


def test_one_other_rendering_is_enough_but_only_for_the_worse_one():
    res, pairs = _resources([("1", GOOD[0]), ("4", BAD)])
    assert rc.RenderingConsistencyCheck().run(_ctx(pairs[1], res))
    assert rc.RenderingConsistencyCheck().run(_ctx(pairs[0], res)) == []


def test_same_article_is_not_another_rendering():
    res, pairs = _resources([("4", GOOD[0]), ("4", GOOD[1]), ("4", BAD)])
    ctx = _ctx(pairs[2], res)
    assert rc.others(ctx) == [] and rc.RenderingConsistencyCheck().run(ctx) == []


def test_unregistered_pairs_are_not_compared():
    res, pairs = _resources([("1", GOOD[0]), ("2", GOOD[1]), ("3", GOOD[2]), ("4", BAD)], register=False)
    ctx = _ctx(pairs[3], res)
    assert rc.others(ctx) == [] and rc.RenderingConsistencyCheck().run(ctx) == []


def test_without_resources_nothing_happens():
    p = _pair("x", "1", BAD)
    ctx = PairContext(p, tokenize(BAD, 0, len(BAD), "ar"), tokenize(EN, 0, len(EN), "en"))
    assert rc.others(ctx) == [] and rc.RenderingConsistencyCheck().run(ctx) == []

