"""Evidence: find where a line or value the later steps worked on sits in the original text.

The steps after normalising strip lines, glue broken lines and split one-line texts, so a
snippet is looked up rather than carried along: verbatim first, then allowing white space
between its characters ('李　强' for '李强', a title joined from two lines).
"""
from __future__ import annotations

import re

from .model import Evidence, Removed

# Snippets longer than this are looked up verbatim only (a regex with \s* between every
# character of a long line would cost more than the rest of the parse).
_FUZZY_MAX = 160


def locate(original: str, snippet: str, cursor: int = 0) -> tuple[int, int] | None:
    """(start, end) of snippet in original at or after cursor, then anywhere; None if absent."""
    snippet = snippet.strip()
    if not snippet:
        return None
    for start_at in (cursor, 0) if cursor else (0,):
        pos = original.find(snippet, start_at)
        if pos >= 0:
            return pos, pos + len(snippet)
    compact = re.sub(r"\s+", "", snippet)
    if not compact or len(compact) > _FUZZY_MAX:
        return None
    pattern = re.compile(r"\s*".join(map(re.escape, compact)))
    for start_at in (cursor, 0) if cursor else (0,):
        match = pattern.search(original, start_at)
        if match:
            return match.start(), match.end()
    return None


def evidence(original: str, found: dict[str, tuple[str, str, str]]) -> dict[str, Evidence]:
    """field -> (snippet, rule, line) as metadata recorded it, to Evidence spans of original.

    The snippet is looked for inside the line it was read from when that is known, so that a
    city is shown in the office line it came from, not where the same word first occurs."""
    out: dict[str, Evidence] = {}
    for name, (snippet, rule, line) in found.items():
        around = locate(original, line) if line else None
        span = None
        if around:
            inner = locate(original[around[0]: around[1]], snippet)
            span = (around[0] + inner[0], around[0] + inner[1]) if inner else None
        span = span or locate(original, snippet)
        if span:
            out[name] = Evidence(original[span[0]: span[1]], span[0], span[1], rule)
    return out


def removed_lines(original: str, cuts: list[tuple[str, str]]) -> tuple[Removed, ...]:
    """(text, rule) in file order to Removed spans; a cut not found keeps offsets -1."""
    out: list[Removed] = []
    cursor = 0
    for text, rule in cuts:
        span = locate(original, text, cursor)
        if span:
            cursor = span[1]
            out.append(Removed(original[span[0]: span[1]], span[0], span[1], rule))
        else:
            out.append(Removed(text, -1, -1, rule))
    return tuple(out)
