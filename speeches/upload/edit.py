"""Staff fix the speech count of a file in the preview: split one speech in two, or merge one
into the speech before it. Pure functions over the parser's frozen values (no database).

A split cuts the speech's original text at the line staff name (by its first words) and runs the
parser on each part, so each part gets its own title, date and outline. A merge joins two
speeches the parser cut apart: the first keeps its metadata, the second's opening (and the
first's closing) become one untitled section between their outlines.
"""
from __future__ import annotations

import dataclasses

from speeches.ingest import IngestError, ParsedSection, ParsedSpeech, parse_bytes
from speeches.ingest.fingerprint import minhash

from django.utils.translation import gettext_noop

from .messages import StaffError


class EditError(StaffError, ValueError):
    """A split or merge that cannot be done; the message is for staff (messages.py)."""


def apply(parsed: list[ParsedSpeech], ops: list[dict]) -> list[ParsedSpeech]:
    """Apply the preview's structural edits in the order staff made them."""
    speeches = list(parsed)
    for op in ops:
        index = op["index"]
        if not 0 <= index < len(speeches) or (op["op"] == "merge" and index == 0):
            continue  # an edit made against a count that has changed since: ignore it
        if op["op"] == "split":
            speeches[index:index + 1] = split(speeches[index], op["at"])
        else:
            speeches[index - 1:index + 1] = [merge(speeches[index - 1], speeches[index])]
    return speeches


def split(speech: ParsedSpeech, at: str) -> list[ParsedSpeech]:
    original = speech.original or speech.text
    found = original.find(at.strip()) if at.strip() else -1
    if found <= 0:
        raise EditError(gettext_noop("在原文中找不到“%(words)s”，无法从那里拆分。请粘贴新一篇开头的几个字。"),
                        words=at.strip()[:30])
    cut = original.rfind("\n", 0, found) + 1  # from the start of that line
    parts = [original[:cut], original[cut:]]
    if not all(part.strip() for part in parts):
        raise EditError(gettext_noop("拆分点在原文的开头或结尾，拆不出两篇。"))
    out = []
    for part in parts:
        try:
            found_speeches = parse_bytes(part.encode("utf-8"), filename=speech.source)
        except IngestError as error:
            raise EditError(gettext_noop("拆分后的一部分无法解析：%(error)s"), error=str(error)) from None
        if not found_speeches:
            raise EditError(gettext_noop("拆分后的一部分没有正文。"))
        out.extend(found_speeches)
    return out


def merge(first: ParsedSpeech, second: ParsedSpeech) -> ParsedSpeech:
    closing = [s for s in first.sections if s.kind == "closing"]
    opening = [s for s in second.sections if s.kind == "opening"]
    middle = tuple(p for s in closing + opening for p in s.paragraphs)
    sections = [s for s in first.sections if s.kind != "closing"]
    if middle:
        sections.append(ParsedSection("heading", "", "", middle))
    sections += [s for s in second.sections if s.kind != "opening"]
    text = "\n".join(part for part in (first.text, second.text) if part)
    joiner = "\n" if first.original and not first.original.endswith("\n") else ""
    offset = len(first.original) + len(joiner)
    shifted = tuple(dataclasses.replace(r, start=r.start + offset, end=r.end + offset) for r in second.removed_lines)
    return dataclasses.replace(
        first, sections=tuple(sections), text=text, original=first.original + joiner + second.original,
        fingerprint=minhash(text), removed=first.removed + second.removed,
        removed_lines=first.removed_lines + shifted,
    )
