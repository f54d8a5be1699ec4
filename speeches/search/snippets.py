"""Keyword-in-context snippets: every match in the shown fragments wrapped in <mark>, all text escaped.

Matches are found in the normalised text and cut from the original: normalisation keeps one
character for one character, so the offsets are the same (发展 in the query marks 發展 in a
traditional text). Whoosh's highlighter, which haystack calls, re-analyses the text with a
stemming analyzer and finds nothing in Chinese; this needs no analyzer at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .normalize import normalize

CONTEXT = 30  # characters shown on each side of a match
FRAGMENTS = 3  # fragments per snippet, in text order
LEAD = 2 * CONTEXT  # characters shown when nothing matched (a filter-only or empty query)
MAX_MATCHES = 500  # per string and section; a one-character query in a long section stops here
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    html: str  # escaped text with <mark>…</mark> around matches
    first: int | None  # offset of the first match in the text, None if nothing matched


def spans(text: str, strings: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the (normalised) strings in normalised `text`, merged."""
    found = []
    for needle in strings:
        start = text.find(needle)
        while start >= 0 and len(found) < MAX_MATCHES * len(strings):
            found.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def snippet(text: str, strings: list[str]) -> Snippet:
    """The snippet of original `text` for the query's normalised strings."""
    marks = spans(normalize(text), strings)
    if not marks:
        cut = text[:LEAD]
        return Snippet(_flat(escape(cut)).strip() + (ELLIPSIS if len(text) > LEAD else ""), None)
    windows = _windows(marks, len(text))[:FRAGMENTS]
    parts = [_render(text, window, marks).strip() for window in windows]
    html = ELLIPSIS.join(parts)
    if windows[0][0] > 0:
        html = ELLIPSIS + html
    if windows[-1][1] < len(text):
        html += ELLIPSIS
    return Snippet(html, marks[0][0])


def _windows(marks, size):
    windows: list[list[int]] = []
    for start, end in marks:
        low, high = max(0, start - CONTEXT), min(size, end + CONTEXT)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    return windows


def _render(text, window, marks) -> str:
    low, high = window
    out, cursor = [], low
    for start, end in marks:
        if end <= low or start >= high:
            continue
        start, end = max(start, low), min(end, high)
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:high]))
    return _flat("".join(out))


def _flat(html: str) -> str:
    # Paragraph breaks inside a fragment read as spaces in a one-line snippet.
    return html.replace("\n", " ")
