"""The Whoosh schema of a section's document, and how haystack's prepared data fills it.

Haystack would build a schema from the SearchIndex: a stemming analyzer on every text field,
every text field sortable (a costly column at commit), facets tokenized. This schema replaces it:

- text: jieba words with word positions (ranking, unquoted words, phrase queries);
- grams: every character and character pair with its count (quoted search, one character too);
- body: the normalised text as UTF-8, for the final substring check of quoted search;
- one field per facet of facets.REGISTRY (speaker, city, year, occasion, tag): whole values,
  indexed for filters and kept in columns for facet counting;
- title: the speech's normalised title in a column (names and titles count for ranking; named.py);
- section_id, speech_id, position, date, length: integer columns for grouping, sorting, ranking.
"""
from __future__ import annotations

from collections import defaultdict

from whoosh import fields, formats
from whoosh.columns import VarBytesColumn

from .analysis import ChineseAnalyzer, grams, index_words
from .columns import IntColumn, ValueColumn
from .facets import REGISTRY
from .normalize import normalize

CONTENT = "text"
GRAMS = "grams"
TITLE = "title"
TAG_SEPARATOR = "\x1f"
INT_COLUMNS = ("section_id", "speech_id", "position", "date", "length")


class JiebaField(fields.TEXT):
    """Words of normalised text, positions counting words; see analysis.index_words."""

    has_tf = True  # postings.py reads term frequencies (the posting weights) for ranking

    def __init__(self):
        super().__init__(analyzer=ChineseAnalyzer(), phrase=True)

    def index(self, value, **kwargs):
        # The same postings Positions.word_values would give, without a Token per word.
        positions = defaultdict(list)
        for word, pos, _ in index_words(value):
            positions[word].append(pos)
        encode = self.format.encode
        for word, poses in positions.items():
            yield word.encode("utf-8"), len(poses), float(len(poses)), encode(poses)


class GramField(fields.FieldType):
    """Characters and character pairs of normalised text; no positions. The posting weight is
    the number of occurrences, so a one- or two-character query ranks without reading text."""

    has_tf = True

    def __init__(self):
        super().__init__(formats.Existence(), analyzer=None)

    def index(self, value, **kwargs):
        return ((gram.encode("utf-8"), 1, float(n), b"") for gram, n in grams(value).items())


class FacetField(fields.ID):
    """One whole value (never tokenized), indexed for filtering and in a column for counting."""

    def __init__(self):
        super().__init__(sortable=ValueColumn())


class TagsField(fields.FieldType):
    """Several whole values; the column keeps the combination, joined by TAG_SEPARATOR."""

    def __init__(self):
        super().__init__(formats.Existence(), analyzer=None, sortable=ValueColumn())

    def index(self, value, **kwargs):
        return ((tag.encode("utf-8"), 1, 1.0, b"") for tag in set(value))

    def to_column_value(self, value):
        return TAG_SEPARATOR.join(sorted(set(value))).encode("utf-8")


def build() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        django_ct=fields.ID(stored=True),
        django_id=fields.ID(stored=True),
        text=JiebaField(),
        grams=GramField(),
        body=fields.COLUMN(VarBytesColumn()),
        **{facet.name: TagsField() if facet.many else FacetField() for facet in REGISTRY},
        title=fields.COLUMN(ValueColumn()),
        **{name: fields.COLUMN(IntColumn()) for name in INT_COLUMNS},
    )


SCHEMA = build()


def section_text(label: str, heading: str, body: str) -> str:
    """What is indexed of a section: its label and heading, a line break, its paragraphs."""
    return f"{label}{heading}\n{body}"


def paragraph_of(text: str, offset: int) -> int | None:
    """Index of the body paragraph holding `offset` of section_text(), None for the heading line."""
    line = text.count("\n", 0, offset)
    return line - 1 if line else None


def document(prepared: dict) -> dict:
    """Whoosh fields for one section from SectionIndex.full_prepare(); normalises once."""
    text = normalize(prepared[CONTENT] or "")
    doc = {
        "id": prepared["id"],
        "django_ct": prepared["django_ct"],
        "django_id": str(prepared["django_id"]),
        CONTENT: text,
        "grams": text,
        "body": text.encode("utf-8"),
        "section_id": int(prepared["django_id"]),
        "speech_id": int(prepared["speech_id"]),
        "position": int(prepared["position"] or 0),
        "date": int(prepared["date"] or 0),
        "length": len(text),
    }
    title = normalize((prepared.get(TITLE) or "").strip())
    if title:
        doc[TITLE] = title
    for facet in REGISTRY:
        value = prepared.get(facet.name)
        if facet.many:
            value = [v for v in value or () if v]
        else:
            value = (value or "").strip()
        if value:
            doc[facet.name] = value
    return doc
