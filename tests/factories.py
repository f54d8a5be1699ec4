"""Small builders for rows in tests (our own models, saved for real)."""
import hashlib
import itertools

from speeches.models import Section, Speaker, Speech

_counter = itertools.count(1)


def make_speech(title="在全市工作会议上的讲话", *, speaker="李**", sections=None, **fields):
    """A speech with sections given as [(label, heading, [paragraphs], [children...]), ...]."""
    n = next(_counter)
    checksum = hashlib.sha256(f"{title}{n}".encode()).hexdigest()
    year, month, day = fields.pop("date", (2021, 1, None))
    speech = Speech.objects.create(
        uid=checksum[:12], title=title, content_checksum=checksum, checksum=checksum,
        speaker=Speaker.objects.get_or_create(name=speaker)[0] if speaker else None,
        cleaned_text="", **Speech.date_fields(year, month, day), **fields,
    )
    order = itertools.count()

    def add(nodes, parent, prefix, depth):
        for i, (label, heading, paragraphs, children) in enumerate(nodes, 1):
            anchor = f"{prefix}-{i}" if prefix else f"s{i}"
            section = Section.objects.create(
                speech=speech, parent=parent, order=next(order), label=label, heading=heading,
                body="\n".join(paragraphs), depth=depth, anchor=anchor,
            )
            add(children, section, anchor, depth + 1)

    add(sections or [], None, "", 0)
    speech.cleaned_text = "\n".join(s.body for s in speech.sections.all())
    speech.save(update_fields=["cleaned_text"])
    return speech
