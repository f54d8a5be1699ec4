"""The steps in order: decode, normalise, lay out, clean, split, then per speech metadata,
outline and fingerprint."""
from __future__ import annotations

from .clean import Line, clean
from .decode import decode
from .fingerprint import minhash
from .layout import reflow, split_lines, strip_markup
from .metadata import extract
from .model import ParsedSection, ParsedSpeech
from .normalise import normalise
from .outline import build
from .split import Chunk, split


def parse_bytes(data: bytes, *, filename: str) -> list[ParsedSpeech]:
    """Every speech in the file, in order. Raises IngestError for unreadable input."""
    lines = reflow(strip_markup(split_lines(normalise(decode(data, filename=filename)))))
    kept, removed = clean(lines)
    chunks = split(kept)
    removed_by_chunk = _charge(sorted(removed + [line for c in chunks for line in c.dropped]), chunks)
    speeches = (_speech(chunk, extra, filename) for chunk, extra in zip(chunks, removed_by_chunk))
    return [speech for speech in speeches if speech is not None]


def _charge(removed: list[Line], chunks: list[Chunk]) -> list[list[str]]:
    """Give each removed line to the speech it sat in (before the first speech: the first)."""
    out: list[list[str]] = [[] for _ in chunks]
    firsts = [chunk.lines[0][0] if chunk.lines else 0 for chunk in chunks]
    for num, text in removed:
        index = 0
        for pos, first in enumerate(firsts):
            if num >= first:
                index = pos
        out[index].append(text)
    return out


def _speech(chunk: Chunk, removed: list[str], filename: str) -> ParsedSpeech | None:
    paragraphs = [text for _, text in chunk.lines if text]
    if not paragraphs:
        return None
    meta = extract(paragraphs, hint_title=chunk.hint_title)
    opening, headings, closing = build(list(meta.body))
    sections: list[ParsedSection] = []
    if opening:
        sections.append(ParsedSection("opening", "", "", tuple(opening)))
    sections.extend(headings)
    if closing:
        sections.append(ParsedSection("closing", "", "", tuple(closing)))
    text = "\n".join(meta.body)
    return ParsedSpeech(
        source=filename, title=meta.title, subtitle=meta.subtitle, speaker=meta.speaker,
        speaker_title=meta.speaker_title, date=meta.date, city=meta.city, occasion=meta.occasion,
        sections=tuple(sections), text=text, removed=tuple(removed), fingerprint=minhash(text))
