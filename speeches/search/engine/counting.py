"""Facet counts over the matching sections, from the snapshot's column arrays.

Each facet column holds an ordinal per document, so a count is one C-level Counter per segment;
Whoosh's grouping asks a categorizer per document in Python (MEASUREMENTS.md: 85 ms on 20k
sections with two column facets, 516 ms with a date-range facet). Counts are of sections, like
the result's "count", and never include the empty value.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..facets import BY_NAME, FACETS
from ..schema import TAG_SEPARATOR


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


def count(matches) -> dict[str, list[FacetValue]]:
    """{facet: [FacetValue…]} for `matches`, a list of (Segment, set of docnums)."""
    totals = {name: Counter() for name in FACETS}
    for segment, docs in matches:
        if not docs:
            continue
        # Most of a segment matching (browsing, a broad filter): count what does not match instead.
        if 2 * len(docs) <= segment.size:
            rest = None
        else:  # (browsing matches the whole segment: nothing to take away)
            rest = set(segment.every) - docs if len(docs) < segment.size else ()
        for name in FACETS:
            refs, values = segment.columns.facets[name]
            if rest is None:
                by_ref = Counter(map(refs.__getitem__, docs))
            else:
                by_ref = segment.columns.totals[name].copy()
                by_ref.subtract(map(refs.__getitem__, rest))
            by_ref.pop(0, None)  # ordinal 0 is the empty value
            total = totals[name]
            for ref, n in by_ref.items():
                if n <= 0:
                    continue
                if BY_NAME[name].many:
                    for tag in values[ref].split(TAG_SEPARATOR):
                        total[tag] += n
                else:
                    total[values[ref]] += n
    return {name: _ordered(name, totals[name]) for name in FACETS}


def _ordered(name: str, counts: Counter) -> list[FacetValue]:
    if BY_NAME[name].newest_first:  # years; the other facets by how many sections they hold
        items = sorted(counts.items(), reverse=True)
    else:
        items = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [FacetValue(value, n) for value, n in items if value]
