"""Notes out of the archive: W3C Web Annotation JSON-LD (so other annotation tools can take them)
and CSV for spreadsheets (through speeches.spreadsheet, the one rule against formula injection)."""
from __future__ import annotations

import datetime
from typing import Iterable, Iterator

from django.utils.translation import gettext as _

from speeches.api import iso_date
from speeches.spreadsheet import rows_as_text

from .models import Note

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
RFC3986 = "http://tools.ietf.org/rfc/rfc3986"


def timestamp(value: datetime.datetime) -> str:
    """xsd:dateTime in UTC, as the model asks (https://www.w3.org/TR/annotation-model/#lifecycle-information)."""
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_annotation(note: Note, *, absolute) -> dict:
    """One note as a W3C Annotation. `absolute(path)` makes a full URL. The target is the speech
    page; a FragmentSelector names the section, refined by the quote and the position in it."""
    refine = [
        {"type": "TextQuoteSelector", "exact": note.exact, "prefix": note.prefix, "suffix": note.suffix},
        {"type": "TextPositionSelector", "start": note.start, "end": note.end},
    ]
    annotation = {
        "@context": CONTEXT,
        "id": absolute(note.get_absolute_url()),
        "type": "Annotation",
        "motivation": "commenting",
        "created": timestamp(note.created),
        "modified": timestamp(note.modified),
        "creator": {"type": "Person", "nickname": note.author.get_username()},
        "body": {"type": "TextualBody", "value": note.body, "format": "text/plain", "language": "zh"},
        "target": {
            "type": "SpecificResource",
            "source": absolute(f"/speeches/{note.speech_uid}/"),
            "selector": {"type": "FragmentSelector", "conformsTo": RFC3986,
                         "value": note.section_anchor, "refinedBy": refine},
        },
    }
    if not note.public:
        # Not in the model's vocabulary for privacy; a plain flag tools can read and ignore.
        annotation["audience"] = {"type": "schema:Audience", "schema:audienceType": "private"}
    return annotation


def collection(notes: Iterable[Note], *, absolute, label: str) -> dict:
    """An AnnotationCollection with its one page holding every note (model section 5)."""
    items = [as_annotation(note, absolute=absolute) for note in notes]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def header() -> list[str]:
    """Column names in the reader's language (the export is asked for from a page in it)."""
    return [_("创建时间"), _("修改时间"), _("讲话"), _("讲话人"), _("日期"), _("节"), _("原文"),
            _("笔记内容"), _("公开"), _("原文已变动"), _("链接")]


def csv_lines(notes: Iterable[Note], *, absolute) -> Iterator[str]:
    """CSV text line by line, UTF-8 BOM first so Excel reads the Chinese."""
    yes, no = _("是"), _("否")

    def rows():
        yield header()
        for note in notes:
            speech = note.speech
            yield [
                timestamp(note.created), timestamp(note.modified), speech.title if speech else "",
                speech.speaker.name if speech and speech.speaker else "",
                (iso_date(speech) or "") if speech else "", note.section_anchor, note.exact, note.body,
                yes if note.public else no, yes if note.detached else no, absolute(note.speech_url()),
            ]

    lines = rows_as_text(rows())
    yield "\ufeff" + next(lines)
    yield from lines
