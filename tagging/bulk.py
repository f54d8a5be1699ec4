"""Tag a search (staff): apply or remove a tag on every section a search matches, and undo it.

This is how an archivist codes a thousand passages at once. The matching sections come from the
search interface, the same answer the results page shows. Writes are one bulk insert or delete
plus one many-to-many change, which queues every touched section for the index (m2m_changed).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from speeches import search
from speeches.models import Section, Tag

from .models import TagBatch, Tagging, section_quote
from .services import TagError, tag_named

CHUNK = 500  # ids per IN (…): SQLite's parameter limit


@dataclass(frozen=True)
class Plan:
    tag_name: str
    action: str
    matching: int  # sections the search matches
    changing: int  # of those, sections this would change
    section_ids: frozenset[int]


def plan(*, q: str, filters: dict, name: str, action: str) -> Plan:
    """What applying would do, without doing it (the count shown before confirming)."""
    if action not in TagBatch.Action.values:
        raise TagError("action")
    tag = tag_named(name)
    matching = _existing(search.section_ids(q=q, filters=filters))
    tagged = _tagged(tag, matching) if tag else set()
    changing = matching - tagged if action == TagBatch.Action.ADD else tagged
    return Plan(tag.name if tag else " ".join(name.split()), action, len(matching), len(changing),
                frozenset(changing))


@transaction.atomic
def apply(*, user, q: str, filters: dict, name: str, action: str) -> TagBatch:
    planned = plan(q=q, filters=filters, name=name, action=action)
    tag = tag_named(name, create=True)
    batch = TagBatch.objects.create(user=user, tag=tag, action=action, query=q[:500], filters=filters,
                                    count=planned.changing)
    ids = sorted(planned.section_ids)
    if action == TagBatch.Action.ADD:
        _add(batch, ids)
    else:
        _remove(batch, ids)
    return batch


@transaction.atomic
def undo(*, batch: TagBatch) -> None:
    batch = TagBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.undone:
        raise TagError("undone")
    if batch.action == TagBatch.Action.ADD:
        ids = list(batch.taggings.values_list("section_id", flat=True))
        batch.taggings.all().delete()
        still = _tagged(batch.tag, set(ids))
        _chunked(lambda part: batch.tag.sections.remove(*part), sorted(set(ids) - still))
    else:
        _restore(batch)
    batch.undone = timezone.now()
    batch.save(update_fields=["undone"])


def _add(batch: TagBatch, ids: list[int]) -> None:
    for part in _chunks(ids):
        sections = Section.objects.filter(pk__in=part).select_related("speech").only(
            "label", "heading", "body", "anchor", "speech__uid")
        Tagging.objects.bulk_create([
            Tagging(tag=batch.tag, user=batch.user, section=s, speech_uid=s.speech.uid, anchor=s.anchor,
                    quote=section_quote(s), batch=batch) for s in sections])
        batch.tag.sections.add(*part)


def _remove(batch: TagBatch, ids: list[int]) -> None:
    removed = []
    for part in _chunks(ids):
        rows = Tagging.objects.filter(tag=batch.tag, private=False, section_id__in=part)
        removed += [{"section": t.section_id, "user": t.user_id, "created": t.created.isoformat(),
                     "uid": t.speech_uid, "anchor": t.anchor, "quote": t.quote} for t in rows]
        rows.delete()
        batch.tag.sections.remove(*part)
    batch.removed = removed
    batch.save(update_fields=["removed"])


def _restore(batch: TagBatch) -> None:
    alive = _existing({row["section"] for row in batch.removed})
    rows = [row for row in batch.removed if row["section"] in alive]
    made = Tagging.objects.bulk_create([
        Tagging(tag=batch.tag, user_id=row["user"], section_id=row["section"], speech_uid=row["uid"],
                anchor=row["anchor"], quote=row["quote"]) for row in rows])
    # auto_now_add set "now": put back when each was really made (who and when is the record).
    for tagging, row in zip(made, rows):
        Tagging.objects.filter(pk=tagging.pk).update(created=parse_datetime(row["created"]))
    _chunked(lambda part: batch.tag.sections.add(*part), sorted(alive))


def _tagged(tag: Tag, ids: set[int]) -> set[int]:
    found: set[int] = set()
    for part in _chunks(sorted(ids)):
        found.update(Tagging.objects.filter(tag=tag, private=False, section_id__in=part)
                     .values_list("section_id", flat=True))
    return found


def _existing(ids) -> set[int]:
    """The index may still hold a section deleted a moment ago: keep the ones that exist."""
    found: set[int] = set()
    for part in _chunks(sorted(ids)):
        found.update(Section.objects.filter(pk__in=part).values_list("pk", flat=True))
    return found


def _chunks(ids: list[int]):
    return (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))


def _chunked(write, ids: list[int]) -> None:
    for part in _chunks(ids):
        write(part)
