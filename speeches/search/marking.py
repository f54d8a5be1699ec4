"""Marks every match of a search in whole paragraphs, for the speech page opened from a hit."""
from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from .engine import compile_query
from .engine.query import SearchError
from .normalize import normalize
from .snippets import spans


def query_strings(q: str) -> list[str]:
    """The normalised words and phrases a query finds; [] for an empty or malformed query."""
    try:
        return list(compile_query(q).marks) if q.strip() else []
    except SearchError:
        return []


def highlight(text: str, strings: list[str]) -> SafeString:
    """`text` escaped, with each occurrence of `strings` in <mark> (offsets survive normalising)."""
    if not strings:
        return mark_safe(escape(text))
    out, cursor = [], 0
    for start, end in spans(normalize(text), strings):
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))
