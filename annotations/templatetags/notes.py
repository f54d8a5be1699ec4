"""{% speech_notes %}: the notes a reader may see on the speech being shown, placed on its
paragraphs. Lets the speech page include them without its view knowing about notes.
{% note_labels %} and {% note_card %}: cards built in Python (annotations/cards.py says why)."""
from django import template
from django.conf import settings

from .. import cards
from ..services import notes_for_speech

register = template.Library()


@register.simple_tag(takes_context=True)
def speech_notes(context, speech):
    request = context["request"]
    sections = list(speech.sections.only("id", "anchor", "body"))
    notes = notes_for_speech(speech=speech, user=request.user, sections=sections)
    attached, detached = [], []
    for note in notes:
        if note.detached or note.section is None:
            detached.append(note)
            continue
        place(note, note.section.body)
        attached.append(note)
    return {"attached": attached, "detached": detached, "count": len(notes), "login_url": settings.LOGIN_URL}


@register.simple_tag(takes_context=True)
def note_labels(context):
    return cards.labels(context["request"])


@register.simple_tag
def note_card(note, words):
    return cards.note_card(note, words)


def place(note, body: str) -> None:
    """Paragraph (1-based) and offsets inside it, for the page's script to highlight."""
    index = note.paragraph_index(body)
    base = sum(len(p) + 1 for p in body.split("\n")[:index])
    paragraph = body.split("\n")[index]
    note.paragraph = index + 1
    note.paragraph_start = note.start - base
    note.paragraph_end = min(note.end - base, len(paragraph))  # one paragraph is drawn
