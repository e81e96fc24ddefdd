"""Word senses: a polysemous English news word rendered in a sense it does not have here.

"the carmaker will close its plant" → «ستغلق نبتتها» (vegetation for a factory), "a new strain
of bird flu" → «إجهاد جديد» (stress for a virus variant), "a stunning strike from 25 yards" →
«إضراب» (a labour strike for a shot), "the coach said" → «قالت الحافلة» (a bus for a manager).
Lexicon: ``corpora/lexicons/senses.tsv`` (format in that folder's README.md).

A row names an English term, the context that selects its news sense, the Arabic renderings of
that sense (accepted) and those of the wrong sense (wrong). A pair is flagged when

1. the term is in the English (by lemma; a hyphenated compound also matches a one-word term:
   "walk-out" = walkout);
2. its context selects the sense: a positive cue within ``WINDOW`` tokens of the term, or right
   before/after it for a positional cue (``<cue`` / ``>cue``; up to three tokens may come
   between: numbers and their approximators, one determiner or possessive and one adjective or
   acronym, "shed about 1,000 jobs", "court young voters", "slammed the US sanctions", but never
   a noun or verb: see ``_gap_ends``), and no negative cue (``!cue``) in the sentence; a row without positive cues
   holds in every context its negative cues leave. When the sentence has no positive cue,
   another occurrence of the term with one in the same document (the rest of the source text,
   the English of the article's other pairs) counts ("one sense per discourse": "deleted a post
   on X" … "in the post, she had said");
3. a wrong rendering is among the Arabic words aligned to the term or their neighbours (the
   idioms check's window; the whole sentence without alignment), or elsewhere in the sentence
   when the term is (nearly) the English content word it is most similar to: a word in the
   wrong sense is often badly aligned («عود الثقاب» for "match");
4. no accepted rendering is anywhere in the Arabic sentence.

Why a window of eight tokens rather than the whole sentence: collocations select a sense and
their force falls off with distance ("one sense per collocation"); a long news sentence often
joins two clauses on different topics ("farmers said the heat killed plants, while the power
company…"), and a negative cue is strong enough to veto from anywhere in the sentence. Eight
tokens cover the clause in nearly every case ("the Rovers coach said after the match").

Arabic words are stems matched through clitics and inflection with ``polarity.ar_cores``
(«نبتة» matches نبتتها، والنبتة؛ «منصب» matches منصباً، وفي المنصب); a word written ``=word`` is
matched whole, with only the article, prepositions, the future prefix (سيخدم، وستبقى) and a
conjunction و/ف that leaves a word of 3+ letters at least as frequent as the whole (وضربت)
taken off (for short or ambiguous words: «=صف» matches الصف but not وصف; «=فاق» not وفاق).
A hamza is matched whatever its seat (``_hamza_variants``: «مسيء» matches مسيئا، مسيئة). The lexicon is read once per process; a pair costs a few
dictionary look-ups per English token, and no model is called.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..lexicon import en_lemma, en_pos, is_en_content
from ..normalize import normalize_ar, strip_marks
from ..polarity import LEXICON_DIR, ar_cores, ar_future, en_forms
from ..records import Flag, Token
from ..segment import tokenize
from ..translit import zipf_ar
from .base import Check, PairContext
from .idioms import IdiomCalque

LEXICON = LEXICON_DIR / "senses.tsv"
COLUMNS = ("en", "cues", "accepted", "wrong", "note", "severity", "category")
WINDOW = 8
SEVERITIES = frozenset({"minor", "major", "critical"})
CATEGORIES = frozenset({"mistranslation", "terminology"})
# Words a positional cue may skip: "scored the winner", "took his office"…
_DETERMINERS = frozenset("a an the his her their its our my your this that these those".split())
# …numbers ("shed 1,000 jobs", "shed 12 percent", "three thousand")…
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens half % percent cent".split())
_NUMBER_RE = re.compile(r"[$£€]?\d[\d.,]*(?:%|k|m|bn|tn)?")
# …and the approximators of a number ("shed about 1,000 jobs", "more than 10 percent")
_APPROX = frozenset("about around nearly almost roughly approximately some over under more less fewer than "
                    "up to per another".split())
SKIP = 3  # tokens a positional cue may skip at most
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")


# ---------------------------------------------------------------------------------------
# English words, cues and terms


@dataclass(frozen=True)
class EnWord:
    """One English word of a term or cue: a lemma matched through its inflections, a form
    matched exactly (``=arms``), or, when written with a capital, a lemma on a capitalised
    token only (``Turkey``, ``Labour``)."""

    word: str
    exact: bool = False
    cased: bool = False

    @classmethod
    def parse_all(cls, raw: str) -> tuple[EnWord, ...]:
        """The words of a term or cue, split as the tokenizer splits a text ("re-election" →
        re, election; "queen's" → queen, 's); ``=`` applies to every word."""
        exact = raw.startswith("=")
        toks = tokenize(raw.lstrip("="), lang="en")
        return tuple(cls(t.norm, exact, any(c.isupper() for c in t.text)) for t in toks)

    @property
    def keys(self) -> frozenset[str]:
        """Token forms this word is looked up by (the index of first words)."""
        return frozenset({self.word}) if self.exact else en_forms(self.word) | {self.word}

    def matches(self, tok: Token) -> bool:
        if self.cased and not tok.text[:1].isupper():
            return False
        return _en_match(self.word, self.exact, tok.norm)


@lru_cache(maxsize=65536)
def _en_match(word: str, exact: bool, norm: str) -> bool:
    if norm == word:
        return True
    if exact:
        return False
    if norm in en_forms(word):
        return True
    lem = en_lemma(norm)
    # the crude lemmatiser drops a final e with -ed/-ing (closed → clos): close matches, not → note does not
    return lem == word or (lem != norm and lem + "e" == word)


def _seq_at(words: tuple[EnWord, ...], tokens: list[Token], k: int) -> bool:
    """The words match tokens k, k+1, …"""
    return k >= 0 and k + len(words) <= len(tokens) and all(w.matches(tokens[k + n]) for n, w in enumerate(words))


@dataclass(frozen=True)
class Cue:
    words: tuple[EnWord, ...]
    negative: bool = False
    side: str = ""  # "" (window or sentence), "<" (right before the term), ">" (right after)

    @classmethod
    def parse(cls, raw: str) -> Cue:
        raw = raw.strip()
        negative = raw.startswith("!")
        raw = raw.lstrip("!").strip()
        side = raw[0] if raw[:1] in "<>" else ""
        raw = raw.lstrip("<>").strip()
        return cls(EnWord.parse_all(raw), negative, side)

    def found(self, tokens: list[Token], a: int, b: int, lo: int, hi: int) -> bool:
        """Found around term tokens a..b: right before/after it, or overlapping tokens[lo:hi]
        without lying inside the term."""
        n = len(self.words)
        if self.side == "<":
            return any(_seq_at(self.words, tokens, e - n + 1) for e in _gap_ends(tokens, a, -1))
        if self.side == ">":
            return any(_seq_at(self.words, tokens, s) for s in _gap_ends(tokens, b, 1))
        # a cue may contain the term ("in this case") but must reach beyond it
        return any(_seq_at(self.words, tokens, k) for k in range(max(0, lo - n + 1), min(len(tokens), hi) - n + 1)
                   if k < a or k + n - 1 > b)


def _is_number(norm: str) -> bool:
    return norm in _NUMBER_WORDS or bool(_NUMBER_RE.fullmatch(norm))


@lru_cache(maxsize=65536)
def _modifier(text: str) -> bool:
    """A word that may stand between a verb and its object as a modifier: one lemminflect
    reads as an adjective (young, new, Western, quarterly — with or without a noun reading:
    "young" and "old" are nouns too, yet right before a noun they modify it), or an acronym
    used attributively ("the US sanctions", "EU leaders"; not any capitalised word, which in a
    title-case headline would be every word). A word with no adjective reading (earnings,
    deal, jobs, options) is a noun or verb that heads a phrase of its own: a cue after it is
    not the term's neighbour, so it is never skipped."""
    if _ACRONYM.fullmatch(text):
        return True
    return text.isalpha() and "ADJ" in en_pos(text.lower())


def _gap_ends(tokens: list[Token], edge: int, step: int) -> list[int]:
    """Where a positional cue may end (``step`` -1: before the term whose first token is
    ``edge``) or start (``step`` 1: after the term whose last token is ``edge``). Besides the
    neighbouring token, a cue may lie past at most ``SKIP`` tokens, all of them a number
    ("shed 1,000 jobs", "12 percent", "three thousand"), an approximator directly before a
    number ("about 1,000", "more than 10"), at most one determiner or possessive ("scored the
    winner") and at most one modifier (``_modifier``: "court young voters", "slammed the US
    sanctions", "its 1,000 new jobs"). A bound of three keeps the cue within the term's
    phrase; a noun or verb in between ends the search."""
    out = [edge + step]
    dets = mods = 0
    k = edge + step
    for _ in range(SKIP):
        if not 0 <= k < len(tokens):
            break
        norm = tokens[k].norm
        if _is_number(norm):
            pass
        elif norm in _APPROX and any(_is_number(tokens[x].norm) for x in (k + 1, k + 2) if 0 <= x < len(tokens)):
            pass  # reading order: the number follows the approximator whichever way we walk
        elif norm in _DETERMINERS and dets == 0:
            dets += 1
        elif mods == 0 and _modifier(tokens[k].text):
            mods += 1
        else:
            break
        k += step
        out.append(k)
    return out


# ---------------------------------------------------------------------------------------
# Arabic words and terms


@dataclass(frozen=True)
class ArWord:
    form: str
    keys: frozenset[str]
    exact: bool = False

    @classmethod
    def parse(cls, raw: str) -> ArWord:
        forms = [normalize_ar(v) for v in _hamza_variants(raw.lstrip("="))]
        f = forms[0]
        exact = raw.startswith("=") or len(f) < 3  # a two-letter word (حل، شد، بث) is never a stem
        if exact:
            return cls(f, frozenset(forms), True)
        keys = set(forms)
        for g in forms:
            if len(g) >= 4 and g[0] in "اي":
                keys.add(g[1:])  # ارتفع/يشير: what an imperfect leaves once its prefix is off
            if len(g) >= 4 and g.endswith("ه"):
                keys.add(g[:-1] + "ات")  # ملاحظة → ملاحظات (its clitics come off in ar_cores)
        return cls(f, frozenset(k for k in keys if len(k) >= 3))

    def matches(self, cores: frozenset[str], whole: frozenset[str]) -> bool:
        return bool((whole if self.exact else cores) & self.keys)


_PROCLITIC_ARTICLE = re.compile(r"^[وف]?(?:بال|كال|لل|ال)")
_PROCLITIC_PREP = re.compile(r"^[وف]?[بلك]")
_FUTURE = re.compile(r"^[وف]?س(?=[يتنا])")  # سيخدم، ستبقى، وسنعمل، فسأعود
# ``normalize_ar`` writes a hamza on a ya or waw seat as that letter (مسيئا → مسييا, بطؤه →
# بطوه) but keeps a hamza on the line (مسيء), so one word's forms fall apart by position
# (مسيء / مسيئا، شيء / شيئا). The matcher also reads every word with its seated hamzas written
# on the line; the plain reading stays, so no match is lost. ``normalize_ar`` itself is left as
# it is: the other checks and the alignment use it.
_HAMZA_ON_LINE = str.maketrans({"ئ": "ء", "ؤ": "ء"})


def _hamza_variants(word: str) -> tuple[str, ...]:
    """The word, and the word with ئ/ؤ written ء when it has one."""
    w = unicodedata.normalize("NFKC", word) if not word.isascii() else word
    on_line = w.translate(_HAMZA_ON_LINE)
    return (word,) if on_line == w else (word, on_line)


@lru_cache(maxsize=200_000)
def ar_word_cores(word: str) -> frozenset[str]:
    """``polarity.ar_cores`` of a text token under both hamza readings (``_hamza_variants``),
    so that a stem listed as «مسيء» matches مسيئا، مسيئة as it matches مسيء."""
    out = frozenset()
    for v in _hamza_variants(word):
        out |= ar_cores(v)
    return out


@lru_cache(maxsize=200_000)
def ar_whole_forms(word: str) -> frozenset[str]:
    """A token as a whole word: normalised (both hamza readings), with the article and its
    proclitics (وال، بال، لل) or a preposition (ب، ل، ك, kept only when 3+ letters remain)
    taken off, the future prefix before an imperfect (سيخدم → يخدم، وستبقى → تبقى; a reading
    of the Buckwalter analyser must have it: not ستين → تين), and a
    tanween alef. A bare و/ف comes off only when 3+ letters remain and the rest is at least
    as frequent an Arabic word as the whole (وضربت → ضربت; not وصف → صف, nor وفاق → فاق)."""
    plain = strip_marks(word)
    conj = (plain[:1] in "وف" and len(normalize_ar(plain)) >= 4 and zipf_ar(plain[1:]) >= zipf_ar(plain))
    out: set[str] = set()
    for v in _hamza_variants(word):
        w = normalize_ar(v)
        out.add(w)
        m = _PROCLITIC_ARTICLE.match(w)
        if m and len(w) - m.end() >= 2:
            out.add(w[m.end():])
        m = _PROCLITIC_PREP.match(w)
        if m and len(w) - m.end() >= 3:
            out.add(w[m.end():])
        m = _FUTURE.match(w)
        if m and len(w) - m.end() >= 3 and ar_future(word) is not False:  # not ستين، سيارة، ستار
            out.add(w[m.end():])
        if conj:
            out.add(w[1:])
    out |= {f[:-1] for f in out if len(f) >= 4 and f.endswith("ا")}
    return frozenset(out)


ArTerm = tuple[ArWord, ...]


def find_ar(term: ArTerm, cores: list[frozenset[str]], whole: list[frozenset[str]], lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """First occurrence of an Arabic term in tokens[lo:hi] (one word may come between two of
    its words, as Arabic puts an adjective there: «عروض أسعار» / «عروض جيدة للأسعار»)."""
    return next(find_all_ar(term, cores, whole, lo, hi), None)


def find_all_ar(term: ArTerm, cores: list[frozenset[str]], whole: list[frozenset[str]], lo: int = 0, hi: int | None = None):
    """Every occurrence of an Arabic term in tokens[lo:hi], in order (see ``find_ar``)."""
    hi = len(cores) if hi is None else min(hi, len(cores))
    for i in range(max(0, lo), hi):
        if not term[0].matches(cores[i], whole[i]):
            continue
        j, k = i, 1
        while k < len(term):
            nxt = [x for x in (j + 1, j + 2) if x < hi and term[k].matches(cores[x], whole[x])]
            if not nxt:
                break
            j, k = nxt[0], k + 1
        if k == len(term):
            yield i, j


# ---------------------------------------------------------------------------------------
# The lexicon


@dataclass(frozen=True)
class Sense:
    line: int
    en: tuple[tuple[EnWord, ...], ...]  # alternatives, each a word sequence
    en_text: str
    cues: tuple[Cue, ...]
    accepted: tuple[ArTerm, ...]
    accepted_text: tuple[str, ...]
    wrong: tuple[ArTerm, ...]
    wrong_text: tuple[str, ...]
    note: str
    severity: str = "major"
    category: str = "mistranslation"

    @property
    def positive(self) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if not c.negative)

    @property
    def negative(self) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if c.negative)


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def parse_row(cols: list[str], line: int = 0) -> Sense:
    """One TSV row (en, cues, accepted, wrong, note[, severity[, category]]) → Sense."""
    cols = [c.strip() for c in cols] + [""] * (len(COLUMNS) - len(cols))
    en, cues, acc, wrong, note, sev, cat = cols[: len(COLUMNS)]
    alts = tuple(w for w in (EnWord.parse_all(t) for t in _split(en)) if w)
    acc_t, wrong_t = _split(acc), _split(wrong)
    if not alts or not acc_t or not wrong_t:
        raise ValueError(f"line {line}: en, accepted and wrong must not be empty")
    sev, cat = sev or "major", cat or "mistranslation"
    if sev not in SEVERITIES or cat not in CATEGORIES:
        raise ValueError(f"line {line}: severity {sev!r} or category {cat!r} unknown")
    return Sense(line, alts, _split(en)[0].lstrip("="), tuple(c for c in map(Cue.parse, _split(cues)) if c.words),
                 tuple(tuple(ArWord.parse(w) for w in t.split()) for t in acc_t), tuple(a.replace("=", "") for a in acc_t),
                 tuple(tuple(ArWord.parse(w) for w in t.split()) for t in wrong_t), tuple(w.replace("=", "") for w in wrong_t),
                 note, sev, cat)


def read_rows(path: Path | str = LEXICON) -> list[tuple[int, list[str]]]:
    """(line number, columns) of every data row: header and ``#`` comments skipped."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#") or line.split("\t")[0] == "en":
            continue
        out.append((n, line.rstrip("\r").split("\t")))
    return out


@cache
def load_senses(path: Path | str = LEXICON) -> tuple[Sense, ...]:
    return tuple(parse_row(cols, n) for n, cols in read_rows(path))


@cache
def sense_index(path: Path | str = LEXICON) -> dict[str, list[tuple[int, int]]]:
    """First-word token form → (sense, alternative) pairs to try."""
    idx: dict[str, list[tuple[int, int]]] = {}
    for s, sense in enumerate(load_senses(path)):
        for a, words in enumerate(sense.en):
            for k in words[0].keys:
                idx.setdefault(k, []).append((s, a))
    return idx


# ---------------------------------------------------------------------------------------
# Finding terms in English


def _units(tokens: list[Token], text: str) -> list[tuple[int, int, str]]:
    """(first, last, norm) of every token, and of every hyphenated pair read as one word."""
    out = [(k, k, t.norm) for k, t in enumerate(tokens)]
    for k in range(len(tokens) - 1):
        t, u = tokens[k], tokens[k + 1]
        if u.start == t.end + 1 and text[t.end] == "-":
            out.append((k, k + 1, t.norm + u.norm))
    return out


def _match_at(words: tuple[EnWord, ...], tokens: list[Token], i: int, j: int, norm: str) -> int | None:
    """Last token of the term ``words`` starting at unit (i, j, norm), or None."""
    if i != j:  # a hyphenated pair is one word: "walk-out" for walkout
        one = len(words) == 1 and words[0].matches(Token(tokens[i].text + tokens[j].text, tokens[i].start, tokens[j].end, norm))
        return j if one else None
    return i + len(words) - 1 if _seq_at(words, tokens, i) else None


def find_terms(tokens: list[Token], text: str, senses: tuple[Sense, ...], index: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int, int]]:
    """(sense, first token, last token) of every lexicon term in the tokens, longest first."""
    hits = set()
    for i, j, norm in _units(tokens, text):
        lem = en_lemma(norm)
        for s, alt in {x for key in (norm, lem, lem + "e") for x in index.get(key, ())}:
            end = _match_at(senses[s].en[alt], tokens, i, j, norm)
            if end is not None:
                hits.add((s, i, end))
    return sorted(hits, key=lambda h: (-(h[2] - h[1]), h[1], senses[h[0]].line))


def occurrences(sense: Sense, tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Token ranges of the row's term in the tokens."""
    out = []
    for i, j, norm in _units(tokens, text):
        for words in sense.en:
            end = _match_at(words, tokens, i, j, norm)
            if end is not None:
                out.append((i, end))
                break
    return out


@lru_cache(maxsize=4096)
def _en_tokens_of(text: str) -> tuple[Token, ...]:
    return tuple(tokenize(text, 0, len(text), "en"))


def cued(sense: Sense, tokens: list[Token], a: int, b: int, sentence: tuple[int, int] | None = None) -> bool:
    """The context of term tokens a..b selects the row's sense (see the module doc).
    ``sentence``: token range in which negative cues count (default: all the tokens)."""
    s_lo, s_hi = sentence or (0, len(tokens))
    if any(c.found(tokens, a, b, s_lo, s_hi) for c in sense.negative):
        return False
    return not sense.positive or any(c.found(tokens, a, b, a - WINDOW, b + WINDOW + 1) for c in sense.positive)


def _article_english(ctx: PairContext) -> list[str]:
    """The English of the other pairs of the same article (registered in the run's resources)."""
    texts = getattr(ctx.resources, "pair_texts", None)
    if not texts or ctx.pair.article is None:
        return []
    by_article = _by_article(texts, len(texts))
    own = ctx.pair.en
    return [t for t in by_article.get(ctx.pair.article, ()) if t != own]


_ARTICLES: dict[int, tuple[int, dict[str, list[str]]]] = {}


def _by_article(texts, size: int) -> dict[str, list[str]]:
    """article → English texts of its pairs; rebuilt when the registry has grown."""
    got = _ARTICLES.get(id(texts))
    if got is None or got[0] != size:
        table: dict[str, list[str]] = {}
        for pt in texts.by_id.values():
            if pt.article is not None and pt.en not in table.setdefault(pt.article, []):
                table[pt.article].append(pt.en)
        _ARTICLES.clear()
        _ARTICLES[id(texts)] = got = (size, table)
    return got[1]


def cued_in_document(sense: Sense, ctx: PairContext) -> bool:
    """Another occurrence of the row's term in the same document has a positive cue (one sense
    per discourse: "deleted a post on X" … "in the post, she had said"). The document is the rest
    of the source text and the English of the article's other pairs; negative cues count within
    the window around that occurrence."""
    if not sense.positive:
        return False
    p = ctx.pair
    doc: list[tuple[str, int, int]] = []  # (text, start, end) outside this pair's span
    if p.en_start > 0 or p.en_end < len(p.en_text.rstrip()):
        doc += [(p.en_text, 0, p.en_start), (p.en_text, p.en_end, len(p.en_text))]
    doc += [(t, 0, len(t)) for t in _article_english(ctx)]
    for text, lo, hi in doc:
        if hi - lo < 3:
            continue
        toks = [t for t in _en_tokens_of(text) if lo <= t.start < hi]
        for a, b in occurrences(sense, toks, text):
            if cued(sense, toks, a, b, (a - WINDOW, b + WINDOW + 1)):
                return True
    return False


def _about_term(ctx: PairContext, hit: tuple[int, int], a: int, b: int, margin: float = 0.03) -> bool:
    """An Arabic span outside the aligned window still renders English tokens a..b when, for
    one of its words, the term is (within ``margin``) the most similar English content word."""
    if ctx.sim is None or not ctx.sim.size:
        return False
    content = [j for j, t in enumerate(ctx.en_tokens) if is_en_content(t.norm)]
    if not content:
        return False
    for i in range(hit[0], hit[1] + 1):
        row = ctx.sim[i]
        best = max(float(row[j]) for j in content)
        if max(float(row[j]) for j in range(a, b + 1)) >= best - margin:
            return True
    return False


def _renders_other(ctx: PairContext, hit: tuple[int, int], a: int, b: int) -> bool:
    """Every word of the Arabic span is linked to English content words other than tokens
    a..b (and none to them): it renders another word ("the team bus" → «حافلة الفريق»)."""
    for i in range(hit[0], hit[1] + 1):
        ens = [lk.en for lk in ctx.links if lk.ar == i]
        if not ens or any(a <= j <= b for j in ens) or not any(is_en_content(ctx.en_tokens[j].norm) for j in ens):
            return False
    return True


# ---------------------------------------------------------------------------------------
# The check


class WrongSense(Check):
    name = "senses"
    needs = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        if not ctx.en_tokens or not ctx.ar_tokens:
            return []
        senses, index = load_senses(), sense_index()
        terms = find_terms(ctx.en_tokens, ctx.pair.en_text, senses, index)
        if not terms:
            return []
        cores = [ar_word_cores(t.text) for t in ctx.ar_tokens]
        whole = [ar_whole_forms(t.text) for t in ctx.ar_tokens]
        out: list[Flag] = []
        used_en: set[int] = set()
        used_ar: set[int] = set()
        for s, a, b in terms:
            sense = senses[s]
            if used_en & set(range(a, b + 1)) or any(find_ar(t, cores, whole) for t in sense.accepted):
                continue
            hit = self._wrong(ctx, sense, cores, whole, a, b, used_ar)
            if hit is None or not (cued(sense, ctx.en_tokens, a, b) or cued_in_document(sense, ctx)):
                continue
            used_en.update(range(a, b + 1))
            used_ar.update(range(hit[0], hit[1] + 1))
            ar_span = (ctx.ar_tokens[hit[0]].start, ctx.ar_tokens[hit[1]].end)
            en_span = (ctx.en_tokens[a].start, ctx.en_tokens[b].end)
            out.append(self.flag(
                sense.category, sense.severity,
                f"'{ctx.pair.en_text[en_span[0]:en_span[1]]}' ({sense.note}) is rendered in another sense as "
                f"«{ctx.pair.ar_text[ar_span[0]:ar_span[1]]}»",
                ar=ar_span, en=en_span, suggestion=sense.accepted_text[0]))
        return out

    @staticmethod
    def _wrong(ctx: PairContext, sense: Sense, cores, whole, a: int, b: int, used: set[int]) -> tuple[int, int] | None:
        """A wrong rendering among the Arabic words aligned to tokens a..b and their neighbours
        (the idioms check's window), or elsewhere when the term is what it is most similar to."""
        lo, hi = IdiomCalque._window(ctx, a, b)
        for term in sorted(sense.wrong, key=len, reverse=True):  # «عود الثقاب» before «ثقاب»
            for hit in find_all_ar(term, cores, whole):
                if used & set(range(hit[0], hit[1] + 1)) or _renders_other(ctx, hit, a, b):
                    continue
                if (hit[1] >= lo and hit[0] < hi) or _about_term(ctx, hit, a, b):
                    return hit
        return None
