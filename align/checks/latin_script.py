"""Latin script left inside the Arabic.

Allowed: URLs, @handles, #hashtags, e-mail addresses, codes with digits (KN-23, F-16,
COVID-19), and tokens that the English source also has, spelled and cased the same (an
outlet's name, a photo credit). Anything else is an untranslated word; an all-capitals form of
a word that the source writes in mixed case (XI for Xi) is worse: it reads as an acronym or a
Roman numeral."""

from __future__ import annotations

import re

from ..records import Flag
from .base import Check, PairContext

_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-/&]*[A-Za-z0-9]|[A-Za-z]")
_ALLOWED = re.compile(r"(https?://|www\.)\S+|[@#][\w.]+|[\w.+-]+@[\w-]+\.[\w.]+")


def _edit_ratio(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


class LatinScript(Check):
    name = "latin-script"
    needs = frozenset({"resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        allowed_spans = [(m.start(), m.end()) for m in _ALLOWED.finditer(p.ar_text, p.ar_start, p.ar_end)]
        src_words = set(re.findall(r"[A-Za-z][A-Za-z0-9'’\-]*", p.en_text))
        out = []
        for m in _LATIN_RUN.finditer(p.ar_text, p.ar_start, p.ar_end):
            s, e, w = m.start(), m.end(), m.group()
            if any(a <= s < b for a, b in allowed_spans):
                continue
            if re.search(r"\d", w):
                continue  # a code or model designation
            parts = [x for x in re.split(r"[/&.\-]", w) if x]
            if all(x in src_words for x in parts):
                continue
            # closest source word, to explain and to suggest
            best = max(src_words, key=lambda x: _edit_ratio(x, w), default=None)
            same_letters = best is not None and best.lower() == w.lower()
            severity = "major" if same_letters and w.isupper() and not best.isupper() else "minor"
            if same_letters:
                msg = f"'{w}' left in Latin script (the source writes '{best}'); in capitals it reads as an acronym"
            elif best and _edit_ratio(best, w) >= 0.7:
                msg = f"'{w}' left in Latin script and misspelled (source: '{best}')"
            else:
                msg = f"'{w}' left in Latin script"
            out.append(self.flag("untranslated", severity, msg, ar=(s, e),
                                 en=self._en_span(p, best) if best and _edit_ratio(best, w) >= 0.7 else None,
                                 suggestion=self._suggest(ctx, best) if best else None))
        return out

    @staticmethod
    def _en_span(p, word: str) -> tuple[int, int] | None:
        i = p.en_text.find(word, p.en_start, p.en_end)
        return (i, i + len(word)) if i >= 0 else None

    @staticmethod
    def _suggest(ctx: PairContext, en_word: str) -> str | None:
        """An Arabic rendering of the same English word elsewhere in the corpus."""
        res = ctx.resources
        if res is None:
            return None
        renderings = res.memory.words.get(en_word.lower(), {})
        best = max(renderings.items(), key=lambda kv: kv[1], default=None)
        return best[0] if best else None
