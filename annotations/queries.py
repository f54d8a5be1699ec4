"""Reads for 我的笔记 and its exports: a reader's own notes, filtered; nothing of anyone else's."""
from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import Note


def my_notes(user, *, q: str = "", tag: str = "", speaker: str = "", speech: str = "") -> QuerySet:
    notes = Note.objects.filter(author=user).select_related("author", "speech__speaker", "section")
    if q:
        notes = notes.filter(Q(body__icontains=q) | Q(exact__icontains=q))
    if tag:
        # The annotated section's taggings this reader can see: public ones and their own private
        # ones (a researcher codes privately, then reads their memos by code). One filter() call,
        # so both conditions hold for the same tagging row.
        notes = notes.filter(_visible_tagging(user, "section__taggings"), section__taggings__tag__name=tag).distinct()
    if speaker:
        notes = notes.filter(speech__speaker__name=speaker)
    if speech:
        notes = notes.filter(speech_uid=speech)
    return notes


def filter_choices(user) -> dict[str, list]:
    """Speakers, speeches and tags that the reader's own notes touch, for the filter menus."""
    mine = Note.objects.filter(author=user)
    speakers = mine.exclude(speech__speaker=None).values_list("speech__speaker__name", flat=True)
    speeches = mine.exclude(speech=None).values_list("speech_uid", "speech__title")
    tags = mine.filter(_visible_tagging(user, "section__taggings")).values_list(
        "section__taggings__tag__name", flat=True)
    return {
        "speakers": sorted(set(speakers)),
        "speeches": sorted(set(speeches), key=lambda pair: pair[1]),
        "tags": sorted(set(tags)),
    }


def _visible_tagging(user, path: str) -> Q:
    return Q(**{f"{path}__private": False}) | Q(**{f"{path}__user": user})
