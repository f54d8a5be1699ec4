"""The JSON object `parse_speech --json` prints for one speech (see docs/INGEST.md)."""
from __future__ import annotations

from .model import Evidence, ParsedSection, ParsedSpeech, Removed


def speech_to_json(speech: ParsedSpeech) -> dict:
    """Contract keys first; 'opening'/'closing' are extras; the fingerprint is not shown."""
    by_kind = {kind: [s for s in speech.sections if s.kind == kind] for kind in ("opening", "closing")}
    return {
        "source": speech.source,
        "title": speech.title,
        "subtitle": speech.subtitle,
        "speaker": speech.speaker,
        "speaker_title": speech.speaker_title,
        "date": speech.date.iso() if speech.date else None,
        "city": speech.city,
        "occasion": speech.occasion,
        "sections": [_section(s) for s in speech.sections if s.kind == "heading"],
        "chars": len(speech.text),
        "evidence": {name: _span(ev) for name, ev in speech.evidence.items()},
        "removed": [_span(cut) for cut in speech.removed_lines],
        "opening": _joined(by_kind["opening"]),
        "closing": _joined(by_kind["closing"]),
    }


def _span(span: Evidence | Removed) -> dict:
    return {"text": span.text, "start": span.start, "end": span.end, "rule": span.rule}


def _section(section: ParsedSection) -> dict:
    return {"label": section.label, "heading": section.heading,
            "children": [_section(child) for child in section.children]}


def _joined(sections: list[ParsedSection]) -> str | None:
    return "\n".join(p for s in sections for p in s.paragraphs) if sections else None
