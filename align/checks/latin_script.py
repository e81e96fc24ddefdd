"""Latin script left inside the Arabic.

Policy, in order (the first rule that applies decides):

1. Allowed: URLs, @handles, #hashtags, e-mail addresses, codes with digits (KN-23, F-16,
   COVID-19, iPhone 15), a unit symbol right after a number (100 km, 5 MW: the units check reads
   them), and a Latin term in parentheses right after Arabic words (a gloss of the original:
   «الناتج المحلي الإجمالي (GDP)»).
2. A well-known abbreviation or name with an established Arabic form (GDP → «الناتج المحلي
   الإجمالي», VAR → «تقنية الفيديو», NATO → «حلف شمال الأطلسي», X the platform → «منصة إكس»,
   Facebook → «فيسبوك»; ``_ESTABLISHED``): untranslated, minor, suggesting the Arabic form.
3. An English dictionary word (known to the offline dictionaries, ``dictionary.en_known``)
   written in lower case in the Arabic or in the source ("counties", "deal"): untranslated, an
   Arabic reader cannot read it. Major for a content word, minor for a function word (of, the,
   vs, pm).
   Not when it is part of a run of Latin words that holds a capitalised one (a name or a title
   kept in Latin: "von der Leyen", "The Economist").
4. Names: tokens that the English source also has, spelled and cased the same (an outlet's
   name, a photo credit, an agency: AP, AFP, KCNA, Getty Images; an acronym the source writes
   in capitals) are allowed.
5. Anything else is an untranslated word: minor, or major when it is the all-capitals form of a
   word that the source writes in mixed case (XI for Xi), which reads as an acronym or a Roman
   numeral; a near miss of a source word is reported as misspelled.

A passage in English (four Latin words or more in a row, Latin words alone between quotation
marks, or a span with more Latin than Arabic letters) is an embedded quotation — a post, a title, a caption kept in the original — not a
word left untranslated, and is not flagged word by word.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import EN_STOPWORDS
from ..records import Flag
from .base import Check, PairContext

_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-/&]*[A-Za-z0-9]|[A-Za-z]")
_ALLOWED = re.compile(r"(https?://|www\.)\S+|[@#][\w.]+|[\w.+-]+@[\w-]+\.[\w.]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# Abbreviations and names that Arabic news writes in Arabic. Keys of three letters or fewer
# match as written (WHO, not "who"); longer ones in any case. A value is (Arabic form, English
# context the source must match, or None).
_PLATFORM_CONTEXT = r"\b(?:on|via|platform|network|site|app|account|posted?|wrote|formerly)\s+X\b|\bX\s*[(,]\s*formerly"
_ESTABLISHED: dict[str, tuple[str, str | None]] = {
    "GDP": ("الناتج المحلي الإجمالي", None),
    "VAR": ("تقنية الفيديو (الفار)", None),
    "AI": ("الذكاء الاصطناعي", None),
    "CEO": ("الرئيس التنفيذي", None),
    "IMF": ("صندوق النقد الدولي", None),
    "UN": ("الأمم المتحدة", None),
    "EU": ("الاتحاد الأوروبي", None),
    "UK": ("بريطانيا", None),
    "US": ("الولايات المتحدة", None),
    "USA": ("الولايات المتحدة", None),
    "NATO": ("حلف شمال الأطلسي (الناتو)", None),
    "WHO": ("منظمة الصحة العالمية", None),
    "WTO": ("منظمة التجارة العالمية", None),
    "OPEC": ("أوبك", None),
    "UNESCO": ("اليونسكو", None),
    "UNICEF": ("اليونيسف", None),
    "FIFA": ("الاتحاد الدولي لكرة القدم (فيفا)", None),
    "UEFA": ("الاتحاد الأوروبي لكرة القدم (يويفا)", None),
    "NGO": ("منظمة غير حكومية", None),
    "NGOs": ("منظمات غير حكومية", None),
    "MP": ("نائب", None),
    "MPs": ("نواب", None),
    "VAT": ("ضريبة القيمة المضافة", None),
    "CPI": ("مؤشر أسعار المستهلك", None),
    "HIV": ("فيروس نقص المناعة البشرية", None),
    "DNA": ("الحمض النووي", None),
    "COVID": ("كوفيد", None),
    "X": ("منصة إكس", _PLATFORM_CONTEXT),
    "Twitter": ("تويتر", None),
    "Facebook": ("فيسبوك", None),
    "Instagram": ("إنستغرام", None),
    "TikTok": ("تيك توك", None),
    "YouTube": ("يوتيوب", None),
    "WhatsApp": ("واتساب", None),
    "Telegram": ("تلغرام", None),
    "Google": ("غوغل", None),
    "Snapchat": ("سناب شات", None),
}
_ESTABLISHED_CI = {k.lower(): v for k, v in _ESTABLISHED.items() if len(k) > 3}
# Words that do not carry the content: left in Latin script they are minor.
_MINOR_WORDS = EN_STOPWORDS | {"vs", "etc", "via", "aka", "am", "pm", "ok", "okay"}


def _edit_ratio(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


@cache
def _dictionary_word(word: str) -> bool:
    """An English dictionary word (lower case), known to the offline dictionaries."""
    if len(word) < 2 or not word.isalpha():
        return False
    if word in EN_STOPWORDS:
        return True
    try:
        from ..dictionary import en_known

        return en_known(word)
    except Exception:  # pragma: no cover - dictionaries missing: fall back on word frequency
        try:
            from wordfreq import zipf_frequency
        except ImportError:
            return False
        return zipf_frequency(word, "en") >= 3.5


@cache
def _unit_terms() -> frozenset[str]:
    try:
        from .units import load_units

        lex = load_units()
    except Exception:  # pragma: no cover - lexicon missing
        return frozenset()
    return frozenset(lex.en_exact) | frozenset(lex.en_words)


def _established(w: str, en_text: str) -> tuple[str, str | None] | None:
    key = w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", w) else w
    hit = _ESTABLISHED.get(key) or _ESTABLISHED_CI.get(key.lower())
    if hit is None:
        return None
    if hit[1] and not re.search(hit[1], en_text):
        return None
    return hit


class LatinScript(Check):
    name = "latin-script"
    version = "2"
    needs = frozenset({"resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        text = p.ar_text
        allowed_spans = [(m.start(), m.end()) for m in _ALLOWED.finditer(text, p.ar_start, p.ar_end)]
        en_text = p.en_text[p.en_start : p.en_end]
        src_words = set(re.findall(r"[A-Za-z][A-Za-z0-9'’\-]*", en_text))
        src_lower = {w for w in src_words if w.islower()}
        runs = list(_LATIN_RUN.finditer(text, p.ar_start, p.ar_end))
        if not runs:
            return []
        latin = sum(len(m.group()) for m in runs)
        if latin >= len(_ARABIC.findall(text, p.ar_start, p.ar_end)):
            return []  # not Arabic text: an English passage kept as it is
        passage = self._passages(text, runs)
        out = []
        for n, m in enumerate(runs):
            s, e, w = m.start(), m.end(), m.group()
            if n in passage or any(a <= s < b for a, b in allowed_spans):
                continue
            if re.search(r"\d", w):
                continue  # a code or model designation
            if self._unit_after_number(text, s, w):
                continue
            in_src = all(x in src_words for x in re.split(r"[/&.\-]", w) if x)
            if self._gloss(text, s, e, p.ar_start, p.ar_end) or self._quoted(text, s, e, p.ar_start, p.ar_end):
                continue
            est = _established(w, en_text)
            if est is not None:
                out.append(self.flag("untranslated", "minor",
                                     f"'{w}' left in Latin script; Arabic writes «{est[0]}»",
                                     ar=(s, e), en=self._en_span(p, w), suggestion=est[0]))
                continue
            low = w.lower()
            if (w.islower() or low in src_lower) and _dictionary_word(low) and not self._in_name_run(text, runs, n):
                function_word = low in _MINOR_WORDS
                out.append(self.flag("untranslated", "minor" if function_word else "major",
                                     f"the English word '{w}' is left untranslated in Latin script",
                                     ar=(s, e), en=self._en_span(p, low, ci=True),
                                     suggestion=self._suggest(ctx, low)))
                continue
            if in_src:
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
    def _passages(text: str, runs: list[re.Match], min_words: int = 4) -> set[int]:
        """Indices of the runs that belong to an English passage: ``min_words`` Latin words or
        more with nothing but spaces and punctuation between them."""
        out: set[int] = set()
        k = 0
        while k < len(runs):
            j = k
            while j + 1 < len(runs) and not _ARABIC.search(text[runs[j].end() : runs[j + 1].start()]) \
                    and len(text[runs[j].end() : runs[j + 1].start()]) <= 4:
                j += 1
            if j - k + 1 >= min_words:
                out.update(range(k, j + 1))
            k = j + 1
        return out

    @staticmethod
    def _unit_after_number(text: str, s: int, w: str) -> bool:
        """A unit symbol right after a number: «100 km», «5MW»."""
        return w in _unit_terms() and bool(re.search(r"\d[\s\u00a0]?$", text[max(0, s - 2) : s]))

    @staticmethod
    def _gloss(text: str, s: int, e: int, lo: int, hi: int) -> bool:
        """Inside parentheses right after Arabic words: the original term given as a gloss."""
        left = text[max(lo, s - 40) : s]
        right = text[e : min(hi, e + 40)]
        k = left.rfind("(")
        if k < 0 or ")" in left[k:] or ")" not in right or "(" in right[: right.find(")")]:
            return False
        before = left[:k].rstrip()
        if not before:
            before = text[max(lo, s - 80) : s - len(left)].rstrip()
        return bool(before) and bool(_ARABIC.match(before[-1]))

    @staticmethod
    def _quoted(text: str, s: int, e: int, lo: int, hi: int) -> bool:
        """Between quotation marks with no Arabic inside them: an English phrase quoted as it is."""
        left = text[max(lo, s - 60) : s]
        right = text[e : min(hi, e + 60)]
        k = max(left.rfind(q) for q in '"«“')
        r = min((i for i in (right.find(q) for q in '"»”') if i >= 0), default=-1)
        if k < 0 or r < 0 or _ARABIC.search(left[k:]) or _ARABIC.search(right[:r]):
            return False
        # a straight quote opens only when an odd number of them comes before it
        return left[k] != '"' or text.count('"', lo, s) % 2 == 1

    @staticmethod
    def _in_name_run(text: str, runs: list[re.Match], n: int) -> bool:
        """The word sits in a run of Latin words (spaces between) that holds a capitalised word."""
        k = n
        while k > 0 and text[runs[k - 1].end() : runs[k].start()].strip() == "":
            k -= 1
        j = n
        while j + 1 < len(runs) and text[runs[j].end() : runs[j + 1].start()].strip() == "":
            j += 1
        return any(runs[i].group()[0].isupper() for i in range(k, j + 1))

    @staticmethod
    def _en_span(p, word: str, ci: bool = False) -> tuple[int, int] | None:
        m = re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", p.en_text[p.en_start : p.en_end],
                      re.I if ci else 0)
        return (p.en_start + m.start(), p.en_start + m.end()) if m else None

    @staticmethod
    def _suggest(ctx: PairContext, en_word: str) -> str | None:
        """An Arabic rendering of the same English word elsewhere in the corpus, else the dictionary's."""
        res = ctx.resources
        if res is not None:
            renderings = res.memory.words.get(en_word.lower(), {})
            best = max(renderings.items(), key=lambda kv: kv[1], default=None)
            if best:
                return best[0]
        if not en_word.islower():
            return None
        try:
            from ..dictionary import en_translations

            tr = en_translations(en_word)
        except Exception:  # pragma: no cover - dictionaries missing
            return None
        return tr[0] if tr else None
