"""The one normalisation applied to section text at index time and to queries at search time.

Full-width → half-width and compatibility forms (NFKC), lower case, traditional → simplified
(OpenCC t2s). It maps each character to exactly one character, so `normalize(t)[i:j]` is the
normalised form of `t[i:j]`: offsets found in the normalised text mark the same span in the
original, and snippets are cut from the original text with them.

The price of keeping one character for one character: OpenCC is used character by character, not
phrase by phrase. Its phrase tables would pick 乾 in 乾隆 but 干 in 乾燥, and a query 乾 typed
alone could then not agree with the text; per character, 乾 is always 干, in text and query
alike. The normalised text is never shown, so only that agreement matters. Mappings that would
change the length (NFKC's ㈠ → (一), ß → ss) are left out for the same reason.
"""
from __future__ import annotations

import unicodedata
from functools import cache

import opencc

# NFKC and case can only change characters below U+3400 or in the compatibility blocks from
# U+F900 (CJK compatibility ideographs, presentation forms, full-width forms).
_COMPAT_RANGES = (range(0x0000, 0x3400), range(0xF900, 0x10000))
# OpenCC's t2s characters: CJK extension A and the unified block, and the compatibility block.
_HAN_RANGES = (range(0x3400, 0xA000), range(0xF900, 0xFB00))


@cache
def _table() -> dict[int, str]:
    t2s = _opencc_characters()
    table: dict[int, str] = {}
    for block in _COMPAT_RANGES:
        for code in block:
            if 0xD800 <= code < 0xE000:  # surrogates are not characters
                continue
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char).lower()
            if len(folded) != 1:
                folded = char
            folded = t2s.get(folded, folded)
            if folded != char:
                table[code] = folded
    for char, simplified in t2s.items():
        table.setdefault(ord(char), simplified)
    return table


def _opencc_characters() -> dict[str, str]:
    chars = [chr(code) for block in _HAN_RANGES for code in block]
    # One call with a separator no phrase can span: 25 ms instead of 30,000 calls.
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert len(converted) == len(chars), "OpenCC changed the line count"
    return {c: s for c, s in zip(chars, converted) if c != s and len(s) == 1}


def normalize(text: str) -> str:
    """Width, case and script folded; the result has exactly the length of `text`."""
    return text.translate(_table())


def warm_up() -> None:
    """Build the table now (process start-up) instead of on the first request."""
    _table()
