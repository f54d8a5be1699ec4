"""What the ingest pipeline produces: frozen, Django-free values."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PartialDate:
    """A date known to year, month or day precision (masked parts stay unknown)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """'2021', '2021-01' or '2021-01-05', as the JSON contract spells it."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class ParsedSection:
    """One node of the outline. kind: 'opening', 'heading' or 'closing'.

    label is the outline marker as written ('一、', '（二）', '1.', '第一'); heading
    is the clause after it; paragraphs are the body, one string per paragraph.
    Opening/closing sections have an empty label and heading.
    """

    kind: str
    label: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    children: tuple["ParsedSection", ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Where a metadata value came from: original[start:end] == text, taken by rule."""

    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Removed:
    """A chrome or boilerplate line dropped from the speech: original[start:end] == text."""

    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class ParsedSpeech:
    source: str
    title: str | None
    subtitle: str | None
    speaker: str | None
    speaker_title: str | None
    date: PartialDate | None
    city: str | None
    occasion: str | None
    sections: tuple[ParsedSection, ...]  # opening first, closing last, when present
    text: str  # the cleaned body, paragraphs separated by "\n"
    removed: tuple[str, ...] = ()  # boilerplate lines dropped from this speech's part of the file
    fingerprint: tuple[int, ...] = field(default=(), repr=False)  # MinHash signature
    original: str = field(default="", repr=False)  # this speech's part of the decoded file, before cleaning
    # Keys among title, subtitle, speaker, speaker_title, date, city, occasion: the span of
    # `original` each value was read from. A value with no entry was not read from the text.
    evidence: dict[str, Evidence] = field(default_factory=dict, repr=False, compare=False)
    removed_lines: tuple[Removed, ...] = field(default=(), repr=False)
