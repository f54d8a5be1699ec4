"""Notes out of the archive: W3C Web Annotation JSON-LD (so other annotation tools can take them)
and CSV for spreadsheets (defusedcsv: a note starting with = or + is text, not a formula)."""
from __future__ import annotations

import datetime
import io
from typing import Iterable, Iterator

from defusedcsv import csv

from speeches.api import iso_date

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


HEADER = ["创建时间 created", "修改时间 modified", "讲话 speech", "讲话人 speaker", "日期 date",
          "节 section", "原文 quote", "笔记 note", "公开 public", "原文已变动 detached", "链接 link"]


def csv_lines(notes: Iterable[Note], *, absolute) -> Iterator[str]:
    """CSV text line by line, UTF-8 BOM first so Excel reads the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out)

    def line(values) -> str:
        writer.writerow(values)
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    yield "\ufeff" + line(HEADER)
    for note in notes:
        speech = note.speech
        yield line([
            timestamp(note.created), timestamp(note.modified), speech.title if speech else "",
            speech.speaker.name if speech and speech.speaker else "", iso_date(speech) or "" if speech else "",
            note.section_anchor, note.exact, note.body, "yes" if note.public else "no",
            "yes" if note.detached else "no", absolute(note.speech_url()),
        ])
