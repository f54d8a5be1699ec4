"""The only code that writes speeches to the database.

Keyword-only functions, each atomic. Re-importing the same bytes or the same cleaned text
adds nothing (idempotent on checksums). Index updates follow from the saved rows through the
queued signal processor (speeches.search.indexing.signals), applied after commit.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from .ingest import IngestError, parse_bytes
from .canonical import canonical_candidates, find_canonical, fingerprint_index  # noqa: F401 (the services' API)
from .ingest.model import ParsedSection, ParsedSpeech
from .models import Section, SourceFile, Speaker, Speech
from .signals import sections_replaced

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


def file_import(*, data: bytes, name: str, parsed: list[ParsedSpeech] | None = None) -> FileImport:
    """Parse one file and save its speeches; all or nothing. Raises IngestError on bad input.

    data are the bytes as received (kept in SourceFile); parsed, when given, are its speeches
    as staff confirmed them in the upload preview (text extracted, metadata corrected).
    """
    if parsed is None:
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
    with transaction.atomic():
        speech = Speech.objects.create(
            uid=content_checksum[:12], source=source, source_name=source.name, position=position,
            checksum=source.checksum, content_checksum=content_checksum, **_parsed_fields(parsed),
            canonical=find_canonical(fingerprint),
        )
        sections_create(speech=speech, sections=parsed.sections)
        fingerprint_index(speech=speech)
    return speech


def _parsed_fields(parsed: ParsedSpeech) -> dict:
    """A speech's columns as the parser (and staff's corrections) give them."""
    fit, date = fitter(Speech), parsed.date
    return dict(
        title=fit("title", parsed.title),  # no title stays empty: the page shows 无题 (issue 14.8)
        subtitle=fit("subtitle", parsed.subtitle),
        speaker=Speaker.objects.get_or_create(name=fitter(Speaker)("name", parsed.speaker))[0]
        if parsed.speaker else None,
        speaker_title=fit("speaker_title", parsed.speaker_title),
        **Speech.date_fields(date.year if date else None, date and date.month, date and date.day),
        city=fit("city", parsed.city),
        occasion=fit("occasion", parsed.occasion),
        original_text=parsed.original or parsed.text,  # the text as received, before cleaning
        cleaned_text=parsed.text,
        fingerprint=list(parsed.fingerprint),
    )


def source_reparse(*, source: SourceFile, parsed: list[ParsedSpeech]) -> FileImport:
    """Store a file's speeches as the current parser reads them (corrected by staff in the preview).

    The file's stored speeches are replaced in order, keeping their uids (permalinks); speeches
    the parser now finds beyond them are added, and stored ones it no longer finds are deleted.
    """
    result = FileImport(name=source.name)
    with transaction.atomic():
        stored = list(source.speeches.order_by("position", "id"))
        for position, speech in enumerate(parsed):
            saved = (speech_replace(speech=stored[position], parsed=speech, position=position)
                     if position < len(stored) else speech_import(parsed=speech, source=source, position=position))
            if saved is None:
                result.unchanged += 1
                continue
            result.speeches.append(saved)
            result.sections += saved.sections.count()
        for gone in stored[len(parsed):]:
            speech_delete(speech=gone)
    return result


def speech_replace(*, speech: Speech, parsed: ParsedSpeech, position: int) -> Speech:
    """Re-parse one stored speech: new text, metadata and sections under the same uid. Section tags
    move to the new section with the same body (or else the same heading); listeners of
    signals.sections_replaced (notes, reader tags) re-anchor theirs in this transaction."""
    content_checksum = sha256(parsed.text.encode("utf-8"))
    clash = Speech.objects.filter(content_checksum=content_checksum).exclude(pk=speech.pk).first()
    if clash is not None:
        raise IngestError(f"重新解析后的正文与已存讲话《{clash.title}》（{clash.uid}）相同，未替换。")
    with transaction.atomic():
        old = [(s.body, (s.label, s.heading), list(s.tags.values_list("pk", flat=True)))
               for s in speech.sections.prefetch_related("tags")]
        speech.sections.all().delete()  # each section's delete is queued for the index
        for name, value in _parsed_fields(parsed).items():
            setattr(speech, name, value)
        speech.position, speech.content_checksum = position, content_checksum
        speech.canonical = find_canonical(speech.fingerprint, exclude=speech.pk)
        speech.save()
        sections_create(speech=speech, sections=parsed.sections)
        fingerprint_index(speech=speech)
        _retag(speech, old)
        sections_replaced.send(sender=Speech, speech=speech)
    return speech


def _retag(speech: Speech, old: list) -> None:
    by_body = {body: tags for body, _, tags in old if tags and body}
    by_heading = {heading: tags for _, heading, tags in old if tags and heading[1]}
    for section in speech.sections.all():
        tags = by_body.get(section.body) or by_heading.get((section.label, section.heading))
        if tags:
            section.tags.add(*tags)


def fitter(model):
    """Clip a metadata value to its column, so PostgreSQL takes what SQLite would (the text keeps all)."""

    def fit(name: str, value: str | None) -> str:
        limit = model._meta.get_field(name).max_length
        value = value or ""
        return value if len(value) <= limit else value[: limit - 1] + "…"

    return fit


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


# What staff may correct by hand (admin, upload preview); text and sections come from the parser.
EDITABLE = ("title", "subtitle", "speaker_title", "city", "occasion")


def speech_update(*, speech: Speech, speaker: str | Speaker | None = None, date=None,
                  date_precision: str = "", **fields) -> Speech:
    """Correct a speech's metadata; the text and sections stay as parsed. The save queues its
    sections for the index (speeches.search.indexing.signals), so the change reaches search after commit.

    date is a datetime.date read at date_precision ('year', 'month', 'day'; empty: 'day').
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    fit = fitter(Speech)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(speech, name, fit(name, value.replace("\r\n", "\n").strip()))
        if isinstance(speaker, str):
            name = fitter(Speaker)("name", speaker.strip())
            speaker = Speaker.objects.get_or_create(name=name)[0] if name else None
        speech.speaker = speaker
        precision = date_precision or "day"
        for name, value in Speech.date_fields(
                date.year if date else None,
                date.month if date and precision in ("month", "day") else None,
                date.day if date and precision == "day" else None).items():
            setattr(speech, name, value)
        speech.save()
    return speech


def speech_delete(*, speech: Speech) -> None:
    """Delete a speech and its sections; variants pointing at it are promoted, not lost."""
    with transaction.atomic():
        variants = list(speech.variants.order_by("id"))
        if variants:
            new_canonical = variants[0]
            Speech.objects.filter(pk=new_canonical.pk).update(canonical=None)
            Speech.objects.filter(pk__in=[v.pk for v in variants[1:]]).update(canonical=new_canonical)
        speech.delete()


@contextmanager
def unlogged_queries():
    """No DEBUG query log for a batch (import_speeches, the upload worker). With DEBUG on (the
    default outside `make serve`) Django quotes every parameter into a copy of each statement it logs: two more copies of a huge
    speech's texts and its file (a 60 MB file's save peaked at 1.38 GB with the log, 0.69 GB
    without; docs/PERFORMANCE.md)."""
    debug = settings.DEBUG
    settings.DEBUG = False  # what connection.queries_logged reads on every cursor
    try:
        yield
    finally:
        settings.DEBUG = debug
