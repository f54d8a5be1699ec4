"""Words as typed, checked on the bench's 100,000 sections: for every word of the query set,
the unquoted search finds exactly the sections whose normalised text contains it (count ≥ the
substring truth, and every hit contains the word), and the quoted search is unchanged (exact).

The truth is a scan of every live document's normalised text in the index's body column (what
the database's text normalises to), independent of the engine's postings."""
from __future__ import annotations

import json
import re

from search_measure import QUERIES


def words() -> list[str]:
    found = []
    for q in (q for qs in QUERIES.values() for q in qs):
        for token in q.split():
            if ":" in token or token in ("OR", "AND", "NOT"):
                continue
            found += re.findall(r"\w+", token)
    return list(dict.fromkeys(found))


def check() -> dict:
    from speeches.search import search, section_ids
    from speeches.search.backend import backend

    snap = backend().snapshot()
    report, failures = {}, []
    for word in words():
        needle = word.encode("utf-8")
        truth = set()
        for seg in snap.segments:
            section = seg.columns.ints["section_id"]
            truth.update(section[d] for d in seg.live() if needle in seg.body[d])
        unquoted, quoted = section_ids(q=word), section_ids(q=f'"{word}"')
        report[word] = {"truth": len(truth), "unquoted": len(unquoted), "quoted": len(quoted),
                        "unquoted page count": search(q=word, page_size=1).count}
        if not (unquoted == truth == quoted):
            failures.append(word)
    print(json.dumps({"words": report, "failures": failures}, ensure_ascii=False, indent=1))
    return report
