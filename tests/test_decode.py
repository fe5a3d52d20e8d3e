import codecs

import pytest

from storyline.errors import DecodeError, EmptyInputError
from storyline.ingest.decode import decode_text

BODY = "The council met on Tuesday — and voted “yes” on the café budget."


def test_utf8_is_read_as_is():
    text, encoding, warnings = decode_text(BODY.encode("utf-8"), "a.txt")
    assert (text, encoding, warnings) == (BODY, "utf-8", ())


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    text, used, _ = decode_text(bom + BODY.encode(encoding), "a.txt")
    assert text == BODY and used == "utf-16"


def test_utf8_bom_is_dropped():
    text, used, _ = decode_text(codecs.BOM_UTF8 + BODY.encode("utf-8"), "a.txt")
    assert text == BODY and used == "utf-8-sig"


def test_latin1_is_decoded_with_a_warning():
    data = ("Le conseil a voté le budget du café à Genève. " * 5).encode("latin-1")
    text, used, warnings = decode_text(data, "fr.txt")
    assert "voté" in text and "café" in text
    assert used != "utf-8"
    assert warnings and "fr.txt: not valid UTF-8" in warnings[0]


def test_invalid_utf8_names_the_offset():
    data = ("A clean sentence about the harbour. " * 3).encode() + b"\xff\xfe\xfa bad"
    _, _, warnings = decode_text(data, "bad.txt")
    assert "bad byte at offset 108" in warnings[0]


def test_binary_is_refused():
    with pytest.raises(DecodeError, match=r"img.png: looks like binary data"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "img.png")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_is_refused(data):
    with pytest.raises(EmptyInputError, match=r"e.txt: the input is empty"):
        decode_text(data, "e.txt")
