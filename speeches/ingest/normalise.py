"""Step 2: one canonical form of the text, so later steps match on literal strings.

NFC; full-width ASCII letters and digits to half-width (punctuation stays as written);
zero-width and control characters out; every line ending becomes "\\n".
"""
from __future__ import annotations

import re
import unicodedata


def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):  # ０-９ Ａ-Ｚ ａ-ｚ
        for cp in range(lo, hi + 1):
            table[cp] = chr(cp - 0xFEE0)
    controls = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
    for cp in controls:
        table[cp] = None
    for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F):  # zero-width, soft hyphen
        table[cp] = None
    for cp in (0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029):  # stray line breaks of other systems
        table[cp] = "\n"
    table[0x09] = " "
    table[0xA0] = " "
    return table


_TABLE = _table()
# str.translate looks every character up in a dict; finding the rare ones first is faster.
_NEEDS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]+")


def normalise(text: str) -> str:
    """The canonical form described in the module docstring."""
    text = text.replace("\r\n", "\n")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _NEEDS.sub(lambda m: m.group().translate(_TABLE), text)
