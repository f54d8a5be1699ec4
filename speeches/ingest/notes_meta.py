"""Step 5, notes: datelines, publication lines, '※' footnotes and photo captions of one speech.

They are taken out of the text first (they are not what was said) and read last, so that
what the header states wins over what a news agency or an editor adds.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import notes as N
from .places import place_at

if TYPE_CHECKING:
    from .metadata import Meta

_EDGE = 3  # notes sit among the first and last lines


def take_notes(meta: Meta, paragraphs: list[str]) -> list[str]:
    """Paragraphs without notes and captions; meta.notes and meta.dropped say what went."""
    keep: list[str] = []
    last = len(paragraphs) - 1
    for pos, text in enumerate(paragraphs):
        edge = pos < _EDGE or pos > last - _EDGE
        kind = _note_kind(text) if edge or "新华社" in text[:4] else None
        if kind:
            meta.notes.append((kind, text))
            meta.dropped.append((text, kind))
            continue
        if len(text) <= 160 and ("摄" in text or "新华社发" in text or text.startswith(("图为", "▲"))) \
                and N.CAPTION_LINE.match(text):
            meta.dropped.append((text, "photo caption"))
            continue
        stripped = N.strip_credits(text)
        if stripped != text:
            meta.dropped.append((text[len(_common_prefix(text, stripped)):][:40], "photo credit"))
        if stripped:
            keep.append(stripped)
    return keep


def _note_kind(text: str) -> str | None:
    if text.startswith("※"):
        return "footnote"
    if N.dateline(text):
        return "dateline"
    if N.publication_year(text):
        return "publication line"
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def read_footnotes(meta: Meta) -> None:
    """'※这是X同志2024年7月18日在…上的讲话。': speaker, date, occasion; the name glued to the body goes."""
    for kind, text in meta.notes:
        if kind != "footnote":
            continue
        found = N.footnote(text)
        held = found.get("city", ("",))[0]
        if held and not (place_at("在" + held) == held or held[-1] in "省市县区州"):
            del found["city"]  # '在党中央召开的…': not a place
        for name in ("speaker", "date", "occasion", "city"):
            if name in found:
                meta.put(name, found[name][0], found[name][1] if name != "date" else text,
                         "footnote" if name != "city" else "place in footnote", text)
        name = found.get("speaker", (None,))[0]
        if name and meta.body and meta.body[0].startswith(name) and len(meta.body[0]) > len(name):
            meta.body[0] = meta.body[0][len(name):]


def read_datelines(meta: Meta) -> None:
    """'新华社杭州9月20日电': the city, and the month and day with the year the text gives."""
    year = next((N.publication_year(text) for kind, text in meta.notes if kind == "publication line"), None)
    year = year or (meta.date.year if meta.date else None)
    for kind, text in meta.notes:
        if kind != "dateline":
            continue
        city, month, day = N.dateline(text)
        meta.put("city", city, city or "", "dateline", text)
        if not (meta.date and meta.date.day):
            date = N.dated(year or N.stamp_year(meta.stamps, month, day), month, day)
            if date and (not meta.date or meta.date.year == date.year):
                meta.date = None
                meta.put("date", date, text, "dateline")
        return
