"""The only code that writes speeches to the database.

Keyword-only functions, each atomic. Re-importing the same bytes or the same cleaned text
adds nothing (idempotent on checksums). Index updates follow from the saved rows through the
queued signal processor (speeches.search.indexing.signals), applied after commit.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db import transaction

from .ingest import IngestError, parse_bytes
from .ingest.fingerprint import VARIANT_THRESHOLD, similarity
from .ingest.model import ParsedSection, ParsedSpeech
from .models import Section, SourceFile, Speaker, Speech

ANCHOR_OPENING, ANCHOR_CLOSING = "s0", "s-end"


@dataclass
class FileImport:
    """What importing one file did."""

    name: str
    speeches: list[Speech] = field(default_factory=list)  # newly created
    unchanged: int = 0
    variants: int = 0
    sections: int = 0


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_import(*, data: bytes, name: str) -> FileImport:
    """Parse one file and save its speeches; all or nothing. Raises IngestError on bad input."""
    parsed = parse_bytes(data, filename=name)
    if not parsed:
        raise IngestError(f"文件中没有找到讲话正文：{name}（No speech text found in {name}.）")
    result = FileImport(name=name)
    with transaction.atomic():
        source, _ = SourceFile.objects.get_or_create(
            checksum=sha256(data), defaults={"name": name, "data": data, "size": len(data)}
        )
        for position, speech in enumerate(parsed):
            saved = speech_import(parsed=speech, source=source, position=position)
            if saved is None:
                result.unchanged += 1
                continue
            result.speeches.append(saved)
            result.sections += saved.sections.count()
            result.variants += saved.canonical_id is not None
    return result


def speech_import(*, parsed: ParsedSpeech, source: SourceFile, position: int = 0) -> Speech | None:
    """Save one parsed speech with its section tree; None when the same text is already stored."""
    content_checksum = sha256(parsed.text.encode("utf-8"))
    if Speech.objects.filter(content_checksum=content_checksum).exists():
        return None
    fingerprint = list(parsed.fingerprint)
    date = parsed.date
    fit = fitter(Speech)
    with transaction.atomic():
        speech = Speech.objects.create(
            uid=content_checksum[:12],
            title=fit("title", parsed.title),  # no title stays empty: the page shows 无题 (issue 14.8)
            subtitle=fit("subtitle", parsed.subtitle),
            speaker=Speaker.objects.get_or_create(name=fitter(Speaker)("name", parsed.speaker))[0]
            if parsed.speaker else None,
            speaker_title=fit("speaker_title", parsed.speaker_title),
            **Speech.date_fields(date.year if date else None, date and date.month, date and date.day),
            city=fit("city", parsed.city),
            occasion=fit("occasion", parsed.occasion),
            source=source,
            source_name=source.name,
            position=position,
            checksum=source.checksum,
            content_checksum=content_checksum,
            original_text=parsed.original or parsed.text,
            cleaned_text=parsed.text,
            fingerprint=fingerprint,
            canonical=find_canonical(fingerprint),
        )
        sections_create(speech=speech, sections=parsed.sections)
    return speech


def fitter(model):
    """Clip a metadata value to its column, so PostgreSQL takes what SQLite would (the text keeps all)."""

    def fit(name: str, value: str | None) -> str:
        limit = model._meta.get_field(name).max_length
        value = value or ""
        return value if len(value) <= limit else value[: limit - 1] + "…"

    return fit


def find_canonical(fingerprint: list[int]) -> Speech | None:
    """The canonical speech of the closest near-identical reprint already stored, if any."""
    if not fingerprint:
        return None
    best, best_score = None, VARIANT_THRESHOLD
    for candidate in Speech.objects.exclude(fingerprint=[]).only("id", "fingerprint", "canonical_id"):
        score = similarity(fingerprint, candidate.fingerprint)
        if score >= best_score:
            best, best_score = candidate, score
    if best is None:
        return None
    return best.canonical if best.canonical_id else best


def sections_create(*, speech: Speech, sections: tuple[ParsedSection, ...]) -> None:
    """Save the tree in document order; anchors come from outline position, not database ids."""
    order = 0

    def save(nodes, parent, path, depth):
        nonlocal order
        heading_number = 0
        for node in nodes:
            if node.kind == "opening":
                anchor = ANCHOR_OPENING
            elif node.kind == "closing":
                anchor = ANCHOR_CLOSING if parent is None else f"{parent.anchor}-end"
            else:
                heading_number += 1
                anchor = f"{path}-{heading_number}" if path else f"s{heading_number}"
            section = Section.objects.create(
                speech=speech, parent=parent, order=order, kind=node.kind, label=node.label,
                heading=node.heading, body="\n".join(node.paragraphs), depth=depth, anchor=anchor,
            )
            order += 1
            save(node.children, section, anchor, depth + 1)

    save(sections, None, "", 0)


def speech_delete(*, speech: Speech) -> None:
    """Delete a speech and its sections; variants pointing at it are promoted, not lost."""
    with transaction.atomic():
        variants = list(speech.variants.order_by("id"))
        if variants:
            new_canonical = variants[0]
            Speech.objects.filter(pk=new_canonical.pk).update(canonical=None)
            Speech.objects.filter(pk__in=[v.pk for v in variants[1:]]).update(canonical=new_canonical)
        speech.delete()
