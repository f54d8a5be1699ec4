"""Relevance: BM25 over the matching sections only.

Words are scored from the jieba field's postings (their weight is the term frequency). Quoted
strings and one-character words are scored by their own frequency, since jieba may have
swallowed them into longer words (税 in 所得税): for one or two characters it is the gram
posting's weight; longer strings are counted in the normalised text, which costs a few
microseconds a section, so past COUNT_LIMIT matching sections they do not rank and the order
falls back to the words, then the date.

Names and titles count too: a speech whose speaker or title contains a searched string gets
METADATA_WEIGHT per string on its best section (speaker lines are parsed out of the text, so
李强 typed with 经济 would otherwise rank his reports like anyone's).
"""
from __future__ import annotations

import math
from collections import Counter

from ..schema import CONTENT, GRAMS, TITLE
from .postings import postings

K1, B = 1.2, 0.75
METADATA_WEIGHT = 4.0  # about one rare word's BM25 contribution
COUNT_LIMIT = 5_000


def scores(matches, snap, words, strings) -> list[dict[int, float]] | None:
    """Per segment {docnum: score} for the matching documents; None when nothing ranks."""
    if not (words or strings):
        return None
    result = [{} for _ in matches]
    for word in words:
        frequencies = [_tf(seg.reader, CONTENT, word, docs) for seg, docs in matches]
        _add(result, matches, frequencies, snap.doc_frequency(word), snap)
    countable = sum(len(docs) for _, docs in matches) <= COUNT_LIMIT
    for string in strings:
        if len(string) <= 2:
            frequencies = [_tf(seg.reader, GRAMS, string, docs) for seg, docs in matches]
        elif countable:
            frequencies = [_string_tf(seg.body, string, docs) for seg, docs in matches]
        else:
            continue
        _add(result, matches, frequencies, sum(map(len, frequencies)), snap)
    return result


def _add(result, matches, frequencies, df, snap):
    if not df:
        return
    idf = math.log(1 + (snap.doc_count - df + 0.5) / (df + 0.5)) * (K1 + 1)
    norm, per_char = K1 * (1 - B), K1 * B / snap.average_length
    for scores, (seg, _), tfs in zip(result, matches, frequencies):
        lengths = seg.columns.ints["length"]
        for doc, tf in tfs.items():
            scores[doc] = scores.get(doc, 0.0) + idf * tf / (tf + norm + per_char * lengths[doc])


def _tf(reader, field: str, text: str, docs: set[int]) -> dict[int, float]:
    ids, weights = postings(reader, field, text)
    return {doc: tf for doc, tf in zip(ids, weights) if doc in docs}


def _string_tf(body, string: str, docs: set[int]) -> dict[int, int]:
    needle = string.encode("utf-8")
    counts = {doc: body[doc].count(needle) for doc in docs}
    return {doc: n for doc, n in counts.items() if n}


def metadata(matches, marks) -> dict[int, float]:
    """{speech id: bonus} for speeches whose title or speaker contains a marked string."""
    bonus: dict[int, float] = {}
    seen: dict[str, set[int]] = {TITLE: set(), "speaker": set()}  # a speech may span segments
    for seg, docs in matches if marks else ():
        if not docs:
            continue
        for name in seen:
            hits = Counter()
            for mark in marks:
                hits.update(seg.columns.names[name].containing(mark))
            hits.pop(0, None)  # ordinal 0 is the empty value
            if not hits:
                continue
            for speech, ref in seg.columns.speech_refs[name].items():
                if ref in hits and speech not in seen[name]:
                    seen[name].add(speech)
                    bonus[speech] = bonus.get(speech, 0.0) + METADATA_WEIGHT * hits[ref]
    return bonus
