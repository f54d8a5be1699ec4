"""What the preview shows for each file: its speeches, the evidence for each value in the original
text, the section tree, the lines removed as chrome, and stored speeches it repeats."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext, gettext_lazy as _

from speeches import diff, services
from speeches.ingest import IngestError, ParsedSpeech
from speeches.models import Speech

from .batch import FIELDS, parsed_of
from .edit import EditError
from .messages import message_of, stored_error
from .models import UploadFile

LABELS = {"title": _("标题"), "subtitle": _("副标题"), "speaker": _("讲话人"), "speaker_title": _("职务"),
          "date": _("日期"), "city": _("地点"), "occasion": _("场合")}
DATE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


@dataclass
class SpeechPreview:
    index: int
    parsed: ParsedSpeech
    values: dict  # field -> value shown in the form (corrected, or as parsed)
    dropped: bool
    segments: list  # [(text, field label or "", rule)] the original text with evidence marked
    outline: list  # [(depth, label and heading)]
    removed: list[str]
    duplicate: Speech | None = None
    variant_of: Speech | None = None
    chars: int = 0
    replaces: Speech | None = None  # re-parse: the stored speech this one replaces
    diff: list = field(default_factory=list)  # variant: its changed paragraphs against the stored one

    @property
    def fields(self) -> list[tuple[str, str, str]]:
        """(name, label in the reader's language, value) for the form."""
        return [(name, str(LABELS[name]), value) for name, value in self.values.items()]


@dataclass
class FilePreview:
    upload: UploadFile
    speeches: list[SpeechPreview] = field(default_factory=list)
    error: str = ""
    replaces: list = field(default_factory=list)  # re-parse: the stored speeches of the file


def file_previews(batch) -> list[FilePreview]:
    out = []
    for upload in batch.files.order_by("position"):
        preview = FilePreview(upload, error=message_of(upload.error))
        if upload.status == UploadFile.Status.PENDING:
            try:
                parsed = parsed_of(upload)
            except (IngestError, EditError) as error:
                preview.error = message_of(stored_error(error))
                parsed = []
            own = list(Speech.objects.filter(source=upload.source_id).order_by("position")) if upload.source_id else []
            preview.speeches = [speech_preview(i, s, upload.corrections.get(str(i), {}), own)
                                for i, s in enumerate(parsed)]
            preview.replaces = own
        out.append(preview)
    return out


def speech_preview(index: int, parsed: ParsedSpeech, fix: dict, own: list) -> SpeechPreview:
    """own: for a re-parse, the file's stored speeches (not duplicates of themselves)."""
    values = {name: getattr(parsed, name) or "" for name in FIELDS}
    values["date"] = parsed.date.iso() if parsed.date else ""
    values.update({name: value for name, value in fix.items() if name in FIELDS})
    checksum = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest()
    duplicate = Speech.objects.filter(content_checksum=checksum).exclude(pk__in=[s.pk for s in own]).first()
    variant_of = None if duplicate else services.find_canonical(list(parsed.fingerprint))
    variant_of = None if variant_of in own else variant_of
    return SpeechPreview(
        index=index, parsed=parsed, values=values, dropped=bool(fix.get("drop")),
        segments=evidence_segments(parsed), outline=list(outline(parsed.sections, 0)),
        removed=removed_lines(parsed), duplicate=duplicate,
        variant_of=variant_of, diff=changes(variant_of, parsed) if variant_of else [],
        replaces=own[index] if index < len(own) else None,
        chars=len(parsed.text),
    )


def changes(stored: Speech, parsed: ParsedSpeech) -> list:
    """The stored version against this one, only the paragraphs that differ (speeches.diff): the
    variant's diff page needs two stored speeches, and this one is not stored yet."""
    rows = diff.side_by_side(stored.cleaned_text.split("\n"), parsed.text.split("\n"))
    return [row for row in rows if row.tag != "equal"]


def evidence_segments(parsed: ParsedSpeech) -> list[tuple[str, str, str]]:
    """The original text cut at each evidence span (ParsedSpeech.evidence: field -> Evidence)."""
    original = getattr(parsed, "original", "") or parsed.text
    spans = sorted(
        (ev.start, ev.end, str(LABELS.get(name, name)), getattr(ev, "rule", ""))
        for name, ev in (getattr(parsed, "evidence", None) or {}).items()
        if 0 <= ev.start < ev.end <= len(original)
    )
    segments, at = [], 0
    for start, end, label, rule in spans:
        if start < at:  # overlapping evidence (title and occasion from one line): mark it once
            continue
        segments.append((original[at:start], "", ""))
        segments.append((original[start:end], label, rule))
        at = end
    segments.append((original[at:], "", ""))
    return [segment for segment in segments if segment[0]]


def outline(sections, depth):
    for section in sections:
        if section.kind == "heading":
            yield depth, f"{section.label}{section.heading}"
        else:
            yield depth, str(_("开头") if section.kind == "opening" else _("结尾"))
        yield from outline(section.children, depth + 1)


def removed_lines(parsed: ParsedSpeech) -> list[str]:
    lines = getattr(parsed, "removed_lines", None)
    return [line.text for line in lines] if lines else list(parsed.removed)


def read_corrections(post, upload: UploadFile, count: int) -> tuple[dict, list[str]]:
    """The corrections typed in the preview form for one file, and what is wrong with them.

    A split or merge changes the numbering of the speeches: it is applied alone, and the
    metadata corrections start again from the new parse.
    """
    ops = list(upload.corrections.get("_ops", []))
    new_ops = []
    for index in reversed(range(count)):  # from the end, so earlier indexes stay valid
        prefix = f"f{upload.pk}-{index}-"
        if post.get(prefix + "split", "").strip():
            new_ops.append({"op": "split", "index": index, "at": post[prefix + "split"].strip()[:200]})
        if post.get(prefix + "merge") and index > 0:
            new_ops.append({"op": "merge", "index": index})
    if new_ops:
        try:
            parsed_of(upload, ops=ops + new_ops)
        except EditError as error:
            return upload.corrections, [gettext("%(file)s：%(error)s") % {"file": upload.name, "error": error}]
        return {"_ops": ops + new_ops}, []
    corrections, errors = {"_ops": ops}, []
    for index in range(count):
        prefix = f"f{upload.pk}-{index}-"
        fix = {name: post.get(prefix + name, "").strip()[:300] for name in FIELDS if prefix + name in post}
        if fix.get("date") and not valid_date(fix["date"]):
            errors.append(gettext("%(file)s 第 %(n)s 篇：日期“%(date)s”应写成 2021、2021-03 或 2021-03-05。")
                          % {"file": upload.name, "n": index + 1, "date": fix["date"]})
        if post.get(prefix + "drop"):
            fix["drop"] = True
        corrections[str(index)] = fix
    return corrections, errors


def valid_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    import datetime

    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return parts[0] >= 1900
