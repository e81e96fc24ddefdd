"""Polarity, antonym, degree and modality lexicons (``corpora/lexicons/``) and the small
matching helpers the polarity, modality, degree and roles checks share.

The lexicons are TSV files read once per process (cached). Their term syntax (README.md in
that folder): words separated by spaces; an English word ending in ``*`` is a lemma matched
through its inflections (``fail*`` = fail, fails, failed, failing; irregular forms from a table
here, since ``lexicon.en_lemma`` is a grouping key, not a lemmatiser: it turns "increased" into
"increas" and leaves "rose" alone); an Arabic word ending in ``~`` is a stem matched through
clitics and inflection (``رفض~`` = رفض، رفضت، يرفض، والرفض، رفضوا); any other word is compared
as it is (Arabic after ``normalize_ar`` and a leading و/ف). Two Arabic pseudo-terms are
recognised with the Buckwalter analyser: ``سـ`` (the future prefix: ستصل، سيزور) and
``قد+مضارع`` («قد» before an imperfect verb: a hedge; before a perfect verb it asserts).

Offsets are never taken from normalised strings: every hit is a range of token indices.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .lexicon import en_lemma
from .normalize import normalize_ar, normalize_en
from .records import Token

LEXICON_DIR = Path(__file__).resolve().parent.parent / "corpora" / "lexicons"

# ---------------------------------------------------------------------------------------
# English inflection

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "rise": ("rose", "risen"), "arise": ("arose", "arisen"), "fall": ("fell", "fallen"),
    "win": ("won",), "lose": ("lost",), "grow": ("grew", "grown"),
    "shrink": ("shrank", "shrunk", "shrunken"), "begin": ("began", "begun"), "buy": ("bought",),
    "sell": ("sold",), "cut": ("cut",), "leave": ("left",), "sink": ("sank", "sunk"),
    "forbid": ("forbade", "forbidden"), "withdraw": ("withdrew", "withdrawn"),
    "freeze": ("froze", "frozen"), "slide": ("slid",), "shut": ("shut",), "quit": ("quit",),
    "say": ("said",), "tell": ("told",), "think": ("thought",), "seek": ("sought",),
    "write": ("wrote", "written"), "lay": ("laid",), "strike": ("struck", "stricken"),
    "speed": ("sped",), "hold": ("held",), "meet": ("met",), "send": ("sent",), "lead": ("led",),
    "fight": ("fought",), "build": ("built",), "spend": ("spent",), "take": ("took", "taken"),
    "give": ("gave", "given"), "go": ("went", "gone"), "come": ("came",),
    "break": ("broke", "broken"), "bring": ("brought",), "catch": ("caught",),
    "choose": ("chose", "chosen"), "do": ("did", "done"), "drive": ("drove", "driven"),
    "feel": ("felt",), "find": ("found",), "forget": ("forgot", "forgotten"),
    "get": ("got", "gotten"), "hide": ("hid", "hidden"), "keep": ("kept",), "know": ("knew", "known"),
    "make": ("made",), "pay": ("paid",), "put": ("put",), "run": ("ran",), "see": ("saw", "seen"),
    "set": ("set",), "shoot": ("shot",), "show": ("shown",), "speak": ("spoke", "spoken"),
    "stand": ("stood",), "steal": ("stole", "stolen"), "teach": ("taught",),
    "throw": ("threw", "thrown"), "overthrow": ("overthrew", "overthrown"),
    "understand": ("understood",), "weave": ("wove", "woven"), "bear": ("bore", "borne"),
    "beat": ("beat", "beaten"), "deal": ("dealt",), "draw": ("drew", "drawn"), "feed": ("fed",),
    "fly": ("flew", "flown"), "hit": ("hit",), "mislead": ("misled",), "shed": ("shed",),
    "spread": ("spread",), "tear": ("tore", "torn"), "withhold": ("withheld",),
    "become": ("became",), "undertake": ("undertook", "undertaken"), "lend": ("lent",),
    "mean": ("meant",), "read": ("read",), "sit": ("sat",), "stick": ("stuck",),
    "swear": ("swore", "sworn"), "let": ("let",), "bid": ("bid",), "cost": ("cost",),
    "hurt": ("hurt",), "upset": ("upset",), "forecast": ("forecast",), "broadcast": ("broadcast",),
    "bet": ("bet",), "light": ("lit",), "prove": ("proven",), "outlaw": (),
}
_CVC = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprtv]$")


@lru_cache(maxsize=4096)
def en_forms(lemma: str) -> frozenset[str]:
    """Surface forms of an English verb or noun lemma: -s/-es/-ies, -ed, -ing (with the
    doubled-consonant variants; an extra non-word is harmless) and irregular forms."""
    w = lemma.lower()
    out = {w}
    if re.search(r"(s|sh|ch|x|z|o)$", w):
        out |= {w + "es", w + "s"}
    elif re.search(r"[^aeiou]y$", w):
        out.add(w[:-1] + "ies")
    else:
        out.add(w + "s")
    if w.endswith("e"):
        out.add(w + "d")
    elif re.search(r"[^aeiou]y$", w):
        out.add(w[:-1] + "ied")
    else:
        out.add(w + "ed")
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        out.add(w[:-1] + "ing")
    else:
        out.add(w + "ing")
    if _CVC.search(w):
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    out.update(_IRREGULAR.get(w, ()))
    return frozenset(out)


def is_irregular_form(word: str) -> bool:
    """An irregular past or participle (beat, won, fought): a verb even without -ed."""
    return normalize_en(word) in _irregular_index()


@cache
def _irregular_index() -> dict[str, str]:
    return {f: lemma for lemma, forms in _IRREGULAR.items() for f in forms}


@lru_cache(maxsize=65536)
def en_verb_lemma(word: str) -> str:
    """A better lemma than ``lexicon.en_lemma`` for verbs: irregular pasts (rose → rise,
    accused stays accuse) and the silent e that -ed/-ing drop (increased → increase)."""
    w = normalize_en(word)
    irr = _irregular_index().get(w)
    if irr:
        return irr
    base = en_lemma(w)
    if base == w:
        return w
    from .translit import zipf_en

    cands = [c for c in (base, base + "e") if w in en_forms(c)]
    return max(cands, key=zipf_en) if cands else base
    return base


# ---------------------------------------------------------------------------------------
# Arabic stems

_SUFFIXES = tuple(sorted({
    "ت", "تا", "ا", "وا", "ون", "ين", "ان", "تان", "تين", "ه", "ها", "هم", "هما", "هن", "ك",
    "كم", "كما", "نا", "ي", "ات", "يه", "يا", "يون", "يين", "يتين", "يتان", "تم", "ن", "اء", "اه",
    "ته", "تها", "تهم", "تهما", "وه", "وها", "وهم", "ني", "اتها", "اته", "اتهم", "يات", "تنا",
}, key=len, reverse=True))


_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ي", "ني"})


@lru_cache(maxsize=200_000)
def ar_cores(word: str) -> frozenset[str]:
    """Candidate stems of one Arabic word: the normalised word with a conjunction (و/ف), a
    preposition or future prefix (ب/ل/ك/س), the article, an imperfect prefix (ي/ت/ن/ا) and
    an inflection or pronoun suffix taken off in every combination that leaves 3+ letters."""
    w = normalize_ar(word)
    bases = [w]
    if w[:1] in "وف" and len(w) > 3:
        bases.append(w[1:])
    for b in list(bases):
        if b[:1] in "بلكس" and len(b) > 3:
            bases.append(b[1:])
    for b in list(bases):
        if b.startswith(("ال", "لل")) and len(b) > 4:
            bases.append(b[2:])
    for b in list(bases):
        if b[:1] in "يتنا" and len(b) > 3:
            bases.append(b[1:])
    out: set[str] = set()
    for b in bases:
        out.add(b)
        for s in _SUFFIXES:
            if b.endswith(s) and len(b) - len(s) >= 3:
                rest = b[: -len(s)]
                out.add(rest)
                if rest.endswith("ت") and s in _PRONOUNS:
                    out.add(rest[:-1] + "ه")  # ta marbuta before a pronoun: براءته → براءة
    return frozenset(out)


def ar_stem_keys(form: str) -> frozenset[str]:
    """The keys a lexicon stem (``ارتفع~``) is looked up by: its normalised form and, for a
    form starting with alef (ارتفع، أضعف), that form without it, which is what an imperfect
    verb leaves once its prefix is off (يرتفع → رتفع)."""
    f = normalize_ar(form)
    keys = {f}
    if f.startswith("ا") and len(f) >= 4:
        keys.add(f[1:])
    return frozenset(k for k in keys if len(k) >= 3)


def ar_plain(word: str) -> tuple[str, ...]:
    """Forms a plain (non-stem) Arabic lexicon word may match: the token, and the token
    without a leading conjunction و/ف."""
    w = normalize_ar(word)
    if w[:1] in "وف" and len(w) > 2:
        return (w, w[1:])
    return (w,)


@lru_cache(maxsize=65536)
def ar_future(word: str) -> bool | None:
    """True when the word is an imperfect verb with the future prefix سـ in every Buckwalter
    reading (ستصل، سيزور، وسيتم), None when only some readings have it (سيول), else False."""
    w = normalize_ar(word)
    if len(w) < 4 or not re.match(r"^[وف]?س[يتنا]", w):
        return False
    from .translit import analyze

    readings = analyze(word)
    if not readings:
        return None
    fut = [a for a in readings if a.pos == "VERB_IMPERFECT" and re.search(r"s[ytn>A]?$", a.prefix)]
    if not fut:
        return False
    return True if len(fut) == len(readings) else None


@lru_cache(maxsize=65536)
def ar_imperfect(word: str) -> bool | None:
    """True when every Buckwalter reading of the word is an imperfect verb, None when some are."""
    from .translit import analyze

    readings = analyze(word)
    if not readings:
        return None
    imp = [a for a in readings if a.pos == "VERB_IMPERFECT"]
    if not imp:
        return False
    return True if len(imp) == len(readings) else None


def ar_maybe_imperfect(word: str) -> bool:
    """An imperfect verb, or a word that may be one: an imperfect reading and the shape of
    one (يـ/تـ/نـ, not تـ…ت, which is a perfect: «قد تعمقت»). «قد» before it is a hedge
    («قد تبلغ»); before a perfect (قد تم، قد أكد) it asserts."""
    sure = ar_imperfect(word)
    if sure is not None:
        return sure
    w = normalize_ar(word)
    return w[:1] in "يتن" and not (w.startswith("ت") and w.endswith("ت"))


@lru_cache(maxsize=65536)
def ar_verb_glosses(word: str) -> frozenset[str]:
    """English gloss words of the verb readings of an Arabic word (اتهمت → accuse)."""
    from .translit import analyze

    out: set[str] = set()
    for a in analyze(word):
        if a.pos.startswith("VERB"):
            out.update(g.lower() for g in a.gloss_words())
    return frozenset(out)


# ---------------------------------------------------------------------------------------
# Terms and their index


@dataclass(frozen=True)
class Term:
    """One lexicon term: its words with their syntax markers, and its language."""

    lang: str
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(w.rstrip("*~") for w in self.words)

    def surface(self) -> str:
        """The term as it may be suggested (markers off)."""
        return self.text


def parse_term(raw: str, lang: str) -> Term:
    return Term(lang, tuple(raw.strip().split()))


@dataclass(frozen=True)
class Hit:
    """A term found in a token list: tokens ``i``..``j`` inclusive."""

    i: int
    j: int
    term: Term
    kind: str
    payload: Any = None

    def span(self, tokens: Sequence[Token]) -> tuple[int, int]:
        return tokens[self.i].start, tokens[self.j].end


def _en_word_match(word: str, norm: str) -> bool:
    if word == "n't":
        return norm.endswith("n't") or norm == "cannot"
    if word == "'ll":
        return norm.endswith("'ll")
    if word.endswith("*"):
        return norm in en_forms(word[:-1])
    return norm == word


def _ar_word_match(word: str, tok: Token) -> bool:
    if word == "سـ":
        return ar_future(tok.text) is True
    if word.endswith("~"):
        return bool(ar_cores(tok.text) & ar_stem_keys(word[:-1]))
    return normalize_ar(word) in ar_plain(tok.text)


def _ar_first_keys(word: str) -> tuple[str, ...]:
    """Index keys for the first word of an Arabic term."""
    if word == "سـ":
        return ("<future>",)
    if word == "قد+مضارع":
        return (normalize_ar("قد"),)
    if word.endswith("~"):
        return tuple(ar_stem_keys(word[:-1]))
    return (normalize_ar(word),)


class TermIndex:
    """Finds the occurrences of many terms in a token list in one pass."""

    def __init__(self, lang: str, items: Iterable[tuple[Term, str, Any]]):
        self.lang = lang
        self.items = list(items)
        self._exact: dict[str, list[int]] = {}
        self._stem: dict[str, list[int]] = {}
        self._any: list[int] = []
        self._seen: dict[str, tuple[int, ...]] = {}  # token form → sorted candidates (a news corpus repeats its words)
        for n, (term, _, _) in enumerate(self.items):
            first = term.words[0]
            if lang == "en":
                if first.endswith("*"):
                    for f in en_forms(first[:-1]):
                        self._exact.setdefault(f, []).append(n)
                elif first in ("n't", "'ll"):
                    self._any.append(n)
                else:
                    self._exact.setdefault(first, []).append(n)
            else:
                keys = _ar_first_keys(first)
                table = self._stem if first.endswith("~") else self._exact
                for k in keys:
                    table.setdefault(k, []).append(n)

    def _candidates(self, tok: Token) -> tuple[int, ...]:
        key = tok.norm if self.lang == "en" else tok.text
        got = self._seen.get(key)
        if got is None:
            if len(self._seen) > 200_000:
                self._seen.clear()
            got = self._seen[key] = tuple(sorted(self._lookup(tok)))
        return got

    def _lookup(self, tok: Token) -> set[int]:
        if self.lang == "en":
            return set(self._exact.get(tok.norm, ())) | set(self._any)
        out: set[int] = set()
        for f in ar_plain(tok.text):
            out.update(self._exact.get(f, ()))
        for c in ar_cores(tok.text):
            out.update(self._stem.get(c, ()))
        if ar_future(tok.text) is True:
            out.update(self._exact.get("<future>", ()))
        return out

    def _match_at(self, tokens: Sequence[Token], k: int, term: Term) -> int | None:
        """End index when ``term`` matches starting at token k."""
        if k + len(term.words) > len(tokens):
            return None
        for off, word in enumerate(term.words):
            tok = tokens[k + off]
            if self.lang == "en":
                if not _en_word_match(word, tok.norm):
                    return None
            elif word == "قد+مضارع":
                if normalize_ar(tok.text) not in ("قد", "وقد", "فقد") or k + off + 1 >= len(tokens):
                    return None
                if not ar_maybe_imperfect(tokens[k + off + 1].text):
                    return None
            elif not _ar_word_match(word, tok):
                return None
        return k + len(term.words) - 1

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        hits = []
        for k, tok in enumerate(tokens):
            for n in self._candidates(tok):
                term, kind, payload = self.items[n]
                end = self._match_at(tokens, k, term)
                if end is not None:
                    hits.append(Hit(k, end, term, kind, payload))
        return hits


def longest(hits: Iterable[Hit]) -> list[Hit]:
    """Overlapping hits resolved to the longest (then earliest), in text order."""
    chosen: list[Hit] = []
    taken: set[int] = set()
    for h in sorted(hits, key=lambda h: (-(h.j - h.i), h.i)):
        if not any(k in taken for k in range(h.i, h.j + 1)):
            chosen.append(h)
            taken.update(range(h.i, h.j + 1))
    return sorted(chosen, key=lambda h: h.i)


# ---------------------------------------------------------------------------------------
# Lexicon files


def read_tsv(path: Path | str) -> list[dict[str, str]]:
    """The rows of a lexicon TSV with a header line, as stripped strings; blank lines and
    ``#`` comments skipped. Every lexicon in ``corpora/lexicons`` with a header reads here."""
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _rows(name: str) -> list[dict[str, str]]:
    return read_tsv(LEXICON_DIR / name)


def _classed_rows(name: str, classes: tuple[str, ...], column: str = "class") -> list[dict[str, str]]:
    """``_rows`` of a file whose every row names one of ``classes``; an unknown one is an error."""
    rows = _rows(name)
    for row in rows:
        if row[column] not in classes:
            raise ValueError(f"{name}: unknown {column} {row[column]!r} for {row['term']!r}")
    return rows


POLARITY_TYPES = ("negator", "negative-word", "negative-verb", "quasi", "stasis", "non-negating")


@dataclass(frozen=True)
class PolarityEntry:
    term: Term
    type: str
    note: str = ""


@cache
def load_polarity(lang: str) -> tuple[PolarityEntry, ...]:
    return tuple(PolarityEntry(parse_term(row["term"], lang), row["type"], row.get("note", ""))
                 for row in _classed_rows(f"polarity_{lang}.tsv", POLARITY_TYPES, "type"))


@cache
def polarity_index(lang: str) -> TermIndex:
    return TermIndex(lang, ((e.term, e.type, e) for e in load_polarity(lang)))


@dataclass(frozen=True)
class AntonymPair:
    """Two opposite concepts (a, b), each with English and Arabic terms."""

    pos: str
    en_a: tuple[Term, ...]
    ar_a: tuple[Term, ...]
    en_b: tuple[Term, ...]
    ar_b: tuple[Term, ...]
    note: str = ""
    row: int = 0

    @property
    def severity(self) -> str:
        return "critical" if self.pos == "verb" else "major"

    def side(self, name: str, lang: str) -> tuple[Term, ...]:
        return getattr(self, f"{lang}_{name}")


def _terms(cell: str, lang: str) -> tuple[Term, ...]:
    return tuple(parse_term(t, lang) for t in cell.split("|") if t.strip())


@cache
def load_antonyms() -> tuple[AntonymPair, ...]:
    out = []
    for n, row in enumerate(_rows("antonyms.tsv")):
        out.append(AntonymPair(row["pos"], _terms(row["en_a"], "en"), _terms(row["ar_a"], "ar"),
                               _terms(row["en_b"], "en"), _terms(row["ar_b"], "ar"), row.get("note", ""), n))
    return tuple(out)


@cache
def antonym_index(lang: str) -> TermIndex:
    """Every antonym term of one language; payload = (row number, side 'a'/'b')."""
    items = []
    for p in load_antonyms():
        for side in ("a", "b"):
            for t in p.side(side, lang):
                items.append((t, p.pos, (p.row, side)))
    return TermIndex(lang, items)


DEGREE_CLASSES = ("approx", "nearly", "above", "at-least", "below", "at-most", "exact", "only")


@dataclass(frozen=True)
class DegreeEntry:
    lang: str
    term: Term
    cls: str
    position: str  # "before" | "after" the number


@cache
def load_degree() -> tuple[DegreeEntry, ...]:
    return tuple(DegreeEntry(row["lang"], parse_term(row["term"], row["lang"]), row["class"], row["position"])
                 for row in _classed_rows("degree.tsv", DEGREE_CLASSES))


@cache
def degree_index(lang: str) -> TermIndex:
    return TermIndex(lang, ((e.term, e.cls, e) for e in load_degree() if e.lang == lang))


def degree_suggestion(cls: str) -> str | None:
    """The preferred Arabic wording of a degree class (its first Arabic row written before the number)."""
    rows = [e for e in load_degree() if e.lang == "ar" and e.cls == cls]
    best = next((e for e in rows if e.position == "before"), rows[0] if rows else None)
    return best.term.surface() if best else None


MODAL_CLASSES = ("certain", "probable", "possible", "obligation", "reported", "hearsay", "ability", "intention")


@dataclass(frozen=True)
class ModalEntry:
    lang: str
    term: Term
    cls: str
    note: str = ""


@cache
def load_modality() -> tuple[ModalEntry, ...]:
    return tuple(ModalEntry(row["lang"], parse_term(row["term"], row["lang"]), row["class"], row.get("note", ""))
                 for row in _classed_rows("modality.tsv", MODAL_CLASSES))


@cache
def modality_index(lang: str) -> TermIndex:
    return TermIndex(lang, ((e.term, e.cls, e) for e in load_modality() if e.lang == lang))


# ---------------------------------------------------------------------------------------
# Negation in a token list

_EN_AFFIX_STOP = frozenset("""unless until under understand understood undertake unit united union unique
    universe university unusual nonetheless nevertheless regardless""".split())
_EN_ADJ_END = ("ible", "able", "ent", "ant", "al", "ive", "ate", "ous", "ite", "ect", "ure", "ar",
               "ity", "ence", "ance", "ly", "ful", "ed")


@lru_cache(maxsize=65536)
def en_negative_affix(norm: str) -> bool:
    """un-/non-/dis-/in-/im-/il-/ir- words and -less words whose rest is an English word
    (unclear, incredible, illegal, dishonest, useless): negative in meaning, and often
    rendered with an Arabic negator («غير واضح»، «لا يصدق»)."""
    from .translit import zipf_en

    w = norm.lower()
    if w in _EN_AFFIX_STOP or len(w) < 6:
        return False
    if w.endswith("less") and len(w) > 6:
        return zipf_en(w[:-4]) >= 3.0
    for pre, need_adj in (("non", False), ("un", False), ("dis", False), ("in", True), ("im", True),
                          ("il", True), ("ir", True)):
        if w.startswith(pre):
            rest = w[len(pre):].lstrip("-")
            if len(rest) < 4 or (pre == "dis" and len(rest) < 5):
                continue
            if need_adj and not rest.endswith(_EN_ADJ_END):
                continue
            if zipf_en(rest) >= 2.5:
                return True
    return False


def en_negations(tokens: Sequence[Token]) -> list[Hit]:
    """Negation evidence in English tokens: lexicon hits (non-negating expressions remove the
    negators inside them) plus affixed negative words, in text order."""
    hits = polarity_index("en").find(tokens)
    fixed = [h for h in hits if h.kind == "non-negating"]
    covered = {k for h in fixed for k in range(h.i, h.j + 1)}
    out = [h for h in longest(h for h in hits if h.kind != "non-negating") if not any(k in covered for k in range(h.i, h.j + 1))]
    seen = {k for h in out for k in range(h.i, h.j + 1)}
    for k, t in enumerate(tokens):
        if k not in seen and k not in covered and en_negative_affix(t.norm):
            out.append(Hit(k, k, Term("en", (t.norm,)), "negative-word"))
    return sorted(out, key=lambda h: h.i)


_EXCEPTIVE = frozenset(normalize_ar(w) for w in ("إلا", "سوى", "الا", "فإلا"))
_AR_CLAUSE_BREAK = frozenset(normalize_ar(w) for w in ("لكن", "ولكن", "بل", "إذ", "حيث", "بينما", "فيما"))


def ar_negations(tokens: Sequence[Token]) -> list[Hit]:
    """Negation evidence in Arabic tokens. On top of the lexicon: «غير أن» and the other fixed
    expressions are not negations; a negator followed in its clause by «إلا/سوى» is exceptive
    ("only": «لم تؤكد إلا في أبريل»); «ألا» negates only when written with hamza above
    (أن لا), never as «إلا»; a word that starts with «اللا» (اللامبالاة) is a negative word."""
    hits = polarity_index("ar").find(tokens)
    fixed = [h for h in hits if h.kind == "non-negating"]
    covered = {k for h in fixed for k in range(h.i, h.j + 1)}
    out: list[Hit] = []
    for h in longest(x for x in hits if x.kind != "non-negating"):
        if any(k in covered for k in range(h.i, h.j + 1)):
            continue
        first = tokens[h.i]
        if normalize_ar(first.text) in ("الا", "والا", "فالا") and h.kind == "negator":
            if "إ" in first.text or "أ" not in first.text:
                h = Hit(h.i, h.j, h.term, "quasi", h.payload)
        if h.kind == "negator" and normalize_ar(first.text).lstrip("وف") in ("لم", "لا", "ليس", "لن", "ما"):
            for k in range(h.j + 1, min(len(tokens), h.j + 8)):
                n = normalize_ar(tokens[k].text)
                if n in _AR_CLAUSE_BREAK:
                    break
                if n in _EXCEPTIVE and "أ" not in tokens[k].text:
                    h = Hit(h.i, h.j, h.term, "quasi", h.payload)
                    break
        out.append(h)
    seen = {k for h in out for k in range(h.i, h.j + 1)}
    for k, t in enumerate(tokens):
        n = normalize_ar(t.text)
        if k not in seen and n.startswith("اللا") and len(n) > 5:
            out.append(Hit(k, k, Term("ar", (n,)), "negative-word"))
    return sorted(out, key=lambda h: h.i)


def negated_at(neg: Sequence[Hit], i: int, before: int = 3, after: int = 0,
               kinds: Iterable[str] = ("negator", "negative-word", "negative-verb")) -> Hit | None:
    """A negation hit that ends within ``before`` tokens before token i (or starts within
    ``after`` tokens after it), not the token itself."""
    ks = set(kinds)
    for h in neg:
        if h.kind not in ks or h.i <= i <= h.j:
            continue
        if 0 < i - h.j <= before or 0 < h.i - i <= after:
            return h
    return None


# ---------------------------------------------------------------------------------------
# Positions


@dataclass
class SidePositions:
    """Relative positions (0..1) of tokens within a pair's span, for aligning without links."""

    tokens: Sequence[Token]
    start: int
    end: int
    _len: int = field(init=False)

    def __post_init__(self) -> None:
        self._len = max(1, self.end - self.start)

    def rel(self, k: int) -> float:
        return (self.tokens[k].start - self.start) / self._len


def linked(links: Iterable[Any], en_range: tuple[int, int], ar_range: tuple[int, int]) -> bool:
    """Any word link between the English token range and the Arabic one (inclusive ranges)."""
    return any(en_range[0] <= lk.en <= en_range[1] and ar_range[0] <= lk.ar <= ar_range[1] for lk in links)


def linked_ar(links: Iterable[Any], en_range: tuple[int, int]) -> list[int]:
    """Arabic token indices linked to an English token range, strongest first."""
    found = sorted((lk for lk in links if en_range[0] <= lk.en <= en_range[1]), key=lambda lk: -lk.score)
    out: list[int] = []
    for lk in found:
        if lk.ar not in out:
            out.append(lk.ar)
    return out


@lru_cache(maxsize=65536)
def ar_glosses(word: str) -> frozenset[str]:
    """English gloss words of every Buckwalter reading of an Arabic word."""
    from .translit import analyze

    return frozenset(g.lower() for a in analyze(word) for g in a.gloss_words())


def ar_glossing(tokens: Sequence[Token], en_word: str, verbs_only: bool = False) -> list[int]:
    """Arabic tokens whose Buckwalter glosses contain the English word's lemma (attended →
    «حضر» glossed 'attend'): a dictionary link when the aligner gives none."""
    lemma = en_verb_lemma(en_word)
    keys = {lemma, normalize_en(en_word), en_lemma(normalize_en(en_word))}
    keys |= {k.replace("ise", "ize").replace("yse", "yze") for k in keys}  # criticise = criticize
    get = ar_verb_glosses if verbs_only else ar_glosses
    return [k for k, t in enumerate(tokens) if keys & get(t.text)]
