"""A review store built from a corpus's gold annotations, with no models.

Every gold pair becomes a results.jsonl record (offsets into the full article and source
texts, as in corpus mode), every gold error span becomes a flag (check ``"gold"``), and the
word alignment comes from a small bilingual lexicon for the shipped corpus plus identical
Latin words and numbers. Fidelity and verdict are derived from the gold severities.

This is what the review UI's tests and screenshots run on, and what ``muqabala review
--demo`` opens: a way to try the review UI without scoring. It is *not* a scorer: the
records say ``"models": {"sentence": "gold", "align": "lexicon"}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .normalize import normalize_ar
from .pairing import stable_pair_id
from .segment import is_arabic, tokenize
from .store import Store

_SEVERITY_COST = {"minor": 4.0, "major": 15.0, "critical": 35.0}

# Normalised Arabic word (after clitic stripping) -> English lower-case words it may align to.
_LEXICON: dict[str, tuple[str, ...]] = {
    "بوتين": ("putin",), "فلاديمير": ("vladimir",), "كيم": ("kim",), "جونغ": ("jong",),
    "جونج": ("jong",), "اون": ("un",), "ترامب": ("trump",), "دونالد": ("donald",),
    "شي": ("xi",), "جين": ("jinping",), "بينغ": ("jinping",), "الكرملين": ("kremlin",),
    "كرملين": ("kremlin",), "روسيا": ("russia", "russia's"), "الروسي": ("russian",),
    "الروسيه": ("russian",), "روسي": ("russian",), "الصين": ("china", "china's"),
    "الصيني": ("chinese", "china's"), "الصينيه": ("chinese", "china's"), "بكين": ("beijing",),
    "كوريا": ("korea",), "الكوري": ("korean",), "الكوريه": ("korean",), "الشمالي": ("north",),
    "الشماليه": ("north",), "الولايات": ("states",), "المتحده": ("united",),
    "الامريكيه": ("america", "american"), "الاميركيه": ("america", "american"),
    "الامريكي": ("u.s", "american"), "الاميركي": ("u.s", "american"), "الرئيس": ("president",),
    "الزعيم": ("leader",), "زعيم": ("leader",), "الزعيمين": ("leaders",), "الزعيمان": ("leaders",),
    "قفاز": ("glove",), "بندقيه": ("rifle",), "رائدًا": ("cosmonaut",), "مستخدمه": ("used",),
    "زياره": ("visit",), "فوستوشني": ("vostochny",), "الفضاييه": ("cosmodrome",),
    "الدكتاتور": ("dictator",), "اهدي": ("gifted",), "تحياتي": ("regards",), "احر": ("warmest",),
    "الحاره": ("warmest",), "يرجي": ("please",), "ارجو": ("please",), "اعطاء": ("give",),
    "تبلغوا": ("give",), "تتامر": ("conspire",), "تتامرون": ("conspire",), "ضد": ("against",),
    "منشور": ("post",), "منشورا": ("post",), "الاجتماع": ("meeting",), "اللقاء": ("meeting",),
    "العرض": ("parade",), "العسكري": ("military",), "عسكري": ("military",), "موكب": ("parade",),
    "الضخم": ("massive",), "الاربعاء": ("wednesday",), "صباح": ("morning",),
    "مراسل": ("correspondent", "reporter"),
    "مراسلي": ("reporter",), "فيديو": ("video",), "طاقم": ("staff",), "الطاقم": ("staff",),
    "الكرسي": ("chair's", "chair"), "الكوب": ("glass",), "الشاي": ("tea",), "المكتب": ("office",),
    "تلغرام": ("telegram",), "ساعتين": ("two",), "ونصف": ("half",), "محادثات": ("talks",),
    "المحادثات": ("talks",), "الحرب": ("war",), "العالميه": ("world",), "الثانيه": ("ii",),
    "اوكرانيا": ("ukraine",), "الجنود": ("troops", "soldiers"), "قوات": ("troops", "forces"),
    "بيونغ": ("pyongyang",), "يانغ": ("pyongyang",), "كلب": ("dog",), "الجولة": ("tour",), "جولته": ("tour",),
    "هدايا": ("gifts",), "فراق": ("parting",),
    "مبكرا": ("early",), "انتهاء": ("ends",), "يقدم": ("gives",), "الفضاء": ("space", "cosmonaut"),
    "قاعده": ("cosmodrome",), "تحيه": ("regards",), "الوداع": ("parting",),
}
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


_LEXICON = {normalize_ar(k): v for k, v in _LEXICON.items()}


def _ar_keys(word: str) -> list[str]:
    n = normalize_ar(word)
    keys = [n]
    if n.endswith("ا") and len(n) > 3:  # accusative tanween alif: قفازًا -> قفاز
        keys.append(n[:-1])
    for c in _CLITICS:
        if n.startswith(c) and len(n) - len(c) >= 2:
            rest = n[len(c):]
            keys.append(rest)
            if not rest.startswith("ال"):
                keys.append("ال" + rest)
    return keys


def lexical_alignment(ar_text: str, ar_start: int, ar_end: int, en_text: str, en_start: int,
                      en_end: int) -> list[list[Any]]:
    """Word links [ar_start, ar_end, en_start, en_end, score] from the lexicon, identical
    Latin words and equal numbers. Offsets are in the frame of the texts passed in."""
    ar_toks = tokenize(ar_text, ar_start, ar_end, "ar")
    en_toks = tokenize(en_text, en_start, en_end, "en")
    by_word: dict[str, list[Any]] = {}
    for t in en_toks:
        by_word.setdefault(t.text.lower(), []).append(t)
    links: list[list[Any]] = []
    for a in ar_toks:
        targets: list[Any] = []
        if not is_arabic(a.text):
            targets = by_word.get(a.text.lower(), []) or by_word.get(a.norm.lower(), [])
            score = 0.95
        else:
            score = 0.8
            for key in _ar_keys(a.text):
                for en_word in _LEXICON.get(key, ()):
                    targets.extend(by_word.get(en_word, []))
                if targets:
                    break
        seen = set()
        for t in targets:
            if t.start in seen:
                continue
            seen.add(t.start)
            links.append([a.start, a.end, t.start, t.end, score])
    return links


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_records(corpus: str | Path) -> tuple[list[dict[str, Any]], dict[str, tuple[str, dict]], dict[str, tuple[str, dict]]]:
    """(records, articles, sources) for a corpus folder with a gold.jsonl."""
    root = Path(corpus)
    art_meta = {m["id"]: {k: v for k, v in m.items() if k != "id"} for m in _read_jsonl(root / "articles.jsonl")}
    articles: dict[str, tuple[str, dict]] = {}
    for p in sorted((root / "articles").glob("*.txt")):
        articles[p.stem] = (p.read_text(encoding="utf-8"), art_meta.get(p.stem, {}))
    sources: dict[str, tuple[str, dict]] = {}
    for s in _read_jsonl(root / "sources.jsonl"):
        sources[s["id"]] = (s["text"], {k: v for k, v in s.items() if k not in ("id", "text")})
    records = []
    for g in _read_jsonl(root / "gold.jsonl"):
        atext = articles[g["article"]][0]
        stext = sources[g["source"]][0]
        a0 = atext.find(g["ar"])
        e0 = stext.find(g["en"])
        if a0 < 0 or e0 < 0:
            raise ValueError(f"gold pair not found in its texts: {g['article']} / {g['source']}")
        a1, e1 = a0 + len(g["ar"]), e0 + len(g["en"])
        flags = []
        cost = 0.0
        for err in g.get("errors", []):
            span = err["span"]
            i = g["ar"].find(span)
            while i >= 0:
                flags.append({
                    "check": "gold", "category": err["category"], "severity": err["severity"],
                    "ar_start": a0 + i, "ar_end": a0 + i + len(span), "en_start": None, "en_end": None,
                    "message": err.get("note") or err["category"], "suggestion": err.get("correction"),
                })
                cost += _SEVERITY_COST.get(err["severity"], 5.0)
                i = g["ar"].find(span, i + len(span))
        fidelity = max(0.0, 100.0 - cost)
        sev = {f["severity"] for f in flags}
        verdict = "error" if sev & {"major", "critical"} else "review" if sev else "ok"
        records.append({
            "pair_id": stable_pair_id(g["article"], g["source"], g["ar"]),
            "article": g["article"], "source": g["source"],
            "ar": g["ar"], "ar_start": a0, "ar_end": a1,
            "en": g["en"], "en_start": e0, "en_end": e1,
            "pairing": 0.9, "fidelity": round(fidelity, 2), "verdict": verdict,
            "flags": flags,
            "alignment": lexical_alignment(atext, a0, a1, stext, e0, e1),
            "models": {"sentence": "gold", "align": "lexicon"},
        })
    return records, articles, sources


def build_gold_store(corpus: str | Path, db_path: str | Path) -> Store:
    """Write the gold-derived records and the corpus texts into a store; returns it open."""
    records, articles, sources = gold_records(corpus)
    store = Store(db_path)
    store.put_texts(articles, sources)
    store.put_results(records)
    return store
