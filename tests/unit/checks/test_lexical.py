"""The lexical check: dictionary suspects and the sentence-encoder counterfactual.

The counterfactual is tested with a fake encoder (a bag of concepts) for determinism, and
once with the real USE-m (slow)."""

from __future__ import annotations

import dataclasses
import zlib

import numpy as np
import pytest

from align import dictionary as dic
from align.checks import lexical as lx
from align.checks.base import PairContext, registry
from align.records import Link, Pair
from align.segment import tokenize

# Words (Arabic light stems, English words) → the concept a toy encoder gives them.
CONCEPTS = {
    "plant": "factory", "factory": "factory", "مصنع": "factory",
    "نبتة": "flora", "نبات": "flora", "زرع": "flora", "غرس": "flora", "sprout": "flora", "seedling": "flora",
    "shoot": "flora", "غرسة": "flora", "cotyledon": "flora",
    "close": "close", "ستغلق": "close", "سيغلق": "close",
    "month": "month", "شهر": "month", "next": "next", "مقبل": "next",
}


class ConceptEncoder:
    """Sum of one-hot concept vectors: a sentence is close to another when they share concepts."""

    dim = 256

    def __init__(self):
        self.calls: list[int] = []

    def _concept(self, word: str) -> str:
        key = dic.normalize_key(word).lower()
        for cand in (word.lower(), key, key[2:] if key.startswith("ال") else key):
            if cand in CONCEPTS:
                return CONCEPTS[cand]
        for k, v in CONCEPTS.items():  # Arabic forms with endings (أبوابها, النبتة)
            if len(k) >= 3 and not k.isascii() and dic.normalize_key(k) in key:
                return v
        return word.lower()

    def encode(self, texts):
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for n, t in enumerate(texts):
            for tok in tokenize(t, 0, len(t), "ar" if any("\u0600" <= c <= "\u06ff" for c in t) else "en"):
                out[n, zlib.crc32(self._concept(tok.text).encode()) % self.dim] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


class FlatEncoder:
    """Every sentence the same vector: no substitution can gain anything."""

    def encode(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def make_ctx(ar: str, en: str, pairs: list[tuple], sim: np.ndarray | None = None) -> PairContext:
    p = Pair("p1", None, None, ar, 0, len(ar), en, 0, len(en))
    at, et = tokenize(ar, 0, len(ar), "ar"), tokenize(en, 0, len(en), "en")
    aw, ew = [t.text for t in at], [t.text for t in et]
    # (ar, en) links score 0.9; an (ar, en, score) link can be made the weakest, which is the
    # one suspect a pair gets (lx.MAX_SUSPECTS)
    links = [Link(aw.index(x[0]), ew.index(x[1]), x[2] if len(x) > 2 else 0.9) for x in pairs]
    return PairContext(p, at, et, links, sim)


PLANT_WRONG = ("ستغلق النبتة أبوابها الشهر المقبل", "The plant will close next month",
               [("ستغلق", "close"), ("النبتة", "plant", 0.6), ("الشهر", "month"), ("المقبل", "next")])
PLANT_RIGHT = ("سيغلق المصنع أبوابه الشهر المقبل", "The plant will close next month",
               [("سيغلق", "close"), ("المصنع", "plant", 0.6), ("الشهر", "month"), ("المقبل", "next")])


def test_registered():
    assert registry()["lexical"] is lx.LexicalCheck
    assert "alignment" in lx.LexicalCheck.needs


def test_wrong_sense_is_flagged_with_the_other_sense_as_suggestion():
    ctx = make_ctx(*PLANT_WRONG)
    enc = ConceptEncoder()
    trials = lx.trials(ctx, enc)
    plant = [t for t in trials if ctx.en_tokens[t.suspect.en].text == "plant"]
    assert plant and plant[0].suspect.kind == "sense"
    assert plant[0].flagged and plant[0].best_word == "المصنع"
    assert plant[0].keep is not None and plant[0].keep < lx.KEEP_MAX
    flags = lx.LexicalCheck().run(ctx)  # cached trials: no second encoder pass
    assert len(enc.calls) <= 2
    assert [(f.category, f.severity, f.suggestion) for f in flags] == [("mistranslation", "major", "المصنع")]
    f = flags[0]
    assert ctx.pair.ar_text[f.ar_start:f.ar_end] == "النبتة" and ctx.pair.en_text[f.en_start:f.en_end] == "plant"


def test_a_batch_of_pairs_costs_two_encoder_calls_and_gives_the_same_trials():
    one = [lx.trials(make_ctx(*case), ConceptEncoder()) for case in (PLANT_WRONG, PLANT_RIGHT, PLANT_WRONG)]
    enc = ConceptEncoder()
    ctxs = [make_ctx(*case) for case in (PLANT_WRONG, PLANT_RIGHT, PLANT_WRONG)]
    many = lx.trials_many(ctxs, enc)
    assert len(enc.calls) == 2  # the Arabic variants of all pairs, then the keep test
    assert many == one
    assert [f.suggestion for f in lx.LexicalCheck().run(ctxs[0])] == ["المصنع"]  # run reads what prepare left


def test_right_sense_is_not_flagged():
    ctx = make_ctx(*PLANT_RIGHT)
    assert lx.trials(ctx, ConceptEncoder())  # a suspect is tried ...
    assert not any(t.flagged for t in ctx.extra[lx.EXTRA_KEY])  # ... and cleared


def test_no_gain_no_flag():
    ctx = make_ctx(*PLANT_WRONG)
    trials = lx.trials(ctx, FlatEncoder())
    assert trials and all(abs(t.gain) < 1e-6 and not t.flagged for t in trials)


def test_no_links_no_suspects():
    ar, en, _ = PLANT_WRONG
    ctx = make_ctx(ar, en, [])
    assert lx.find_suspects(ctx) == [] and lx.trials(ctx, ConceptEncoder()) == []


def test_dictionary_confirms_a_pair_the_aligner_missed():
    # e5 linked منصبا to "a": the dictionary (منصب = post) pairs it with "post" anyway
    ar, en = "نشر الرئيس منصبا على الإنترنت", "The president wrote a post online"
    ctx = make_ctx(ar, en, [("نشر", "wrote"), ("الرئيس", "president"), ("منصبا", "a")])
    ctx.sim = np.full((len(ctx.ar_tokens), len(ctx.en_tokens)), 0.5, dtype=np.float32)
    pairs = {(ctx.ar_tokens[i].text, ctx.en_tokens[j].text) for i, j, _ in lx.content_pairs(ctx)}
    assert ("منصبا", "post") in pairs


@pytest.mark.parametrize("original,translation,expected", [
    ("النبتة", "مصنع", "المصنع"),
    ("والنبتة", "مصنع", "والمصنع"),
    ("بالنبتة", "المصنع", "بالمصنع"),
    ("نبتة", "المصنع", "مصنع"),
    ("للنبتة", "مصنع", "للمصنع"),
])
def test_substitute_word_keeps_proclitics(original, translation, expected):
    assert lx.substitute_word(original, translation) == expected


@pytest.mark.parametrize("a,b,same", [
    ("وزرنا", "زيارة", True), ("فضائية", "فضاء", True), ("المصانع", "مصنع", True),
    ("النبتة", "مصنع", False), ("عروض", "اقتبس", False), ("الضفاف", "مصرف", False),
])
def test_same_family(a, b, same):
    assert lx.same_family(a, b) is same


def test_sense_alternatives_leave_out_synonyms():
    alts = lx._sense_alternatives("النبتة", "plant")
    assert "مصنع" in alts and "نبات" not in alts and "نبتة" not in alts


# A real sentence encoder on a real ambiguity: "banks" (money) rendered as river banks.
BANKS = "Banks will remain closed on Monday because of the holiday."
BANKS_PAIRS = [("ستبقى", "remain"), ("مغلقة", "closed"), ("يوم", "on"), ("الاثنين", "Monday"), ("بسبب", "because"),
               ("العطلة", "holiday")]


@pytest.mark.slow
@pytest.mark.parametrize("word,flagged", [("الضفاف", True), ("البنوك", False)])
def test_real_encoder_banks(word, flagged):
    from models.registry import load_sentence_encoder

    ar = f"ستبقى {word} مغلقة يوم الاثنين بسبب العطلة."
    ctx = make_ctx(ar, BANKS, [*BANKS_PAIRS, (word, "Banks")])
    # suspects are tried weakest link first (MAX_SUSPECTS a pair): a wrong sense aligns weakly
    ctx.links[-1] = dataclasses.replace(ctx.links[-1], score=0.6)
    trials = lx.trials(ctx, load_sentence_encoder(None))
    hits = [t for t in trials if t.flagged]
    assert bool(hits) is flagged
    if flagged:
        assert hits[0].best_word in ("المصرف", "البنك", "البنوك") and ctx.ar_tokens[hits[0].suspect.ar].text == word


def test_number_words_are_left_to_the_numbers_check():
    ctx = make_ctx("يتراجع الإنتاج بنسبة 20%", "Output will fall by a fifth", [("بنسبة", "fifth"), ("يتراجع", "fall")])
    assert all(ctx.en_tokens[j].text != "fifth" for j in lx._en_candidates(ctx))
    assert all(ctx.en_tokens[s.en].text != "fifth" for s in lx.find_suspects(ctx))


def test_a_misplaced_link_is_not_a_suspect():
    # الشراكة renders "partnership": its link to "pact" is the aligner's mistake, not the translator's
    ctx = make_ctx("توقيع مذكرة الشراكة", "signing the partnership pact", [("الشراكة", "pact"), ("توقيع", "signing")])
    pairs = {(ctx.ar_tokens[i].text, ctx.en_tokens[j].text) for i, j, _ in lx.content_pairs(ctx)}
    assert ("الشراكة", "pact") not in pairs and ("توقيع", "signing") in pairs


def test_prepare_batches_the_pairs_and_run_gives_the_same_flags():
    import types

    enc = ConceptEncoder()
    res = types.SimpleNamespace(sentence_encoder=enc)
    cases = (PLANT_WRONG, PLANT_RIGHT, PLANT_WRONG)
    ctxs = [dataclasses.replace(make_ctx(*case), resources=res) for case in cases]
    check = lx.LexicalCheck()
    check.prepare(ctxs)
    assert len(enc.calls) == 2
    flags = [[(f.ar_start, f.suggestion) for f in check.run(c)] for c in ctxs]
    assert len(enc.calls) == 2  # run reads what prepare left
    direct = []
    for case in cases:
        c = make_ctx(*case)
        lx.trials(c, ConceptEncoder())
        direct.append([(f.ar_start, f.suggestion) for f in lx.LexicalCheck().run(c)])
    assert flags == direct == [[(6, "المصنع")], [], [(6, "المصنع")]]
