"""Reading input: a corpus folder or a pairs file (JSONL/CSV/TSV).

Bad input is reported as ``FILE:LINE: what is wrong`` and skipped; the rest is still read.
With ``strict=True`` the first problem raises ``InputError`` instead.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class InputError(Exception):
    """A problem in the input that the user must fix (strict mode, or nothing usable)."""


@dataclass
class Problems:
    strict: bool = False
    messages: list[str] = field(default_factory=list)

    def report(self, where: str, what: str) -> None:
        msg = f"{where}: {what}"
        if self.strict:
            raise InputError(msg)
        self.messages.append(msg)


@dataclass
class Article:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Source:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class GlossaryEntry:
    en: str
    expected: list[str]
    forbidden: list[str]
    note: str = ""
    where: str = ""


@dataclass
class Corpus:
    name: str
    articles: dict[str, Article] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    gold: list[dict[str, Any]] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    # pairs mode: (id, ar, en) rows instead of articles/sources
    pairs: list[tuple[str, str, str]] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)

    @property
    def is_pairs(self) -> bool:
        return bool(self.pairs) and not self.articles


def read_text(path: Path, problems: Problems) -> str | None:
    """UTF-8 (BOM allowed); other encodings are detected, converted and reported."""
    data = path.read_bytes()
    if not data.strip():
        problems.report(str(path), "empty file")
        return None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.report(str(path), "binary file (NUL bytes), not text; skipped")
        return None
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom):].decode(enc, errors="strict")
            if enc != "utf-8":
                problems.messages.append(f"{path}: read as {enc.upper()} (byte-order mark)")
            return text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        if guess is None:
            problems.report(f"{path}:{line}", "not UTF-8 and the encoding could not be detected; skipped")
            return None
        problems.messages.append(f"{path}:{line}: not UTF-8; read as {guess} (detected)")
        text = data.decode(guess)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    enc = best.encoding
    # charset-normalizer names Windows-1256 "cp1256"; keep whatever Python decodes with.
    return enc


def _read_jsonl(path: Path, problems: Problems, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    text = read_text(path, problems)
    if text is None:
        return []
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.report(f"{path}:{n}", f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            problems.report(f"{path}:{n}", "expected a JSON object")
            continue
        missing = [k for k in required if not isinstance(obj.get(k), str) or not obj.get(k)]
        if missing:
            problems.report(f"{path}:{n}", f"missing or empty field(s): {', '.join(missing)}")
            continue
        out.append((n, obj))
    return out


def read_corpus(path: str | Path, strict: bool = False) -> Corpus:
    path = Path(path)
    problems = Problems(strict=strict)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_file():
        return read_pairs_file(path, problems)
    corpus = Corpus(name=path.name, problems=problems)
    meta: dict[str, dict] = {}
    if (path / "articles.jsonl").exists():
        for _, obj in _read_jsonl(path / "articles.jsonl", problems, ("id",)):
            meta[obj["id"]] = obj
    art_dir = path / "articles"
    if not art_dir.is_dir():
        raise InputError(f"{path}: not a corpus folder (no articles/ folder) and not a pairs file")
    for f in sorted(art_dir.iterdir()):
        if f.suffix.lower() not in (".txt", ".md", ".html", ".htm") or not f.is_file():
            continue
        text = read_text(f, problems)
        if text is not None:
            corpus.articles[f.stem] = Article(f.stem, text, meta.get(f.stem, {}))
    src = path / "sources.jsonl"
    if not src.exists():
        raise InputError(f"{src}: missing (a corpus needs the English source units)")
    for n, obj in _read_jsonl(src, problems, ("id", "text")):
        if obj["id"] in corpus.sources:
            problems.report(f"{src}:{n}", f"duplicate source id {obj['id']!r}; the first is kept")
            continue
        corpus.sources[obj["id"]] = Source(obj["id"], obj["text"], {k: v for k, v in obj.items() if k not in ("id", "text")})
    if (path / "gold.jsonl").exists():
        for n, obj in _read_jsonl(path / "gold.jsonl", problems, ("article", "source", "ar")):
            if obj["source"] not in corpus.sources:
                problems.report(f"{path / 'gold.jsonl'}:{n}", f"unknown source id {obj['source']!r}")
                continue
            if obj["article"] not in corpus.articles:
                problems.report(f"{path / 'gold.jsonl'}:{n}", f"unknown article id {obj['article']!r}")
                continue
            obj["_line"] = n
            corpus.gold.append(obj)
    if (path / "glossary.tsv").exists():
        corpus.glossary = read_glossary(path / "glossary.tsv", problems)
    if not corpus.articles:
        raise InputError(f"{art_dir}: no readable article")
    return corpus


def read_glossary(path: Path, problems: Problems) -> list[GlossaryEntry]:
    text = read_text(path, problems) or ""
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if n == 1 and cols[0].strip().lower() == "en":
            continue  # header
        if len(cols) < 2 or not cols[0].strip():
            problems.report(f"{path}:{n}", "expected en<TAB>expected ar[<TAB>forbidden ar<TAB>note]")
            continue
        split = lambda s: [x.strip() for x in s.split("|") if x.strip()]
        out.append(GlossaryEntry(cols[0].strip(), split(cols[1]), split(cols[2]) if len(cols) > 2 else [],
                                 cols[3].strip() if len(cols) > 3 else "", f"{path}:{n}"))
    return out


def read_pairs_file(path: Path, problems: Problems) -> Corpus:
    corpus = Corpus(name=path.stem, problems=problems)
    suffix = path.suffix.lower()
    rows: list[tuple[int, dict]] = []
    if suffix in (".jsonl", ".json"):
        rows = _read_jsonl(path, problems, ("ar", "en"))
    elif suffix in (".csv", ".tsv"):
        text = read_text(path, problems)
        if text is None:
            raise InputError(f"{path}: nothing readable")
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        missing = {"ar", "en"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"{path}:1: header lacks column(s) {', '.join(sorted(missing))} (need id, ar, en)")
        for row in reader:
            n = reader.line_num
            if not (row.get("ar") or "").strip() or not (row.get("en") or "").strip():
                problems.report(f"{path}:{n}", "empty ar or en")
                continue
            rows.append((n, row))
    else:
        raise InputError(f"{path}: unknown pairs file type {suffix!r} (use .jsonl, .csv or .tsv)")
    seen: set[str] = set()
    for n, row in rows:
        pid = str(row.get("id") or f"line{n}")
        if pid in seen:
            problems.report(f"{path}:{n}", f"duplicate id {pid!r}; the first is kept")
            continue
        seen.add(pid)
        corpus.pairs.append((pid, row["ar"], row["en"]))
    if not corpus.pairs:
        raise InputError(f"{path}: no usable pair")
    return corpus
