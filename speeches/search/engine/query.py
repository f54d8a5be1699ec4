"""What a user types in the search box, parsed into clauses. Any string parses; nothing raises
except SearchError for a query too long to be a search (the API answers 400 with its message).

    经济 发展            both words (AND is the default)
    "高质量发展"          the exact string, any length, one character included
    改革 OR 开放          either; OR binds tighter than the implicit AND: 经济 改革 OR 开放
    -腐败  NOT 腐败       without
    speaker:王建国  city:"北京"  year:2021  occasion:…  tag:…   filters on whole values

Quotes may be ASCII, full-width (＂) or curly (“…”, as Chinese input methods type them); when the
query has an ASCII quote, curly quotes are plain characters, so "“稳”的态势" finds the text with
its curly quotes. An unclosed quote runs to the end. Lone AND/OR/NOT and
wildcards (*, ?) are ignored: a query of only those browses everything. Words, phrases and the
rest are normalised (normalize.py); filter values are compared as written, like the database does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..facets import FACETS
from ..normalize import normalize

MAX_LENGTH = 1000  # characters; a longer "query" is a pasted document, not a search
MAX_CLAUSES = 64

_OPERATOR_FORMS = str.maketrans({"＂": '"', "：": ":", "－": "-"})
_CURLY_QUOTES = str.maketrans({"“": '"', "”": '"'})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WILDCARDS = re.compile(r"[*?？＊]")
_FILTER = re.compile(r"(%s):(.*)" % "|".join(FACETS), re.S)


class SearchError(ValueError):
    """A query or parameter that cannot be searched; str() is a message for the user."""


@dataclass(frozen=True)
class Words:
    text: str  # normalised; jieba cuts it into the words that must all occur


@dataclass(frozen=True)
class Phrase:
    text: str  # normalised; must occur exactly as a substring


@dataclass(frozen=True)
class Filter:
    field: str
    value: str


@dataclass(frozen=True)
class Not:
    node: Words | Phrase | Filter


@dataclass(frozen=True)
class AnyOf:
    nodes: tuple


@dataclass(frozen=True)
class Query:
    clauses: tuple  # all must hold; () matches every section


def parse(raw: str) -> Query:
    """Parse a search-box string; SearchError only when it is longer than MAX_LENGTH."""
    if len(raw) > MAX_LENGTH:
        raise SearchError(f"查询太长（最多 {MAX_LENGTH} 个字符）。Query too long (max {MAX_LENGTH} characters).")
    text = _CONTROL.sub(" ", raw.translate(_OPERATOR_FORMS))
    if '"' not in text:
        text = text.translate(_CURLY_QUOTES)
    clauses, group, joining = [], [], False
    for negated, atom in _atoms(text):
        if atom == "OR":
            joining = bool(group)
            continue
        node = Not(atom) if negated else atom
        if joining:
            group.append(node)
        else:
            if group:
                clauses.append(group)
            group = [node]
        joining = False
    if group:
        clauses.append(group)
    if len(clauses) > MAX_CLAUSES:
        raise SearchError(f"条件太多（最多 {MAX_CLAUSES} 个）。Too many terms (max {MAX_CLAUSES}).")
    return Query(tuple(g[0] if len(g) == 1 else AnyOf(tuple(g)) for g in clauses))


_TOKEN = re.compile(r'-?(?:\w+:)?"[^"]*"?|[^\s"]+')


def _atoms(text: str):
    """(negated, atom) pairs, atom being a node or the string "OR"."""
    negate_next = False
    for token in _TOKEN.findall(text):
        if token in ("AND", "NOT", "OR", "-"):
            if token == "OR":
                yield False, "OR"
            negate_next = token == "NOT"
            continue
        negated = negate_next or (token.startswith("-") and len(token) > 1)
        negate_next = False
        node = _atom(token[1:] if token.startswith("-") and len(token) > 1 else token)
        if node is not None:
            yield negated, node


def _atom(token: str) -> Words | Phrase | Filter | None:
    if token.startswith('"'):
        text = normalize(token.strip('"'))
        return Phrase(text) if text else None
    found = _FILTER.fullmatch(token)
    if found:
        value = found.group(2).strip('"').strip()
        return Filter(found.group(1), value) if value else None
    text = normalize(_WILDCARDS.sub("", token))
    return Words(text) if text.strip() else None
