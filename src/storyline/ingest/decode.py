"""Bytes to text: BOMs, UTF-8, legacy encodings, and a clear refusal for binary data."""

from __future__ import annotations

import codecs

import charset_normalizer

from storyline.errors import DecodeError, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab, newline, carriage return and form feed: text has almost none.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > max(2, len(sample) // 100)


def decode_text(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode article bytes to text.

    A byte-order mark decides the encoding; otherwise strict UTF-8; otherwise the encoding that
    charset-normalizer finds, with a warning saying so.

    Args:
        data: the bytes as received.
        source: the input's name, for messages.

    Returns:
        ``(text, encoding, warnings)``.

    Raises:
        EmptyInputError: there are no bytes, or only white space.
        DecodeError: the bytes are binary or fit no text encoding.
    """
    if not data.strip():
        raise EmptyInputError(source, "the input is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    source, f"starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason} at byte {exc.start})"
                ) from None
            return _checked(text, source), encoding, ()
    if _looks_binary(data):
        raise DecodeError(source, "looks like binary data, not text (it holds NUL or control bytes)", "give a text, HTML, JSON or feed file")
    try:
        return _checked(data.decode("utf-8"), source), "utf-8", ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None:
        raise DecodeError(source, f"is not valid UTF-8 (bad byte at offset {first_bad}) and fits no other text encoding")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(source, f"is not valid UTF-8 (bad byte at offset {first_bad}) and does not decode as {encoding} either") from None
    warning = f"{source}: not valid UTF-8 (bad byte at offset {first_bad}); decoded as {encoding}"
    return _checked(text, source), encoding, (warning,)


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise EmptyInputError(source, "the input holds only white space")
    return text
