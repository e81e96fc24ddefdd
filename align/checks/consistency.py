"""Renderings that lose a word the corpus's other renderings of the same phrase keep.

"a used cosmonaut glove" → «قفازًا رائدًا» (a pioneering glove) while the same article twice
renders the phrase «قفاز رائد فضاء»: the missing «فضاء» changes the meaning, and the other
rendering is the suggestion. The memory behind it is the run's own alignment-free phrase
table (Arabic n-grams found in at least two pairs that share an English phrase, and in no
pair without it), so the evidence is the corpus's own translations, not a fixed list.
"""

from __future__ import annotations

from ..records import Flag
from .base import Check, PairContext


class Consistency(Check):
    name = "consistency"
    needs = frozenset({"resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        res = ctx.resources
        pid = ctx.pair.pair_id
        if res is None or pid not in res.memory._ar:
            return []
        mem = res.memory
        keys, spans = mem.ar_keys(pid)
        out, seen = [], set()
        for key, en_idx in mem.phrases_of(ctx.en_tokens):
            for rend in mem.table.get(key, []):
                if pid in rend.pairs or len(rend.keys) < 3:
                    continue
                hit = _truncated(rend.keys, keys)
                if hit is None:
                    continue
                i, j, missing = hit
                if missing in seen or not (mem.best_english(missing) & set(key)):
                    continue  # reported already, or the missing word belongs to other English words
                seen.add(missing)
                same = [p for p, a in zip(rend.pairs, rend.articles, strict=True) if a == ctx.pair.article]
                suggestion = mem.surface((same or list(rend.pairs))[0], rend.keys) or rend.surface
                s, e = spans[i][0], spans[j][1]
                en_s, en_e = ctx.en_tokens[min(en_idx)].start, ctx.en_tokens[max(en_idx)].end
                out.append(self.flag(
                    "mistranslation", "major",
                    f"«{ctx.pair.ar_text[s:e]}» lacks «{mem.surface(rend.pairs[0], (missing,)) or missing}»: elsewhere in the corpus "
                    f"'{ctx.pair.en_text[en_s:en_e]}' is rendered «{suggestion}» ({len(rend.pairs)}×)",
                    ar=(s, e), en=(en_s, en_e), suggestion=suggestion))
        return out


def _truncated(full: tuple[str, ...], keys: list[str]) -> tuple[int, int, str] | None:
    """Where ``keys`` holds ``full`` with exactly one word missing (and not ``full`` itself)."""
    n = len(full)
    if any(tuple(keys[i : i + n]) == full for i in range(len(keys) - n + 1)):
        return None
    for drop in range(n):
        part = full[:drop] + full[drop + 1 :]
        if full[drop] in keys:
            continue  # the word is in the sentence, just elsewhere
        for i in range(len(keys) - len(part) + 1):
            if tuple(keys[i : i + len(part)]) == part:
                return i, i + len(part) - 1, full[drop]
    return None
