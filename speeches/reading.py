"""A very long speech read a part at a time: the speech page shows one part of at most PART_CHARS
characters of sections, in document order, with links to the others.

A 60 MB speech rendered whole was 89.7 MB of HTML (8.6 s); a part is a page a browser shows at
once. Links into a part (search hits, tags, notes) keep their #anchor: the speech page asks for
?section=<anchor> when the anchor is not on the part shown (static/js/parts.js), and the server
answers with the part that holds it.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models.functions import Length

PART_CHARS = 100_000  # characters of section text per part; a speech shorter than this is one page


@dataclass(frozen=True)
class Reading:
    sections: list  # the sections shown, in document order, with their bodies
    part: int  # 1-based
    parts: list[str]  # one label per part: the heading its first section starts with

    @property
    def paged(self) -> bool:
        return len(self.parts) > 1


class NoSuchPart(Exception):
    pass


def reading(speech, part: str | None = None) -> Reading:
    """The sections of `part` (default 1); NoSuchPart for a part that is not a number in range."""
    layout = _layout(speech)
    number = int(part) if part and part.isdigit() and len(part) < 7 else (1 if not part else 0)
    if not 1 <= number <= max(len(layout), 1):
        raise NoSuchPart(part)
    ids = [row[0] for row in layout[number - 1]] if layout else []
    sections = list(speech.sections.filter(pk__in=ids)) if len(layout) > 1 else list(speech.sections.all())
    return Reading(sections, number, [_label(rows[0]) for rows in layout])


def part_of(speech, anchor: str) -> int | None:
    """The part holding the section (or paragraph: s2-1-p3) with this anchor."""
    section = anchor.split("-p")[0]
    for number, rows in enumerate(_layout(speech), 1):
        if any(row[1] == section for row in rows):
            return number
    return None


def _layout(speech) -> list[list[tuple]]:
    """Sections (id, anchor, label, heading) cut into parts of at most PART_CHARS, without bodies."""
    rows = (speech.sections.annotate(size=Length("body") + Length("heading"))
            .order_by("order").values_list("id", "anchor", "label", "heading", "size"))
    parts: list[list[tuple]] = [[]]
    filled = 0
    for row in rows:
        if parts[-1] and filled + row[4] > PART_CHARS:
            parts.append([])
            filled = 0
        parts[-1].append(row)
        filled += row[4]
    return parts if parts[0] else []


def _label(row) -> str:
    _, _, label, heading, _ = row
    return " ".join(filter(None, (label, heading[:30]))) or ""


def section_tree(sections) -> list[tuple]:
    """Nest sections (in document order) as [(section, children), ...] for templates."""
    nodes: dict[int, tuple] = {}
    roots: list[tuple] = []
    for section in sections:
        node = (section, [])
        nodes[section.id] = node
        parent = nodes.get(section.parent_id)
        (parent[1] if parent else roots).append(node)
    return roots
