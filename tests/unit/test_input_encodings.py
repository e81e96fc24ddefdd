"""Bytes → text: every encoding a scraped corpus arrives in is read right, converted with a
warning naming the file and the encoding, or refused with a clear message; never garbled."""

from __future__ import annotations

import pytest

from align.corpus import InputError, Problems, read_text

AR = ("أهدى فلاديمير بوتين الدكتاتور الكوري الشمالي قفازا رائدا وبندقية مستخدمة خلال زيارته.\n"
      "وقال الكرملين إن الزيارة كانت ناجحة وإن العلاقات بين البلدين قوية.")
EN = "Vladimir Putin gifted the North Korean dictator a “used” cosmonaut glove — and a rifle."


def read(tmp_path, name: str, data: bytes, strict: bool = False) -> tuple[str | None, list[str], str]:
    path = tmp_path / name
    path.write_bytes(data)
    pr = Problems(strict=strict)
    return read_text(path, pr), pr.messages, str(path)


@pytest.mark.parametrize(("name", "data"), [
    ("plain.txt", AR.encode("utf-8")),
    ("bom.txt", b"\xef\xbb\xbf" + AR.encode("utf-8")),
    ("crlf.txt", AR.replace("\n", "\r\n").encode("utf-8")),
    ("cr.txt", AR.replace("\n", "\r").encode("utf-8")),
])
def test_utf8_with_or_without_bom_and_any_line_end_reads_silently(tmp_path, name, data):
    text, msgs, _ = read(tmp_path, name, data)
    assert text == AR  # the BOM is not text; CRLF and CR become \n
    assert msgs == []


@pytest.mark.parametrize(("data", "enc"), [
    (AR.encode("utf-16"), "UTF-16-LE"),  # Python writes a little-endian BOM
    (b"\xfe\xff" + AR.encode("utf-16-be"), "UTF-16-BE"),
    (AR.encode("utf-32"), "UTF-32-LE"),
])
def test_utf16_and_utf32_with_bom(tmp_path, data, enc):
    text, msgs, path = read(tmp_path, "u.txt", data)
    assert text == AR
    assert msgs == [f"{path}: read as {enc} (byte-order mark)"]


@pytest.mark.parametrize(("text", "enc"), [(AR, "utf-16-le"), (AR, "utf-16-be"), (EN, "utf-16-le")])
def test_utf16_without_bom_is_recognised(tmp_path, text, enc):
    got, msgs, path = read(tmp_path, "u.txt", text.replace("\n", "\r\n").encode(enc))
    assert got == text
    assert msgs == [f"{path}: no byte-order mark; read as {enc.upper()} (detected)"]


def test_windows_1256_is_detected_and_converted_with_a_warning(tmp_path):
    data = AR.encode("cp1256")
    assert b"\xc7\xe1" in data  # real Windows-1256 bytes («ال»), not UTF-8
    text, msgs, path = read(tmp_path, "legacy.txt", data)
    assert text == AR
    assert msgs == [f"{path}: not UTF-8; read as Windows-1256 (Arabic), detected"]


def test_windows_1256_even_for_two_words(tmp_path):
    text, msgs, path = read(tmp_path, "short.txt", "قال الرئيس".encode("cp1256"))
    assert text == "قال الرئيس"
    assert msgs == [f"{path}: not UTF-8; read as Windows-1256 (Arabic), detected"]


def test_iso_8859_6_is_told_apart_from_windows_1256(tmp_path):
    ar = "قال الرئيس إن الاتفاق تاريخي وإن العلاقات بين البلدين قوية"
    text, msgs, path = read(tmp_path, "iso.txt", ar.encode("iso8859_6"))
    assert text == ar
    assert msgs == [f"{path}: not UTF-8; read as ISO-8859-6 (Arabic), detected"]


def test_the_charset_a_page_declares_is_used(tmp_path):
    page = '<html><head><meta charset="windows-1256"></head><body><p>' + AR + "</p></body></html>"
    text, msgs, path = read(tmp_path, "page.html", page.encode("cp1256"))
    assert text == page
    assert msgs == [f"{path}: not UTF-8; read as Windows-1256 (Arabic), the charset the page declares"]


def test_windows_1252_english_source(tmp_path):
    text, msgs, path = read(tmp_path, "en.txt", EN.encode("cp1252"))
    assert text == EN
    assert msgs == [f"{path}: not UTF-8; read as Windows-1252 (Western), detected"]


def test_undetectable_encoding_is_refused_with_its_line(tmp_path):
    data = b"line one is ascii\n" + bytes(range(0x80, 0x100)) * 8
    text, msgs, path = read(tmp_path, "junk.txt", data)
    assert text is None
    assert len(msgs) == 1
    assert msgs[0].startswith(f"{path}:2: not UTF-8, and its encoding could not be detected with confidence")
    assert msgs[0].endswith("skipped: convert the file to UTF-8")


def test_undetectable_encoding_stops_a_strict_run(tmp_path):
    with pytest.raises(InputError, match=r"junk\.txt:1: not UTF-8, .*with confidence.*: convert the file to UTF-8$"):
        read(tmp_path, "junk.txt", bytes(range(0x80, 0x100)) * 8, strict=True)


def test_a_few_bad_bytes_in_utf8_are_replaced_and_reported(tmp_path):
    data = AR.encode() + b"\n" + "سطر ثالث".encode() + b"\xff" + "تكملة".encode()
    text, msgs, path = read(tmp_path, "bad.txt", data)
    assert text == AR + "\nسطر ثالث\ufffdتكملة"
    assert msgs == [f"{path}:3: 1 invalid UTF-8 byte sequence(s) replaced with U+FFFD (first on this line)"]


def _sloppy_cp1252(data: bytes) -> str:
    """What Windows-1252 readers make of bytes: its character where it has one, else Latin-1's."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize("misread", [_sloppy_cp1252, lambda b: b.decode("latin-1")], ids=["cp1252", "latin-1"])
def test_utf8_arabic_misread_as_latin_is_repaired(tmp_path, misread):
    moji = misread(AR.encode("utf-8"))  # what a Latin reader makes of it, saved again as UTF-8
    assert moji.startswith("Ø£Ù")  # «أ…»
    text, msgs, path = read(tmp_path, "moji.txt", moji.encode("utf-8"))
    assert text == AR
    assert msgs == [f"{path}:1: Arabic mis-decoded as Latin (mojibake: UTF-8 read as Windows-1252) on 2 line(s); repaired"]


def test_windows_1256_arabic_misread_as_windows_1252_is_repaired(tmp_path):
    moji = "عنوان\n" + AR.encode("cp1256").decode("cp1252")  # «ÞÇá ÇáÑÆíÓ»: a correct title line, then two misread
    text, msgs, path = read(tmp_path, "moji.txt", moji.encode("utf-8"))
    assert text == "عنوان\n" + AR
    assert msgs == [f"{path}:2: Arabic mis-decoded as Latin (mojibake: Windows-1256 read as Windows-1252) on 2 line(s); repaired"]


def test_mojibake_that_lost_bytes_is_refused_not_kept_as_garbage(tmp_path):
    lossy = AR.encode("utf-8").decode("cp1252", errors="replace")  # «ف» (D9 81) has no cp1252 character
    assert "\ufffd" in lossy
    text, msgs, path = read(tmp_path, "lossy.txt", lossy.encode("utf-8"))
    assert text is None
    assert msgs == [f"{path}:1: Arabic mis-decoded as Latin (mojibake) on 1 line(s), with bytes lost (U+FFFD): "
                    "it cannot be repaired; skipped: export the file again as UTF-8"]


def test_latin_text_with_accents_is_not_mistaken_for_mojibake(tmp_path):
    fr = "Le président a déclaré à Pyongyang que l'accord était « historique »."
    text, msgs, _ = read(tmp_path, "fr.txt", fr.encode("utf-8"))
    assert text == fr and msgs == []


@pytest.mark.parametrize(("data", "what"), [
    (b"", "empty file; skipped"),
    (b" \n\r\n\t ", "empty file; skipped"),
    (b"\xef\xbb\xbf", "no text (only spaces, marks or invisible characters); skipped"),
    ("\u200f\u200b\u0640\u064e\n".encode(), "no text (only spaces, marks or invisible characters); skipped"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file (NUL bytes), not text; skipped"),
    (bytes(range(14, 32)) * 40, "binary data, not text (720 control characters); skipped"),
], ids=["empty", "spaces", "bom-only", "invisible-only", "png", "controls"])
def test_empty_and_binary_files_are_skipped_with_a_message(tmp_path, data, what):
    text, msgs, path = read(tmp_path, "f.txt", data)
    assert text is None
    assert msgs == [f"{path}: {what}"]


def test_stray_control_characters_are_kept_and_reported(tmp_path):
    data = (AR + "\nسطر\x07 آخر\x1b").encode()
    text, msgs, path = read(tmp_path, "ctl.txt", data)
    assert text == AR + "\nسطر\x07 آخر\x1b"
    assert msgs == [f"{path}:3: 2 control character(s) (first U+0007); kept, ignored for matching"]


def test_unreadable_file_is_reported(tmp_path):
    pr = Problems()
    d = tmp_path / "dir.txt"
    d.mkdir()
    assert read_text(d, pr) is None
    assert len(pr.messages) == 1 and pr.messages[0].startswith(f"{d}: cannot read:")
