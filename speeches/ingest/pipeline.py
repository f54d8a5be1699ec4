"""The steps in order: decode, normalise, lay out, clean, split, then per speech metadata,
outline and fingerprint."""
from __future__ import annotations

from dataclasses import replace

from .clean import Cut, clean
from .decode import decode
from .fingerprint import minhash
from .layout import reflow, split_lines, strip_markup
from .metadata import extract
from .model import ParsedSection, ParsedSpeech
from .normalise import normalise
from .outline import build
from .paragraphs import PARAGRAPH_MAX
from .spans import evidence, removed_lines
from .split import Chunk, split
from .unglue import unglue

SECTION_MAX = PARAGRAPH_MAX  # characters of text in one section (issue 13)


def parse_bytes(data: bytes, *, filename: str) -> list[ParsedSpeech]:
    """Every speech in the file, in order. Raises IngestError for unreadable input."""
    text = normalise(decode(data, filename=filename))
    lines = unglue(reflow(strip_markup(split_lines(text))))
    kept, removed = clean(lines)
    chunks = split(kept)
    removed_by_chunk = _charge(sorted(removed + [cut for c in chunks for cut in c.dropped]), chunks)
    originals = _originals(text, chunks, len(lines))
    speeches = (_speech(chunk, extra, filename, original)
                for chunk, extra, original in zip(chunks, removed_by_chunk, originals))
    return [speech for speech in speeches if speech is not None]


def bounded(section: ParsedSection) -> ParsedSection:
    """A section whose text exceeds SECTION_MAX keeps its first part; the rest follows as
    '（续）' sub-sections of at most SECTION_MAX characters each (paragraphs are never longer,
    see paragraphs.PARAGRAPH_MAX), so that one huge paragraph-run is never one giant section."""
    children = tuple(bounded(child) for child in section.children)
    if sum(len(p) for p in section.paragraphs) <= SECTION_MAX:
        return replace(section, children=children) if children != section.children else section
    groups: list[list[str]] = [[]]
    size = 0
    for paragraph in section.paragraphs:
        if groups[-1] and size + len(paragraph) > SECTION_MAX:
            groups.append([])
            size = 0
        groups[-1].append(paragraph)
        size += len(paragraph)
    more = tuple(ParsedSection("heading", "", "（续）", tuple(group)) for group in groups[1:])
    return replace(section, paragraphs=tuple(groups[0]), children=more + children)


def _charge(removed: list[Cut], chunks: list[Chunk]) -> list[list[tuple[str, str]]]:
    """Give each removed line to the speech it sat in (before the first speech: the first)."""
    out: list[list[tuple[str, str]]] = [[] for _ in chunks]
    firsts = [chunk.lines[0][0] if chunk.lines else 0 for chunk in chunks]
    for num, text, rule in removed:
        index = 0
        for pos, first in enumerate(firsts):
            if num >= first:
                index = pos
        out[index].append((text, rule))
    return out


def _originals(text: str, chunks: list[Chunk], line_count: int) -> list[str]:
    """Each chunk's part of the normalised file: from its first line to the next chunk's."""
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    exact = len(offsets) - 1 == line_count  # no lines were rejoined: numbers are file lines
    starts = [0]
    for chunk in chunks[1:]:
        first = next((line for _, line in chunk.lines if line), "")
        if exact and chunk.lines:
            pos = offsets[chunk.lines[0][0]]
        else:
            pos = text.find(first[:40], starts[-1] + 1) if first else -1
        starts.append(pos if pos > starts[-1] else starts[-1])
    ends = starts[1:] + [len(text)]
    return [text[a:b] for a, b in zip(starts, ends)]


def _speech(chunk: Chunk, removed: list[tuple[str, str]], filename: str, original: str) -> ParsedSpeech | None:
    paragraphs = [text for _, text in chunk.lines if text]
    if not paragraphs:
        return None
    stamps = [text for text, rule in removed if rule in ("timestamp", "page info")]
    meta = extract(paragraphs, hint_title=chunk.hint_title, stamps=stamps)
    opening, headings, closing = build(list(meta.body))
    sections: list[ParsedSection] = []
    if opening:
        sections.append(ParsedSection("opening", "", "", tuple(opening)))
    sections.extend(headings)
    if closing:
        sections.append(ParsedSection("closing", "", "", tuple(closing)))
    sections = [bounded(section) for section in sections]
    text = "\n".join(meta.body)
    removed = removed + meta.dropped  # datelines, footnotes, captions: read, then left out of the text
    return ParsedSpeech(
        source=filename, title=meta.title, subtitle=meta.subtitle, speaker=meta.speaker,
        speaker_title=meta.speaker_title, date=meta.date, city=meta.city, occasion=meta.occasion,
        sections=tuple(sections), text=text, removed=tuple(t for t, _ in removed),
        fingerprint=minhash(text), original=original, evidence=evidence(original, meta.found),
        removed_lines=removed_lines(original, removed))
