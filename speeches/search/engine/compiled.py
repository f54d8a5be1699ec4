"""A search compiled once: its plan, its ranking terms and the strings to mark, in one object.

Words as typed: an unquoted word finds exactly the sections whose normalised text contains it as
a string, like a quoted one. jieba may cut a query and a text differently (生态环境 typed is one
word, but 生态 | 环境保护 in a text), so matching jieba's words of the query missed sections that
contain the word (60 of 77 for 生态环境 on 2,000 corpus sections); jieba's words now only rank. A
word is a run of letters, digits or Han characters: 经济，发展 typed without a space is 经济 AND 发展.

jieba cuts each word once here; matching (matching.py), ranking (ranking.py) and marking
(snippets, the speech page, the concordance) all read the same CompiledQuery.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis import query_words
from . import query as q


@dataclass(frozen=True)
class Term:
    field: str
    text: str


@dataclass(frozen=True)
class Substring:
    text: str
    # The text is one jieba word: documents with it in the word field contain it for certain
    # and need no check (index_words only yields substrings of the text).
    word: bool = False


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
    marks, words, strings = _terms(parsed, cut)
    return CompiledQuery(text, query, plan, words, strings, marks)


class _Cutter:
    """jieba's words of each typed word, cut once."""

    def __init__(self):
        self.cuts: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        if text not in self.cuts:
            self.cuts[text] = query_words(text)
        return self.cuts[text]


_WORD = re.compile(r"\w+")


def typed_words(text: str) -> list[str]:
    """The words of an unquoted chunk: runs of letters, digits and Han characters (or, for a
    chunk of punctuation only, the chunk itself)."""
    return _WORD.findall(text) or [text.strip()]


def _filter_clauses(filters) -> tuple:
    return tuple(
        q.Filter(name, values[0]) if len(values) == 1 else q.AnyOf(tuple(q.Filter(name, v) for v in values))
        for name, values in ((name, tuple(values)) for name, values in filters.items()) if values
    )


def _plan(node, cut):
    if isinstance(node, q.Words):
        found = [Substring(w, word=len(w) > 2 and cut(w) == [w]) for w in typed_words(node.text)]
        return found[0] if len(found) == 1 else AllOf(_unique(found))
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


def _terms(parsed: q.Query, cut) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(strings to mark, jieba words to rank by, strings to rank by their own frequency).

    Marked: the words and quoted strings a hit is found by (negated ones and filters are not).
    Ranked: jieba's words of each typed word; by their own frequency too a one-character word, a
    quoted string and a typed word jieba cuts in pieces, since jieba may have cut the text
    differently (税 inside 所得税).
    """
    marks, words, strings = [], [], []
    for clause in parsed.clauses:
        for node in clause.nodes if isinstance(clause, q.AnyOf) else (clause,):
            if isinstance(node, q.Words):
                for typed in typed_words(node.text):
                    marks.append(typed)
                    pieces = cut(typed)
                    words += [w for w in pieces if len(w) > 1]
                    strings += [w for w in pieces if len(w) == 1]
                    if pieces != [typed]:
                        strings.append(typed)
            elif isinstance(node, q.Phrase):
                marks.append(node.text)
                strings.append(node.text)
    words = _kept(words)
    return _kept(marks), words, tuple(s for s in _kept(strings) if s not in words)


def _kept(items) -> tuple[str, ...]:
    return tuple(i for i in dict.fromkeys(items) if i)
