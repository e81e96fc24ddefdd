"""An English adjective moved onto the wrong noun.

"a used cosmonaut glove and rifle" → «قفازًا رائدًا وبندقية مستخدمة» (a used rifle): with two
nouns side by side, machine translation often hangs the adjective on the noun next to it in
the Arabic word order instead of the noun it qualifies in the English. An Arabic adjective
follows its noun, so read with the alignment and the dictionaries:

1. English: an attributive adjective (a lemminflect ADJ reading; a word that may also be a
   verb, like "used", only after a determiner, a possessive or a preposition, so "police used
   tear gas" is not read as an adjective) and the noun phrase it opens, up to its head noun
   ("used cosmonaut glove").
2. Arabic: the word linked to that adjective is an adjective (Buckwalter), and the word right
   before it is the noun it qualifies: a common noun joined by «و» (the coordination "ADJ N1
   and N2" rendered «N1 وN2 ADJ»; without «و» the word before may be the genitive of a
   construct whose head the adjective qualifies, «رحلة الزعيم الأولى»), with no verb reading
   and the same definiteness, that translates (dictionary) a singular English common noun
   *outside* the phrase ("rifle") and neither links to nor translates any word inside it.
3. Both English nouns are singular and the Arabic adjective carries no dual or plural ending:
   an adjective after two coordinated nouns may qualify both ("new cars and trucks" →
   «سيارات وشاحنات جديدة»), but a singular one can only qualify its neighbour.

Flags: mistranslation, major (a property moves from one thing to another).
"""

from __future__ import annotations

from typing import ClassVar

from .. import dictionary as dic
from .. import translit as tl
from ..lexicon import en_pos, is_en_content
from ..records import Flag, Token
from ..segment import is_arabic
from .base import Check, PairContext

MAX_PHRASE = 4  # adjective + up to three more words up to the head noun
# What may open a noun phrase before an adjective that can also be read as a verb.
_OPENERS = frozenset("""a an the this that these those his her its their our my your some any no each
    every another of with for in on at by from to into 's""".split())


def _is_noun(tok: Token) -> bool:
    return "NOUN" in en_pos(tok.text.lower()) or "PROPN" in en_pos(tok.text)


def _singular(tok: Token) -> bool:
    lemmas = dic.en_lemmas(tok.norm)
    return tok.norm in lemmas and not tok.norm.endswith("s")


def _adjective_phrase(en: list[Token], i: int) -> int | None:
    """The head noun's index when ``en[i]`` is an attributive adjective, else None."""
    reads = en_pos(en[i].norm)
    if "ADJ" not in reads or not en[i].text[:1].islower():
        return None
    if reads - {"ADJ"} and (i == 0 or en[i - 1].norm not in _OPENERS):
        return None
    head = None
    for k in range(i + 1, min(len(en), i + MAX_PHRASE)):
        if not is_en_content(en[k].norm) or not (_is_noun(en[k]) or "ADJ" in en_pos(en[k].norm)):
            break
        if _is_noun(en[k]):
            head = k
    return head


def _arabic_adjective(word: str) -> bool:
    """Some reading is an adjective; none marks the dual or the plural."""
    readings = tl.analyze(word)
    return any(a.pos.startswith("ADJ") for a in readings) and not any(
        "_DU" in a.suffix_pos or "_PL" in a.suffix_pos for a in readings)


def _conjoined_noun(word: str) -> bool:
    """A common noun with the conjunction «و» and no verb reading: «وبندقية», not «لتحرز»."""
    readings = tl.analyze(word)
    return any(a.pos == "NOUN" and a.prefix.startswith("w") for a in readings) and not any(
        a.pos.startswith("VERB") for a in readings)


def _definite(word: str) -> bool:
    return any(a.pos in ("NOUN", "ADJ") and "Al" in a.prefix for a in tl.analyze(word))


def _translates(ar_word: str, en_tok: Token) -> bool:
    return bool(dic.is_translation(ar_word, en_tok.norm))


class Attachment(Check):
    name: ClassVar[str] = "attachment"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"alignment"})

    def run(self, ctx: PairContext) -> list[Flag]:
        en, ar, text = ctx.en_tokens, ctx.ar_tokens, ctx.pair.ar_text
        flags: list[Flag] = []
        for i in range(len(en) - 1):
            head = _adjective_phrase(en, i)
            if head is None or not _singular(en[head]):
                continue
            phrase = range(i, head + 1)
            for lk in ctx.en_links(i):
                p = lk.ar
                if p == 0 or not _arabic_adjective(ar[p].text) or not _translates(ar[p].text, en[i]):
                    continue
                noun = ar[p - 1]
                if not is_arabic(noun.text) or text[noun.end : ar[p].start].strip() or not _conjoined_noun(noun.text):
                    continue
                if _definite(noun.text) != _definite(ar[p].text):  # not its noun: «رحلة الزعيم … الأولى»
                    continue
                if any(lk2.en in phrase for lk2 in ctx.ar_links(p - 1)) or any(_translates(noun.text, en[k]) for k in phrase):
                    continue
                other = next((k for k in range(len(en)) if k not in phrase and en[k].text[:1].islower()
                              and is_en_content(en[k].norm) and _is_noun(en[k]) and _singular(en[k]) and _translates(noun.text, en[k])), None)
                if other is None:
                    continue
                flags.append(self.flag(
                    "mistranslation", "major",
                    f"'{en[i].text}' qualifies '{en[head].text}' in the English, but «{ar[p].text}» follows "
                    f"«{noun.text}» ('{en[other].text}'), so the Arabic gives the property to the wrong thing",
                    ar=(noun.start, ar[p].end), en=(en[i].start, en[head].end)))
        return flags
