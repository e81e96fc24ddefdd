"""align.dictionary: the dictd reader, English lemmas, and the translation look-ups."""

from __future__ import annotations

import gzip
import logging

import pytest

from align import dictionary as dic


def _b64(n: int) -> str:
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = ""
    while True:
        out = digits[n % 64] + out
        n //= 64
        if n == 0:
            return out


def write_dictd(folder, name: str, entries: list[tuple[str, str]], compress: bool = True) -> None:
    """A dictd dictionary: ``name.index`` and ``name.dict.dz`` (gzip) or ``name.dict``."""
    body = b""
    index = ["00databaseinfo\tA\tB"]
    for head, text in entries:
        raw = text.encode("utf-8")
        index.append(f"{head}\t{_b64(len(body))}\t{_b64(len(raw))}")
        body += raw
    (folder / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    if compress:
        with gzip.open(folder / f"{name}.dict.dz", "wb") as fh:
            fh.write(body)
    else:
        (folder / f"{name}.dict").write_bytes(body)


@pytest.mark.parametrize("text,value", [("A", 0), ("B", 1), ("BA", 64), ("/", 63), ("BAA", 4096), ("CdS", 2 * 4096 + 29 * 64 + 18)])
def test_dictd_numbers(text, value):
    assert dic._b64_number(text) == value


@pytest.mark.parametrize("compress", [True, False])
def test_dictd_reader(tmp_path, compress):
    write_dictd(tmp_path, "toy", [
        ("المصنع", "المصنع /ʔalmˈas̪naʕ/\n1. Factory\n2. Manufactory\n"),
        ("plant", "Plant /plˈant/\nالنبات\n"),
        ("plant", "Plant /plˈant/\nالمصنع\n"),
    ], compress=compress)
    d = dic.DictdDictionary.find("toy", dirs=(str(tmp_path / "nowhere"), str(tmp_path)))
    assert d is not None and len(d) == 2 and "plant" in d and "00databaseinfo" not in d
    assert d.lookup("المصنع") == ["Factory", "Manufactory"]
    assert d.lookup("plant") == ["النبات", "المصنع"]  # two entries for one headword
    assert d.lookup("missing") == []
    assert dict(d.entries())["plant"] == ["النبات", "المصنع"]


def test_dictd_missing_folder_gives_none(tmp_path, monkeypatch):
    monkeypatch.delenv("MUQABALA_DICTD_DIR", raising=False)
    assert dic.DictdDictionary.find("freedict-ara-eng", dirs=(str(tmp_path),)) is None


def test_missing_freedict_warns_and_degrades(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("MUQABALA_DICTD_DIR", str(tmp_path))
    monkeypatch.setattr(dic, "DICTD_DIRS", (str(tmp_path),))
    dic._freedict.cache_clear()
    dic._warned.clear()
    try:
        with caplog.at_level(logging.WARNING, logger="muqabala"):
            assert dic._freedict(dic.AR_EN) is None
            assert dic._freedict(dic.AR_EN) is None
        warnings = [r for r in caplog.records if "dict-freedict-ara-eng" in r.getMessage()]
        assert len(warnings) == 1  # once, with the install hint
    finally:
        dic._freedict.cache_clear()
        dic._warned.clear()


def test_env_folder_is_searched_first(tmp_path, monkeypatch):
    write_dictd(tmp_path, "freedict-ara-eng", [("مصنع", "مصنع\nFactory\n")])
    monkeypatch.setenv("MUQABALA_DICTD_DIR", str(tmp_path))
    d = dic.DictdDictionary.find("freedict-ara-eng", dirs=())
    assert d is not None and d.lookup("مصنع") == ["Factory"]


@pytest.mark.parametrize("word,lemma", [("marked", "mark"), ("rates", "rate"), ("closes", "close"),
                                        ("went", "go"), ("cosmonauts", "cosmonaut"), ("Plants", "plant")])
def test_en_lemmas(word, lemma):
    assert lemma in dic.en_lemmas(word)
    assert word.lower() in dic.en_lemmas(word)


@pytest.mark.parametrize("bw,ar", [("maSonaE", "مصنع"), ("{ihotimAm", "اهتمام"), ("fA}idap", "فائدة"), ("quf~Az", "قفاز")])
def test_buckwalter_to_arabic(bw, ar):
    assert dic.buckwalter_to_arabic(bw) == ar


# Buckwalter alone decides these (no FreeDict needed).
@pytest.mark.parametrize("ar,en,expected", [
    ("المصنع", "factory", True),
    ("المصنع", "plant", True),  # factory; industrial plant
    ("قفازًا", "glove", True),  # tanween and suffix off
    ("وبندقية", "rifle", True),  # و split off
    ("معدلات", "rates", True),
    ("النبتة", "factory", False),
    ("قفازًا", "gifted", False),
    ("المصنع", "glove", False),
    ("كذاطمقث", "glove", None),  # unknown Arabic word
    ("المصنع", "xqzvbw", None),  # unknown English word
])
def test_is_translation(ar, en, expected):
    assert dic.is_translation(ar, en) is expected


def test_ar_glosses_split_clitics():
    assert {"rifle"} <= dic.ar_glosses("وبندقية")
    assert {"factory"} <= dic.ar_glosses("والمصنع")
    assert dic.ar_glosses("كذاطمقث") == set()


def test_en_translations_offer_both_senses_of_plant():
    ts = dic.en_translations("plant")
    assert "مصنع" in ts and "نبات" in ts
    assert "مصنع" in dic.en_translations("factory")
    assert all("ال" != t[:2] or len(t) <= 3 for t in ts)  # FreeDict's article is taken off


@pytest.mark.skipif(not dic.freedict_available(), reason="FreeDict (dict-freedict-ara-eng, dict-freedict-eng-ara) not installed")
def test_freedict_contributes():
    # FreeDict's ara-eng glosses النبتة "shoot"; Buckwalter says sprout; seedling
    assert "shoot" in dic.ar_glosses("النبتة")
    assert "قفاز" in dic.en_translations("glove")
    assert any(t.source == dic.EN_AR for t in dic.ranked_translations("factory"))
