"""Step 4: a compilation file becomes several speeches; its own title is not one of them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .clean import Cut, Line
from .dates import is_date_line
from .lexicon import SALUTATION, looks_like_title
from .people import parse_speaker_line

_PIECE = re.compile(r"^第(?:[一二三四五六七八九十]{1,3}|\d{1,2})篇(?:[:：\s]\s*(?P<title>.*))?$")
_NUMBERED = re.compile(r"^(?P<stem>.{4,60}?)\s*[·•・]\s*(?P<n>\d{1,2})$")
_COMPILATION = re.compile(r"[（(【\[]?(?:[一二三四五六七八九十\d]{1,3})篇(?:材料|范文|精选|合集)?[）)】\]]|合集|汇编|精选")
_DASH = re.compile(r"^(?:——|--|－－|—)")
_CLOSING = re.compile(r"^(?:同志们|各位代表|各位委员|朋友们|同志们、朋友们)[！!]")
# A part before the first marker is a speech only if it carries this much text of its own.
_PREAMBLE_MIN_CHARS = 200
# A later piece needs at least this much text after its title (a stamp, a credit is not a speech).
_PIECE_MIN_CHARS = 20


@dataclass
class Chunk:
    lines: list[Line]
    hint_title: str | None = None
    dropped: list[Cut] = field(default_factory=list)  # compilation header lines


def split(lines: list[Line]) -> list[Chunk]:
    """Cut numbered lines into one chunk per speech."""
    starts = _piece_starts(lines) or _numbered_starts(lines) or _title_starts(lines)
    if not starts:
        return [Chunk(lines)]
    chunks: list[Chunk] = []
    bounds = [pos for pos, _ in starts] + [len(lines)]
    for (pos, hint), end in zip(starts, bounds[1:]):
        body = lines[pos + 1 if hint is not None else pos: end]
        chunks.append(Chunk(body, hint_title=hint or None))
    preamble = lines[: bounds[0]]
    if _is_speech(preamble):
        chunks.insert(0, Chunk(preamble))
    else:
        chunks[0].dropped.extend((num, text, "compilation title") for num, text in preamble if text)
    return chunks


def _piece_starts(lines: list[Line]) -> list[tuple[int, str | None]]:
    found = [(pos, (m.group("title") or "").strip()) for pos, (_, text) in enumerate(lines)
             if (m := _PIECE.match(text))]
    return found if len(found) >= 2 else []


def _numbered_starts(lines: list[Line]) -> list[tuple[int, str | None]]:
    found = [(pos, m.group("stem"), int(m.group("n"))) for pos, (_, text) in enumerate(lines)
             if ("·" in text or "•" in text or "・" in text)
             and (m := _NUMBERED.match(text)) and looks_like_title(text)]
    stems = Counter(stem for _, stem, _ in found)
    if not stems:
        return []
    stem, count = stems.most_common(1)[0]
    numbers = [n for _, s, n in found if s == stem]
    if count < 2 or numbers != list(range(numbers[0], numbers[0] + count)):
        return []
    return [(pos, None) for pos, s, _ in found if s == stem]


def _title_starts(lines: list[Line]) -> list[tuple[int, str | None]]:
    """Repeated title lines, or a title line followed by a salutation, start a speech."""
    texts = [text for _, text in lines]
    counts = Counter(t for t in texts if t and looks_like_title(t) and not _COMPILATION.search(t))
    starts: list[int] = []
    for pos, text in enumerate(texts):
        if not text or not looks_like_title(text) or _COMPILATION.search(text):
            continue
        if (counts[text] >= 2 and _header_follows(texts, pos)) or _salutation_follows(texts, pos):
            first = _header_top(texts, pos)
            if not starts or _has_text_between(texts, starts[-1], first):
                starts.append(first)
    # A title repeated below the text with (almost) nothing after it — a portal's headline in
    # its footer, a 'back to the title' link — ends the speech; it does not start another.
    bounds = starts[1:] + [len(texts)]
    starts = [start for pos, (start, end) in enumerate(zip(starts, bounds))
              if pos == 0 or _text_chars(texts[start + 1: end]) >= _PIECE_MIN_CHARS]
    if len(starts) < 2 and not (starts and starts[0] > 0 and _has_body(texts[: starts[0]])):
        return []
    return [(pos, None) for pos in starts]


def _salutation_follows(texts: list[str], pos: int) -> bool:
    following = [t for t in texts[pos + 1: pos + 12] if t][:4]
    return any(_opening(t) for t in following)


def _header_follows(texts: list[str], pos: int) -> bool:
    """A repeated title starts a speech when a header (subtitle, date, speaker) or a salutation
    follows it, not when the text just goes on: a portal repeats its headline on every page
    of a long article."""
    following = [t for t in texts[pos + 1: pos + 12] if t][:3]
    return any(_DASH.match(t) or is_date_line(t) or _opening(t) or parse_speaker_line(t) for t in following)


def _opening(text: str) -> bool:
    """'同志们：', '尊敬的各位来宾，…：' open a speech; '各位代表！让我们…' closes one."""
    return bool(SALUTATION.match(text)) and not _CLOSING.match(text)


def _header_top(texts: list[str], pos: int) -> int:
    """Step back from a '——在…上的讲话' subtitle to the title lines above it."""
    if not _DASH.match(texts[pos]):
        return pos
    top = pos
    for back in range(pos - 1, max(pos - 6, -1), -1):
        if not texts[back]:
            continue
        if len(texts[back]) > 30 or texts[back][-1] in "。！？!?；;":
            break
        top = back
    return top


def _has_text_between(texts: list[str], a: int, b: int) -> bool:
    return sum(len(t) for t in texts[a + 1: b] if not looks_like_title(t)) > 0


def _text_chars(texts: list[str]) -> int:
    return sum(len(t) for t in texts if t and not looks_like_title(t))


def _has_body(texts: list[str]) -> bool:
    return _text_chars(texts) >= _PREAMBLE_MIN_CHARS


def _is_speech(preamble: list[Line]) -> bool:
    return _has_body([text for _, text in preamble])
