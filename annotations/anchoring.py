"""Where notes are anchored: finding a note's words again after the text changed.

Pure Python, no Django: a note (and a reader's tag on words) stores its target the way the W3C
Web Annotation model does (https://www.w3.org/TR/annotation-model/#selectors): the section
anchor, a TextQuoteSelector (exact words, with up to CONTEXT characters before and after) and a
TextPositionSelector (start, end in the section text). When a speech is re-imported or re-parsed
its sections are recreated, and the words may have moved, changed or gone. `reanchor()` decides
where they are now, in this order:

1. exact position: the section still holds the same words at the same offsets;
2. the quote with its context: an occurrence of the exact words whose surroundings still match
   the stored prefix/suffix for MIN_CONTEXT characters (in the same section first, then anywhere in the speech, since
   anchors are positions in the outline and shift when a heading is added before);
3. a bounded fuzzy match: the words were edited, but the context on at least one side is still
   there, and what lies next to it is similar enough (difflib ratio >= FUZZY_MIN_RATIO);
4. otherwise the note is detached (shown as "原文已变动" with the words it was written on).

It never moves a note to a look-alike passage: an occurrence of the same words elsewhere without
the note's context is not the note's passage (the failure annotation tools' users report most),
and two equally good candidates are a tie, which detaches rather than guesses.

Usage (also what reader tags reuse):

    >>> q = Quote(anchor="s1", exact="营商环境", prefix="持续优化", suffix="，激发", start=4, end=8)
    >>> reanchor(q, {"s1": "我们要持续优化营商环境，激发市场活力。"})
    Placement(anchor='s1', start=7, end=11, how='moved')
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, Mapping

CONTEXT = 32  # characters of prefix and suffix kept with a quote (Hypothesis keeps 32 too)
FUZZY_MAX_QUOTE = 500  # longer quotes are only found exactly: fuzzy cost grows with length squared
FUZZY_MIN_RATIO = 0.6
# An exact occurrence is the note's passage when this much of the stored context still surrounds
# it: 8 characters (a look-alike passage differs within a character or two of the quote), or half
# the stored context when less was stored (a quote at the start or end of a section).
MIN_CONTEXT = 8

How = Literal["exact", "moved", "fuzzy", "detached"]


@dataclass(frozen=True)
class Quote:
    """A stored target: section anchor + TextQuoteSelector + TextPositionSelector."""

    anchor: str
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Placement:
    """Where the words are now. `how` is exact | moved | fuzzy | detached (anchor None)."""

    anchor: str | None
    start: int = 0
    end: int = 0
    how: How = "detached"

    @property
    def detached(self) -> bool:
        return self.anchor is None


DETACHED = Placement(None)


def quote_at(text: str, start: int, end: int, *, anchor: str) -> Quote:
    """The Quote for text[start:end] of a section, with its context."""
    return Quote(anchor=anchor, exact=text[start:end], prefix=text[max(0, start - CONTEXT):start],
                 suffix=text[end:end + CONTEXT], start=start, end=end)


def reanchor(quote: Quote, sections: Mapping[str, str]) -> Placement:
    """Find `quote` in a speech's sections ({anchor: section text}); see the module docstring."""
    if not quote.exact:
        return DETACHED
    text = sections.get(quote.anchor)
    if text is not None and text[quote.start:quote.end] == quote.exact:
        return Placement(quote.anchor, quote.start, quote.end, "exact")
    found = _by_context(quote, sections)
    if found is None and len(quote.exact) <= FUZZY_MAX_QUOTE:
        found = _fuzzy(quote, sections)
    return found or DETACHED


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _context_score(quote: Quote, text: str, start: int, end: int) -> int:
    """How many stored context characters still surround text[start:end]."""
    before = text[max(0, start - len(quote.prefix)):start]
    after = text[end:end + len(quote.suffix)]
    return _common_suffix(quote.prefix, before) + _common_prefix(quote.suffix, after)


def _enough_context(quote: Quote, score: int) -> bool:
    stored = len(quote.prefix) + len(quote.suffix)
    if stored == 0:  # the quote was a whole section: only its own words can tell
        return True
    return score >= max(1, min(MIN_CONTEXT, stored / 2))


def _by_context(quote: Quote, sections: Mapping[str, str]) -> Placement | None:
    """The occurrence of the exact words with the most context left; a tie is no answer."""
    candidates = []  # (score, same section, -distance, anchor, start)
    for anchor, text in sections.items():
        at = text.find(quote.exact)
        while at != -1:
            score = _context_score(quote, text, at, at + len(quote.exact))
            if _enough_context(quote, score):
                same = anchor == quote.anchor
                candidates.append((score, same, -abs(at - quote.start) if same else 0, anchor, at))
            at = text.find(quote.exact, at + 1)
    if not candidates:
        return None
    candidates.sort(reverse=True)
    best = candidates[0]
    if len(candidates) > 1 and candidates[1][:2] == best[:2] and not best[1]:
        return None  # the same words with the same context in two other sections: ambiguous
    if len(candidates) > 1 and candidates[1][:3] == best[:3]:
        return None
    return Placement(best[3], best[4], best[4] + len(quote.exact), "moved")


def _fuzzy(quote: Quote, sections: Mapping[str, str]) -> Placement | None:
    """The edited words between (or next to) the stored context, in the note's own section, or
    in another section when the context is found there exactly once."""
    order = [quote.anchor] + [a for a in sections if a != quote.anchor]
    for anchor in order:
        text = sections.get(anchor)
        if text is None:
            continue
        found = _fuzzy_in(quote, text)
        if found:
            return Placement(anchor, found[0], found[1], "fuzzy")
    return None


def _edge(context: str, *, tail: bool) -> str:
    """The part of the context nearest the quote, long enough to mean something."""
    n = min(len(context), 12)
    return context[-n:] if tail else context[:n]


def _unique_find(text: str, needle: str) -> int:
    if len(needle) < 4:  # two or three characters recur everywhere in Chinese prose
        return -1
    at = text.find(needle)
    return at if at != -1 and text.find(needle, at + 1) == -1 else -1


def _fuzzy_in(quote: Quote, text: str) -> tuple[int, int] | None:
    size = len(quote.exact)
    head, tail = _edge(quote.prefix, tail=True), _edge(quote.suffix, tail=False)
    left = _unique_find(text, head)
    right = _unique_find(text, tail)
    left_end = left + len(head) if left != -1 else -1
    if left_end != -1 and right != -1 and right >= left_end:
        spans = [(left_end, right)]
    elif left_end != -1:
        spans = [(left_end, left_end + n) for n in _lengths(size)]
    elif right != -1:
        spans = [(right - n, right) for n in _lengths(size)]
    else:
        return None
    best, best_ratio = None, FUZZY_MIN_RATIO
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if end - start > 2 * size + 10 or end <= start:
            continue  # bounded: far more text than the quote is not "the quote, edited"
        ratio = SequenceMatcher(None, quote.exact, text[start:end], autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = (start, end), ratio
    return best


def _lengths(size: int) -> range:
    """Candidate lengths for an edited quote found by one side of its context."""
    return range(max(1, size // 2), size * 3 // 2 + 2)
