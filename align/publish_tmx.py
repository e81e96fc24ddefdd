"""Translation memories for CAT tools: TMX 1.4 and XLIFF 1.1 through translate-toolkit.

English is the source language and Arabic the target (the direction of the corpus). The
target is the reviewer's corrected Arabic where one was given, else the Arabic as found.
Each unit keeps the pair id (TMX ``tuid``, XLIFF ``id``) and a note with the review
decision, so a translator importing the memory sees what it is worth.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

SOURCE_LANG, TARGET_LANG = "en", "ar"
XLIFF_FILE = "muqabala"  # the <file original="..."> the units live in


def target_of(row: dict[str, Any]) -> str:
    return row["corrected_ar"] if row.get("corrected_ar") else row["ar"]


def unit_note(row: dict[str, Any]) -> str:
    bits = [f"review: {row['review_status']}"]
    if row.get("corrected_ar"):
        bits.append("target corrected by reviewer")
    elif row["review_status"] == "needs-fix":
        bits.append("needs a fix; no correction given")
    bits.append(f"fidelity {row['fidelity']:.1f} ({row['verdict']})")
    if row.get("review_note"):
        bits.append(f"note: {row['review_note']}")
    return "; ".join(bits)


def write_tmx(rows: Iterable[dict[str, Any]], path: Path) -> int:
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    n = 0
    for row in rows:
        unit = store.addsourceunit(row["en"], SOURCE_LANG)
        unit.settarget(target_of(row), TARGET_LANG, append=True)
        unit.xmlelement.set("tuid", row["pair_id"])
        unit.addnote(unit_note(row))
        if row.get("article") or row.get("source"):
            unit.setcontext(f"{row.get('article') or ''}/{row.get('source') or ''}")
        n += 1
    Path(path).write_bytes(bytes(store))
    return n


def write_xliff(rows: Iterable[dict[str, Any]], path: Path) -> int:
    from translate.storage.xliff import xlifffile

    store = xlifffile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    n = 0
    for row in rows:
        unit = store.addsourceunit(row["en"], filename=XLIFF_FILE, createifmissing=True)
        unit.target = target_of(row)
        unit.setid(row["pair_id"])
        unit.markapproved(row["review_status"] == "accepted")
        unit.addnote(unit_note(row), origin="translator")
        n += 1
    Path(path).write_bytes(bytes(store))
    return n
