"""Reading input: a corpus folder or a pairs file (JSONL/JSON/CSV/TSV).

Real corpora are scraped pages, so nothing here trusts its input. Every problem is reported
as ``FILE:LINE: what is wrong`` (``FILE: …`` for a whole file) and the bad part is skipped;
the rest is still read. With ``strict=True`` the first problem raises ``InputError``.

Two kinds of message: *problems* (something was skipped: a malformed line, a binary file, an
undetectable encoding) go through :meth:`Problems.report` and stop a strict run; *warnings*
(something was converted and kept: a legacy encoding, mojibake, an HTML page in a ``.txt``, a
very long line) go through :meth:`Problems.warn` and never stop anything.

Text handling, in order: byte-order marks (UTF-8, UTF-16, UTF-32) are honoured and dropped;
BOM-less UTF-16 is recognised by its NUL bytes; otherwise UTF-8, or a legacy encoding that is
detected *and* checked (its decoding must read as real Arabic or English words), or the
file is refused; UTF-8 text that is Arabic mis-decoded as Latin-1/Windows-1252 ("Ø§Ù„")
is repaired; line ends become ``\\n``. HTML and Markdown articles become their plain text
(:mod:`align.htmltext`), and offsets then index that text, which the review store keeps.
Diacritics, tatweel, bidi controls and zero-width characters are never removed from the
text: tokenising and matching ignore them, offsets still slice the original.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .htmltext import html_to_text, looks_like_html, markdown_to_text
from .segment import MAX_SENTENCE, long_lines


class InputError(Exception):
    """A problem in the input that the user must fix (strict mode, or nothing usable)."""


_STRICT_RE = re.compile(r"; (?:skipped|the first is kept|the rest of the file is skipped)(?=:|$)")


@dataclass
class Problems:
    """Collects ``FILE:LINE: what is wrong`` messages, problems and warnings alike, in order."""

    strict: bool = False
    messages: list[str] = field(default_factory=list)
    skipped: int = 0  # how many of the messages are problems (something was left out)

    def report(self, where: str, what: str) -> None:
        """Something was skipped; raises ``InputError`` in strict mode (which skips nothing:
        the message then says what is wrong, not what would have been skipped)."""
        msg = f"{where}: {what}"
        if self.strict:
            raise InputError(_STRICT_RE.sub("", msg))
        self.skipped += 1
        self.messages.append(msg)

    def fatal(self, what: str) -> InputError:
        """The error for "nothing usable": it lists the problems that left nothing, since the
        run stops before they are printed as warnings."""
        if not self.messages:
            return InputError(what)
        return InputError(f"{what}; the problems found:\n" + "\n".join(self.messages))

    def warn(self, where: str, what: str) -> None:
        """Something was converted and kept; never stops a run."""
        self.messages.append(f"{where}: {what}")


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


# ---- bytes → text ------------------------------------------------------------------------------
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_ENCODING_NAMES = {"cp1256": "Windows-1256 (Arabic)", "iso8859_6": "ISO-8859-6 (Arabic)", "cp720": "DOS-720 (Arabic)",
                   "cp864": "IBM-864 (Arabic)", "mac_arabic": "Mac Arabic", "cp1252": "Windows-1252 (Western)",
                   "latin_1": "ISO-8859-1 (Latin-1)", "utf_16_le": "UTF-16-LE", "utf_16_be": "UTF-16-BE"}
# A few invalid bytes in an otherwise UTF-8 file (a truncated character, a stray byte) are
# replaced and reported; more than this share means the file is in another encoding.
_MAX_BAD_UTF8 = 0.001
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# Characters that UTF-8 lead bytes of Arabic (0xD8–0xDB) become when read as Latin-1/Windows-1252.
_MOJIBAKE_LEADS = frozenset("ØÙÚÛ")


def _encoding_name(enc: str) -> str:
    key = enc.lower().replace("-", "_")
    key = {"windows_1256": "cp1256", "iso_8859_6": "iso8859_6", "windows_1252": "cp1252", "iso_8859_1": "latin_1",
           "latin1": "latin_1", "arabic": "iso8859_6"}.get(key, key)
    name = _ENCODING_NAMES.get(key)
    return f"{name}" if name else enc


def _line_of(data: bytes | str, index: int) -> int:
    return data[:index].count(b"\n" if isinstance(data, bytes) else "\n") + 1


def _known_word_share(text: str, sample: int = 400) -> float:
    """Share of the first ``sample`` words that are real Arabic or English words (wordfreq):
    a right decoding reads as words, a wrong one as letter salad."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - declared dependency
        return 1.0
    words = _WORDS_RE.findall(text[:200_000])[:sample]
    if not words:
        return 0.0
    known = sum(1 for w in words if zipf_frequency(w, "ar") > 0 or zipf_frequency(w.lower(), "en") > 0)
    return known / len(words)


_COMMON_NON_ASCII = frozenset("“”‘’—–…«»•€£°±×÷§©®™\u00a0،؛؟٪٫٬ـ")


def _common_char_share(text: str) -> float:
    """Share of the non-ASCII characters that are Arabic, Latin letters or common punctuation:
    decodings that agree on the words still differ on quotes and dashes."""
    sample = [c for c in text[:200_000] if c > "\x7f"]
    if not sample:
        return 1.0
    ok = sum(1 for c in sample if "\u0600" <= c <= "\u06ff" or ("\u00c0" <= c <= "\u024f" and c.isalpha())
             or c in _COMMON_NON_ASCII)
    return ok / len(sample)


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls but tab and line breaks


def _controls(text: str) -> tuple[int, int]:
    """How many control characters (other than tab and line breaks) ``text`` holds, and where
    the first is (-1 if none)."""
    first = _CONTROL_RE.search(text)
    return (len(_CONTROL_RE.findall(text)), first.start()) if first else (0, -1)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no byte-order mark: its NUL bytes (the high byte of every Latin character)
    fall on one parity only, and the decoding reads as words."""
    head = data[:65536]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros == 0 or other > 0.1 * zeros:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if _controls(text)[0] <= 0.01 * len(text) and _known_word_share(text) >= 0.5:
            return text, enc.upper()
    return None


def _legacy_candidates(data: bytes, declared: str | None) -> list[str]:
    """The charset a page declares, charset-normalizer's best guess, then the legacy encodings
    Arabic and English text actually come in."""
    names: list[str] = [declared] if declared else []
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None:
            names.append(best.encoding)
    except ImportError:  # pragma: no cover - declared dependency
        pass
    names += ["cp1256", "iso8859_6", "cp1252"]
    out: list[str] = []
    for n in names:
        if n.lower() not in {x.lower() for x in out} and n.replace("-", "_").lower() not in ("utf_8", "utf8", "ascii"):
            out.append(n)
    return out


def decode_bytes(data: bytes, where: str, problems: Problems) -> str | None:
    """Bytes of a text file → text (line ends not yet normalised), or None when refused."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = body.decode(enc, errors="replace")
            bad = text.count("\ufffd") - body.decode(enc, errors="ignore").count("\ufffd")
            if enc != "utf-8":
                problems.warn(where, f"read as {enc.upper()} (byte-order mark)")
            if bad:
                problems.warn(where, f"{bad} invalid {enc.upper()} sequence(s) replaced with U+FFFD")
            return text
    if b"\x00" in data[:65536]:
        found = _utf16_without_bom(data)
        if found is not None:
            problems.warn(where, f"no byte-order mark; read as {found[1]} (detected)")
            return found[0]
        problems.report(where, "binary file (NUL bytes), not text; skipped")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad = e.start
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    line = _line_of(data, first_bad)
    if bad <= max(3, _MAX_BAD_UTF8 * len(data)) and any(c > "\x7f" and c != "\ufffd" for c in text[:100_000]):
        problems.warn(f"{where}:{line}", f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD (first on this line)")
        return text
    m = _CHARSET_RE.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace") if m else None
    scored: list[tuple[float, str, str]] = []
    for enc in _legacy_candidates(data, declared):
        try:
            cand = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _controls(cand)[0] > 0.01 * len(cand):
            continue
        same = next((i for i, (_, _, t) in enumerate(scored) if t == cand), None)
        if same is not None:  # the same text under another name: say the usual one
            if enc == ("cp1256" if _ARABIC_LETTER_RE.search(cand) else "cp1252") and scored[same][1] != declared:
                scored[same] = (scored[same][0], enc, cand)
            continue
        scored.append((_known_word_share(cand) + 0.3 * _common_char_share(cand), enc, cand))
    scored.sort(key=lambda x: -x[0])
    if declared and scored and scored[0][1] != declared:
        # a charset the page declares wins when it reads as words nearly as well as the best
        for share, enc, cand in scored:
            if enc == declared and share >= max(0.5, scored[0][0] - 0.1):
                problems.warn(where, f"not UTF-8; read as {_encoding_name(enc)}, the charset the page declares")
                return cand
    if scored:
        share, enc, cand = scored[0]
        rivals = [s for s, _, t in scored[1:] if t != cand]
        if share >= 0.5 and (not rivals or rivals[0] <= share - 0.1):
            how = "the charset the page declares" if enc == declared else "detected"
            problems.warn(where, f"not UTF-8; read as {_encoding_name(enc)}, {how}")
            return cand
    guess = f" (best guess {_encoding_name(scored[0][1])})" if scored else ""
    problems.report(f"{where}:{line}", f"not UTF-8, and its encoding could not be detected with confidence{guess}; "
                                       "skipped: convert the file to UTF-8")
    return None


def _to_latin_bytes(line: str) -> bytes | None:
    """The bytes a Latin-1/Windows-1252 reading turned into ``line``, or None if it holds a
    character neither could have produced."""
    out = bytearray()
    for c in line:
        o = ord(c)
        if o < 256:
            out.append(o)
            continue
        try:
            out += c.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def repair_mojibake(text: str, where: str, problems: Problems) -> str | None:
    """Arabic that was read as Latin-1/Windows-1252 and saved again as UTF-8 (``Ø§Ù„Ø±Ø¦ÙŠØ³``),
    or Windows-1256 Arabic read as Windows-1252 (``ÇáÑÆíÓ``): repaired line by line where the
    repair reads as real words, and reported. Where the misreading lost bytes (U+FFFD in place
    of the undefined Windows-1252 bytes) it cannot be undone: the file is refused (None)."""
    if text.isascii():
        return text
    lines = text.split("\n")
    fixed: dict[str, list[int]] = {}
    lost: list[int] = []
    for n, line in enumerate(lines):
        if _ARABIC_LETTER_RE.search(line):
            continue
        letters = [c for c in line if c.isalpha() or c == "\ufffd"]
        if len(letters) < 4:
            continue
        leads = sum(c in _MOJIBAKE_LEADS for c in letters)
        high = sum("\u00c0" <= c <= "\u00ff" for c in letters)
        raw = _to_latin_bytes(line)
        if leads >= 2 and leads >= 0.15 * len(letters):
            kind, enc = "UTF-8 read as Windows-1252", "utf-8"
        elif high >= 0.6 * len(letters):
            kind, enc = "Windows-1256 read as Windows-1252", "cp1256"
        else:
            continue
        try:
            cand = raw.decode(enc) if raw is not None else None
        except UnicodeDecodeError:
            cand = None
        if cand and _ARABIC_LETTER_RE.search(cand) and _known_word_share(cand) >= 0.5:
            lines[n] = cand
            fixed.setdefault(kind, []).append(n + 1)
        elif "\ufffd" in line and enc == "utf-8":
            lost.append(n + 1)
    if lost:
        problems.report(f"{where}:{lost[0]}", f"Arabic mis-decoded as Latin (mojibake) on {len(lost)} line(s), with bytes lost "
                                              "(U+FFFD): it cannot be repaired; skipped: export the file again as UTF-8")
        return None
    for kind, at in fixed.items():
        problems.warn(f"{where}:{at[0]}", f"Arabic mis-decoded as Latin (mojibake: {kind}) on {len(at)} line(s); repaired")
    return "\n".join(lines)


def read_text(path: Path, problems: Problems) -> str | None:
    """A text file as ``\\n``-separated text, or None (reported) when it cannot be used.

    UTF-8 (BOM allowed); UTF-16/32 by BOM or by their NUL pattern; other encodings are
    detected, checked and reported, or refused; mojibake is repaired and reported."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        problems.report(where, f"cannot read: {e.strerror or e}; skipped")
        return None
    if not data.strip():
        problems.report(where, "empty file; skipped")
        return None
    text = decode_bytes(data, where, problems)
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = repair_mojibake(text, where, problems)
    if text is None:
        return None
    n_ctl, first_ctl = _controls(text)
    if n_ctl > max(8, 0.01 * len(text)):
        problems.report(where, f"binary data, not text ({n_ctl} control characters); skipped")
        return None
    if n_ctl:
        problems.warn(f"{where}:{_line_of(text, first_ctl)}",
                      f"{n_ctl} control character(s) (first U+{ord(text[first_ctl]):04X}); kept, ignored for matching")
    if not any(c.isalnum() and c != "\u0640" for c in text[:1_000_000]):
        problems.report(where, "no text (only spaces, marks or invisible characters); skipped")
        return None
    return text


# ---- articles ----------------------------------------------------------------------------------
ARTICLE_KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html", ".xhtml": "html"}


def article_text(path: Path, raw: str, problems: Problems) -> str | None:
    """The text an article is scored on: HTML and Markdown become plain text (offsets then
    index that text); over-long lines are reported."""
    where = str(path)
    kind = ARTICLE_KINDS.get(path.suffix.lower(), "text")
    extracted = kind != "text"
    if kind == "html":
        if looks_like_html(raw) or "<" in raw:
            text = html_to_text(raw)
        else:
            text, extracted = raw, False
    elif kind == "markdown":
        text = markdown_to_text(raw)
    elif looks_like_html(raw):
        problems.warn(where, "looks like an HTML page; read as HTML (tags stripped, entities decoded)")
        text, extracted = html_to_text(raw), True
    else:
        text = raw
    if not text.strip():
        problems.report(where, f"no article text in the {kind.upper() if kind == 'html' else kind}; skipped")
        return None
    for ll in long_lines(text, "ar"):
        at = f"{where}: line {ll.line} of the extracted text" if extracted else f"{where}:{ll.line}"
        dropped = f"; {ll.dropped:,} with no Arabic letter (inline data, scripts) are not paired" if ll.dropped else ""
        problems.warn(at, f"very long line ({ll.length:,} characters, no sentence end within {MAX_SENTENCE:,}): "
                          f"cut into {ll.pieces:,} pieces at clause punctuation or spaces{dropped}")
    return text


# ---- JSON lines ---------------------------------------------------------------------------------
_ID_FIELDS = ("id", "article", "source")


def _type_name(v: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(v), type(v).__name__)


def _check_fields(obj: dict[str, Any], required: tuple[str, ...]) -> str | None:
    """None if ``obj`` has every required field as a non-empty string (ids may be integers,
    which become strings); else what is wrong."""
    for k in required:
        v = obj.get(k)
        if k in _ID_FIELDS and isinstance(v, int) and not isinstance(v, bool):
            obj[k] = v = str(v)
        if k not in obj:
            return f"missing field {k!r}"
        if not isinstance(v, str):
            return f"field {k!r} must be a string, not {_type_name(v)}"
        if not v.strip():
            return f"empty field {k!r}"
    return None


def _json_error(e: json.JSONDecodeError) -> str:
    what = e.msg[:-3] if e.msg.endswith(" at") else e.msg  # "Unterminated string starting at"
    return f"malformed JSON ({what} at column {e.colno})"


def _json_rows(path: Path, text: str, problems: Problems) -> Iterator[tuple[int, Any]]:
    """(line, value) for each JSON line, or for each item of a top-level JSON array; lazily,
    so that problems are reported in line order with the caller's."""
    stripped = text.lstrip("\ufeff \t\n")
    if path.suffix.lower() == ".json" and stripped.startswith("["):
        dec = json.JSONDecoder()
        i = text.index("[") + 1
        while True:
            while i < len(text) and text[i] in " \t\n,":
                i += 1
            if i >= len(text) or text[i] == "]":
                break
            try:
                value, j = dec.raw_decode(text, i)
            except json.JSONDecodeError as e:
                problems.report(f"{path}:{e.lineno}", f"{_json_error(e)}; the rest of the file is skipped")
                return
            yield _line_of(text, i), value
            i = j
        return
    for n, line in enumerate(text.split("\n"), 1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            problems.report(f"{path}:{n}", f"{_json_error(e)}; skipped")
            continue
        except RecursionError:
            problems.report(f"{path}:{n}", "malformed JSON (nested too deeply); skipped")
            continue
        yield n, value


def _read_jsonl(path: Path, problems: Problems, required: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """(line, object) for each usable object; problems reported in line order as it is consumed."""
    text = read_text(path, problems)
    if text is None:
        return
    for n, obj in _json_rows(path, text, problems):
        if not isinstance(obj, dict):
            problems.report(f"{path}:{n}", f"expected a JSON object, not {_type_name(obj)}; skipped")
            continue
        wrong = _check_fields(obj, required)
        if wrong:
            problems.report(f"{path}:{n}", f"{wrong}; skipped")
            continue
        yield n, obj


# ---- a corpus folder ------------------------------------------------------------------------------
def read_corpus(path: str | Path, strict: bool = False) -> Corpus:
    path = Path(path)
    problems = Problems(strict=strict)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_file():
        return read_pairs_file(path, problems)
    corpus = Corpus(name=path.name, problems=problems)
    art_dir = path / "articles"
    if not art_dir.is_dir():
        raise InputError(f"{path}: not a corpus folder (no articles/ folder) and not a pairs file")
    src = path / "sources.jsonl"
    if not src.exists():
        raise InputError(f"{src}: missing (a corpus needs the English source units)")
    meta: dict[str, tuple[int, dict]] = {}
    meta_file = path / "articles.jsonl"
    if meta_file.exists():
        for n, obj in _read_jsonl(meta_file, problems, ("id",)):
            if obj["id"] in meta:
                problems.report(f"{meta_file}:{n}", f"duplicate article id {obj['id']!r} (first on line {meta[obj['id']][0]}); skipped")
                continue
            meta[obj["id"]] = (n, obj)
    first_file: dict[str, Path] = {}
    for f in sorted(art_dir.iterdir()):
        if f.name.startswith(".") or not f.is_file():
            continue
        if f.suffix.lower() not in ARTICLE_KINDS:
            problems.report(str(f), f"not an article file ({f.suffix or 'no suffix'}; articles are .txt, .md or .html); skipped")
            continue
        if f.stem in first_file:
            problems.report(str(f), f"duplicate article id {f.stem!r} (also {first_file[f.stem]}); skipped")
            continue
        first_file[f.stem] = f
        raw = read_text(f, problems)
        text = article_text(f, raw, problems) if raw is not None else None
        if text is not None:
            corpus.articles[f.stem] = Article(f.stem, text, meta.get(f.stem, (0, {}))[1])
    for aid, (n, _) in meta.items():
        if aid not in first_file:
            problems.warn(f"{meta_file}:{n}", f"metadata for article {aid!r}, which has no file in {art_dir}")
    for n, obj in _read_jsonl(src, problems, ("id", "text")):
        if obj["id"] in corpus.sources:
            problems.report(f"{src}:{n}", f"duplicate source id {obj['id']!r}; the first is kept")
            continue
        corpus.sources[obj["id"]] = Source(obj["id"], obj["text"], {k: v for k, v in obj.items() if k not in ("id", "text")})
    gold_file = path / "gold.jsonl"
    if gold_file.exists():
        for n, obj in _read_jsonl(gold_file, problems, ("article", "source", "ar")):
            if obj["source"] not in corpus.sources:
                problems.report(f"{gold_file}:{n}", f"unknown source id {obj['source']!r}; skipped")
                continue
            if obj["article"] not in corpus.articles:
                problems.report(f"{gold_file}:{n}", f"unknown article id {obj['article']!r}; skipped")
                continue
            obj["_line"] = n
            corpus.gold.append(obj)
    if (path / "glossary.tsv").exists():
        corpus.glossary = read_glossary(path / "glossary.tsv", problems)
    if not corpus.articles:
        raise problems.fatal(f"{art_dir}: no readable article")
    if not corpus.sources:
        raise problems.fatal(f"{src}: no usable source unit")
    return corpus


def read_glossary(path: Path, problems: Problems) -> list[GlossaryEntry]:
    text = read_text(path, problems) or ""
    out = []

    def split(s: str) -> list[str]:
        return [x.strip() for x in s.split("|") if x.strip()]

    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if n == 1 and cols[0].strip().lower() == "en":
            continue  # header
        if len(cols) < 2 or not cols[0].strip():
            problems.report(f"{path}:{n}", "expected en<TAB>expected ar[<TAB>forbidden ar<TAB>note]; skipped")
            continue
        out.append(GlossaryEntry(cols[0].strip(), split(cols[1]), split(cols[2]) if len(cols) > 2 else [],
                                 cols[3].strip() if len(cols) > 3 else "", f"{path}:{n}"))
    return out


# ---- a pairs file ---------------------------------------------------------------------------------
_CSV_FIELD_LIMIT = 256 * 1024 * 1024  # a cell may hold a whole scraped article


def _csv_rows(path: Path, text: str, problems: Problems) -> Iterator[tuple[int, dict]]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if path.suffix.lower() == ".tsv" else ",",
                        strict=True)
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
    except StopIteration:
        raise InputError(f"{path}: no header line (need id, ar, en)") from None
    except csv.Error as e:
        raise InputError(f"{path}:1: malformed header ({e})") from None
    missing = {"ar", "en"} - set(header)
    if missing:
        raise InputError(f"{path}:1: header lacks column(s) {', '.join(sorted(missing))} (need id, ar, en)")
    return _csv_body(path, reader, header, problems)


def _csv_body(path: Path, reader: Any, header: list[str], problems: Problems) -> Iterator[tuple[int, dict]]:
    last = reader.line_num
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            problems.report(f"{path}:{start}", f"malformed CSV ({e}); skipped")
            last = reader.line_num
            continue
        last = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            problems.report(f"{path}:{start}", f"{len(cells)} columns, the header has {len(header)}; skipped")
            continue
        row = dict(zip(header, cells, strict=False))
        if not (row.get("ar") or "").strip() or not (row.get("en") or "").strip():
            problems.report(f"{path}:{start}", "empty ar or en; skipped")
            continue
        yield start, row


def read_pairs_file(path: Path, problems: Problems) -> Corpus:
    corpus = Corpus(name=path.stem, problems=problems)
    suffix = path.suffix.lower()
    rows: Iterable[tuple[int, dict]]
    if suffix in (".jsonl", ".json", ".ndjson"):
        rows = _read_jsonl(path, problems, ("ar", "en"))
    elif suffix in (".csv", ".tsv"):
        text = read_text(path, problems)
        if text is None:
            raise problems.fatal(f"{path}: nothing readable")
        rows = _csv_rows(path, text, problems)
    else:
        raise InputError(f"{path}: unknown pairs file type {suffix!r} (use .jsonl, .json, .csv or .tsv)")
    seen: dict[str, int] = {}
    for n, row in rows:
        rid = row.get("id")
        pid = str(rid).strip() if rid not in (None, "") and not isinstance(rid, (dict, list)) else f"line{n}"
        if pid in seen:
            problems.report(f"{path}:{n}", f"duplicate id {pid!r} (first on line {seen[pid]}); skipped")
            continue
        seen[pid] = n
        corpus.pairs.append((pid, row["ar"], row["en"]))
    if not corpus.pairs:
        raise problems.fatal(f"{path}: no usable pair")
    return corpus


__all__ = ["Article", "Corpus", "GlossaryEntry", "InputError", "Problems", "Source", "article_text", "decode_bytes",
           "read_corpus", "read_glossary", "read_pairs_file", "read_text", "repair_mojibake"]
