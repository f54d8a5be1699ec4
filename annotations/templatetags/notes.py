"""{% speech_notes %}: the notes a reader may see on the speech being shown, placed on its
paragraphs. Lets the speech page include them without its view knowing about notes.
{% note_labels %} and {% note_card %}: cards built in Python (annotations/cards.py says why)."""
from bisect import bisect_right

from django import template
from django.conf import settings
from django.shortcuts import resolve_url

from .. import cards
from ..services import notes_for_speech

register = template.Library()


@register.simple_tag(takes_context=True)
def speech_notes(context, speech):
    request = context["request"]
    sections = list(speech.sections.only("id", "speech", "anchor", "body"))
    notes = notes_for_speech(speech=speech, user=request.user, sections=sections)
    attached, detached = [], []
    starts: dict[int, list[int]] = {}  # per section: where each paragraph starts
    for note in notes:
        if note.detached or note.section is None:
            detached.append(note)
            continue
        if note.section.id not in starts:
            starts[note.section.id] = paragraph_starts(note.section.body)
        place(note, starts[note.section.id])
        attached.append(note)
    return {"attached": attached, "detached": detached, "count": len(notes), "login_url": resolve_url(settings.LOGIN_URL)}


@register.simple_tag(takes_context=True)
def note_labels(context):
    return cards.labels(context["request"])


@register.simple_tag
def note_card(note, words):
    return cards.note_card(note, words)


def paragraph_starts(body: str) -> list[int]:
    """Offset of each paragraph in the section text, and one past the end."""
    starts = [0]
    for paragraph in body.split("\n"):
        starts.append(starts[-1] + len(paragraph) + 1)
    return starts


def place(note, starts: list[int]) -> None:
    """Paragraph (1-based) and offsets inside it, for the page's script to highlight."""
    index = bisect_right(starts, note.start) - 1
    note.paragraph = index + 1
    note.paragraph_start = note.start - starts[index]
    note.paragraph_end = min(note.end, starts[index + 1] - 1) - starts[index]  # one paragraph is drawn
