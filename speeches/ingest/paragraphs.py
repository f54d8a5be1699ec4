"""A one-line text's body cut into the paragraphs a reader sees: a new paragraph before each
outline marker and every few sentences, a salutation on its own, and no paragraph longer than
PARAGRAPH_MAX (cut at a comma near the limit), so that no section of a huge one-line file grows
without bound."""
from __future__ import annotations

import re

from .lexicon import SALUTATION

SENTENCE_END = re.compile(r"[。！？!?](?![”’」』）)])")
_HEADING = re.compile(r"(?:第[一二三四五六七八九十]{1,3}[，,、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
_PARAGRAPH_TARGET = 300  # sentences of a one-line text are gathered into paragraphs this long
PARAGRAPH_MAX = 20_000  # no paragraph (hence no section body) is longer


def paragraphs(text: str) -> list[str]:
    """A glued body: new paragraphs before outline markers and every few sentences."""
    if len(text) <= _PARAGRAPH_TARGET and SALUTATION.match(text) is None:
        return [text] if text else []
    out: list[str] = []
    current = ""
    for sentence in _sentences(text):
        starts_heading = _HEADING.match(sentence) is not None
        if current and (starts_heading or len(current) >= _PARAGRAPH_TARGET
                        or _salutation_end(current)):
            out.append(current)
            current = ""
        current += sentence
    if current:
        out.append(current)
    return out


def _sentences(text: str):
    """Sentences, and a salutation ('同志们：') as its own piece; giant ones cut to PARAGRAPH_MAX."""
    salutation = re.match(r"^[^。！？]{2,120}?[：:](?=\S)", text)
    if salutation and SALUTATION.match(text):
        yield salutation.group()
        text = text[salutation.end():]
    for sentence in _split_after(SENTENCE_END, text):
        start = 0  # offsets, not slices: a 60 MB sentence must not be copied once per cut
        while len(sentence) - start > PARAGRAPH_MAX:
            limit = start + PARAGRAPH_MAX
            cut = max(sentence.rfind("，", start, limit), sentence.rfind("；", start, limit))
            cut = cut + 1 if cut > start + PARAGRAPH_MAX // 2 else limit
            yield sentence[start:cut]
            start = cut
        if start < len(sentence):
            yield sentence[start:] if start else sentence


def _split_after(pattern: re.Pattern, text: str):
    """Pieces of text cut after each match (finditer on a pattern that starts with a character
    class is far faster on megabytes than split() on a look-behind)."""
    start = 0
    for match in pattern.finditer(text):
        yield text[start: match.end()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def _salutation_end(current: str) -> bool:
    return bool(SALUTATION.match(current)) and current[-1] in "：:" and len(current) <= 120
