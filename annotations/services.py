"""The only code that writes notes. Keyword-only, each atomic; permission checks live here, so a
page, the JSON API and a command cannot disagree about who may do what."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from speeches.models import Section, Speech

from .anchoring import quote_at, reanchor
from .models import BODY_MAX, QUOTE_MAX, Note


class NoteError(ValueError):
    """Bad input for a note; the message is for the reader, in the page's language."""


def clean_body(body: str) -> str:
    # PostgreSQL refuses NUL in text; Windows line ends become plain ones.
    body = (body or "").replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise NoteError(_("笔记内容不能为空。"))
    if len(body) > BODY_MAX:
        raise NoteError(_("笔记最长 %(n)d 字。") % {"n": BODY_MAX})
    return body


def section_offsets(section: Section, *, paragraph: int, start: int, end: int) -> tuple[int, int]:
    """Offsets in the section text of [start, end) within its paragraph (1-based)."""
    paragraphs = section.paragraphs
    if not 1 <= paragraph <= len(paragraphs) or not 0 <= start < end <= len(paragraphs[paragraph - 1]):
        raise NoteError(_("所选文字不在这一段里，请重新选择。"))
    base = sum(len(p) + 1 for p in paragraphs[:paragraph - 1])
    return base + start, base + end


def note_create(*, author, speech: Speech, anchor: str, paragraph: int, start: int, end: int,
                exact: str, body: str, public: bool = False) -> Note:
    """A note on the words `exact` at [start, end) of a paragraph; the server checks the words."""
    if not author.is_authenticated:
        raise PermissionDenied
    section = speech.sections.filter(anchor=anchor).first()
    if section is None:
        raise NoteError(_("找不到这一节，请刷新页面。"))
    begin, finish = section_offsets(section, paragraph=paragraph, start=start, end=end)
    if section.body[begin:finish] != exact:
        raise NoteError(_("所选文字与原文不一致，请刷新页面后重选。"))
    if len(exact) > QUOTE_MAX:
        raise NoteError(_("一次最多选 %(n)d 字。") % {"n": QUOTE_MAX})
    quote = quote_at(section.body, begin, finish, anchor=anchor)
    with transaction.atomic():
        return Note.objects.create(
            author=author, speech=speech, speech_uid=speech.uid, section=section,
            section_anchor=anchor, exact=quote.exact, written_on=quote.exact, prefix=quote.prefix,
            suffix=quote.suffix, start=begin, end=finish, body=clean_body(body), public=public,
        )


def _own(note: Note, user) -> None:
    if not user.is_authenticated or note.author_id != user.pk:
        raise PermissionDenied


def note_update(*, note: Note, user, body: str, public: bool) -> Note:
    _own(note, user)
    with transaction.atomic():
        note.body, note.public = clean_body(body), public
        note.save(update_fields=["body", "public", "modified"])
    return note


def note_delete(*, note: Note, user) -> None:
    _own(note, user)
    with transaction.atomic():
        note.delete()


def note_hide(*, note: Note, user, hidden: bool = True) -> Note:
    """Staff hide (or show again) a public note; a private note is its author's alone."""
    if not (user.is_authenticated and user.is_staff and note.public):
        raise PermissionDenied
    with transaction.atomic():
        Note.objects.filter(pk=note.pk).update(hidden=hidden)
        note.hidden = hidden
    return note


def _apply(note: Note, texts: dict[str, str], ids: dict[str, int]) -> bool:
    """Re-anchor one note against {anchor: text}; True when its row changed."""
    placement = reanchor(note.quote, texts)
    if placement.detached:
        changed = not note.detached or note.section_id is not None
        note.detached, note.section_id = True, None  # keeps the words it was written on
        return changed
    text = texts[placement.anchor]
    quote = quote_at(text, placement.start, placement.end, anchor=placement.anchor)
    new = {"section_id": ids[placement.anchor], "section_anchor": quote.anchor, "exact": quote.exact,
           "prefix": quote.prefix, "suffix": quote.suffix, "start": quote.start, "end": quote.end,
           "detached": False}
    changed = any(getattr(note, field) != value for field, value in new.items())
    for field, value in new.items():
        setattr(note, field, value)
    return changed


FIELDS = ["section", "section_anchor", "exact", "prefix", "suffix", "start", "end", "detached"]


def notes_reanchor(*, speech: Speech, notes=None) -> dict[str, int]:
    """Re-anchor the notes on a speech (all of them, detached ones too: words that come back
    re-attach). Runs on speeches.signals.sections_replaced. Returns counts by outcome."""
    notes = list(Note.objects.of_speech(speech.uid) if notes is None else notes)
    sections = list(speech.sections.only("id", "speech", "anchor", "body"))
    texts = {s.anchor: s.body for s in sections}
    ids = {s.anchor: s.id for s in sections}
    changed = [note for note in notes if _apply(note, texts, ids)]
    with transaction.atomic():
        Note.objects.bulk_update(changed, FIELDS)  # not save(): re-anchoring is no edit
        Note.objects.of_speech(speech.uid).filter(speech=None).update(speech=speech)
    counts = {"notes": len(notes), "changed": len(changed)}
    counts["detached"] = sum(note.detached for note in notes)
    return counts


def notes_for_speech(*, speech: Speech, user, sections: list[Section]) -> list[Note]:
    """The notes `user` may see on a speech, each checked against the text shown: a stored target
    that no longer matches is re-anchored (and saved) before it is drawn."""
    # A card shows its author's name only: the rest of each user row (dates above all) cost a
    # tenth of a 200-note page to convert.
    notes = list(Note.objects.of_speech(speech.uid).visible_to(user).select_related("author").only(
        *(f.name for f in Note._meta.concrete_fields), "author__username"))
    texts = {s.anchor: s.body for s in sections}
    by_anchor = {s.anchor: s for s in sections}
    stale = [n for n in notes if not n.detached and (
        texts.get(n.section_anchor, "")[n.start:n.end] != n.exact
        or n.section_id != getattr(by_anchor.get(n.section_anchor), "id", None))]
    if stale:
        notes_reanchor(speech=speech, notes=stale)
    for note in notes:
        note.section = None if note.detached else by_anchor.get(note.section_anchor)
    return notes
