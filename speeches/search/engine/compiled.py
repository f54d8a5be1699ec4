"""A search compiled once: its plan, its ranking terms and the strings to mark, in one object.

jieba cuts each unquoted chunk once here; matching (matching.py), ranking (ranking.py) and
marking (snippets, the speech page, the concordance) all read the same CompiledQuery.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis import query_words
from ..schema import CONTENT, GRAMS
from . import query as q


@dataclass(frozen=True)
class Term:
    field: str
    text: str


@dataclass(frozen=True)
class Substring:
    text: str


@dataclass(frozen=True)
class AllOf:
    nodes: tuple


@dataclass(frozen=True)
class AnyOf:
    nodes: tuple


@dataclass(frozen=True)
class Without:
    node: object


@dataclass(frozen=True)
class CompiledQuery:
    text: str  # as typed
    query: q.Query  # parsed, with the filters as clauses
    plan: AllOf  # posting-list operations (matching.py)
    words: tuple[str, ...]  # jieba words, ranked by their postings
    strings: tuple[str, ...]  # exact strings, ranked by their own frequency
    marks: tuple[str, ...]  # normalised strings a hit is found by: what snippets mark

    @property
    def ranks(self) -> bool:
        return bool(self.words or self.strings)


def compile_query(text: str = "", filters: Mapping[str, Iterable[str]] | None = None) -> CompiledQuery:
    """Parse `text` (SearchError when too long) and AND the filters (values of one facet OR-ed)."""
    parsed = q.parse(text)
    query = q.Query(parsed.clauses + _filter_clauses(filters or {}))
    cut = _Cutter()
    plan = AllOf(_unique(_plan(clause, cut) for clause in query.clauses))
    marks, typed = _marks(parsed, cut)
    # Quoted strings and one-character words rank by their own frequency (ranking.py): jieba may
    # have made them part of longer words in the text.
    words = tuple(s for s in marks if len(s) > 1 and s in typed)
    strings = tuple(s for s in marks if s not in words)
    return CompiledQuery(text, query, plan, words, strings, marks)


class _Cutter:
    """jieba's words of each unquoted chunk, cut once."""

    def __init__(self):
        self.chunks: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        if text not in self.chunks:
            self.chunks[text] = query_words(text)
        return self.chunks[text]


def _filter_clauses(filters) -> tuple:
    return tuple(
        q.Filter(name, values[0]) if len(values) == 1 else q.AnyOf(tuple(q.Filter(name, v) for v in values))
        for name, values in ((name, tuple(values)) for name, values in filters.items()) if values
    )


def _plan(node, cut):
    if isinstance(node, q.Words):
        words = cut(node.text)
        if not words:  # only punctuation: the string itself
            return Substring(node.text.strip())
        # A word jieba leaves as one character is looked up as a character: exact, like quoting it.
        return AllOf(_unique(Term(GRAMS, w) if len(w) == 1 else Term(CONTENT, w) for w in words))
    if isinstance(node, q.Phrase):
        return Substring(node.text)
    if isinstance(node, q.Filter):
        return Term(node.field, node.value)
    if isinstance(node, q.Not):
        return Without(_plan(node.node, cut))
    return AnyOf(_unique(_plan(n, cut) for n in node.nodes))


def _unique(nodes) -> tuple:
    # 发 typed 500 times is one condition, not 500 intersections of the same set.
    return tuple(dict.fromkeys(nodes))


def _marks(parsed: q.Query, cut) -> tuple[tuple[str, ...], set[str]]:
    """The words and quoted strings a hit is found by (negated ones and filters are not), and
    which of them are jieba's words of unquoted text."""
    found, typed = [], set()
    for clause in parsed.clauses:
        for node in clause.nodes if isinstance(clause, q.AnyOf) else (clause,):
            if isinstance(node, q.Words):
                words = cut(node.text)
                typed.update(words)
                found += words or [node.text.strip()]
            elif isinstance(node, q.Phrase):
                found.append(node.text)
    return tuple(s for s in dict.fromkeys(found) if s), typed
