"""Messages for staff that are stored and shown later: a refused file's reason, a failed import.

A reason written into UploadFile.error is read later, perhaps by a reader of the other language,
so it is stored as its Chinese source string (the msgid) and its values, and translated when it is
shown (`message_of`); sizes are formatted then too. The pipeline's IngestError speaks both
languages in one string, "中文 (English)": the reader gets the half in their language.
"""
from __future__ import annotations

import json

from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, gettext


class Size(int):
    """A byte count, written as "1.5 MB" (or "1.5 MB" in the reader's locale) when shown."""


class StaffError(Exception):
    """An error whose message is for staff: `text` a msgid marked with gettext_noop, `values` its
    %(name)s values. str() is the message in the active language; `stored` is what to keep."""

    def __init__(self, text: str, **values) -> None:
        super().__init__(text)
        self.text, self.values = text, values

    def __str__(self) -> str:
        return message_of(self.stored)

    @property
    def stored(self) -> str:
        return stored(self.text, **self.values)


def stored(text: str, **values) -> str:
    """The form kept in the database: the msgid and its values as JSON."""
    plain = {name: {"bytes": int(value)} if isinstance(value, Size) else value for name, value in values.items()}
    return json.dumps({"msg": text, "values": plain}, ensure_ascii=False)


def stored_error(error: Exception) -> str:
    """What to keep of an exception raised while reading or importing a file."""
    if isinstance(error, StaffError):
        return error.stored
    return stored("%(error)s", error=str(error))


def message_of(kept: str) -> str:
    """A stored message in the active language; text stored before this format is shown as kept."""
    try:
        data = json.loads(kept) if kept.startswith("{") else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or "msg" not in data:
        return bilingual(kept)
    values = {name: filesizeformat(value["bytes"]) if isinstance(value, dict) else
              bilingual(value) if isinstance(value, str) else value
              for name, value in (data.get("values") or {}).items()}
    text = gettext(data["msg"]) if data["msg"] else ""
    try:
        return text % values if values else text
    except (KeyError, ValueError, TypeError):  # a catalogue entry that lost a placeholder
        return data["msg"] % values if values else data["msg"]


def bilingual(text: str) -> str:
    """The reader's half of "中文 (English)" (IngestError's convention); other text unchanged."""
    text = text.rstrip()
    cut = _last_group(text)
    if cut is None:
        return text
    chinese, english = text[:cut].rstrip(), text[cut + 1:-1].strip()
    if not chinese or not any("a" <= c.lower() <= "z" for c in english):
        return text
    return english if (get_language() or "").startswith("en") else chinese


def _last_group(text: str) -> int | None:
    """Where the parenthesised group that ends text opens ("(" or "（", nesting counted)."""
    if not text.endswith((")", "）")):
        return None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        if text[at] in ")）":
            depth += 1
        elif text[at] in "(（":
            depth -= 1
            if depth == 0:
                return at
    return None
