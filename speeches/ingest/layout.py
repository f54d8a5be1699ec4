"""Between normalising and cleaning: lines, rejoined where a scraper broke them, markup off.

Wikisource-style scrapes separate paragraphs by blank lines and break a paragraph wherever it
had a link ("政府工作报" / "告"); Markdown exports wrap headings and quotes in markup. Both are
layout, not content, so they are undone here and never reported as removed.
"""
from __future__ import annotations

import re

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_QUOTE = re.compile(r"^>\s?")
_MD_BOLD = re.compile(r"\*\*(?=\S)([^*\n]*?\S)\*\*")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/)[^)\s]*\)")
# Markdown whose line breaks were lost: a heading or quote mark after text starts a line again.
_MD_INLINE_BREAK = re.compile(r"(?<=[^\s#])\s*(?=#{1,6}\s)|(?<=[。！？）)」”：:；;])\s*(?=>\s|查看原文|阅读原文)"
                              r"|(?<=[^-\s<!])\s*(?=-{3,})|(?<=---)(?=[^-\s>])|(?<=\S)(?=<!--)|(?<=-->)(?=\S)")
_MD_SOURCE_LINK = re.compile(r"\s*(\[(?:查看原文|阅读原文|原文链接)\]\([^)\s]*\))\s*")  # always a line of its own
_OPENS_WITH_PUNCT = re.compile(r"^[，。、；：:,;.)）」』》”’!！?？%]")
# A file is "blank-separated" when most non-empty lines are followed by a blank one.
_BLANK_MODE_SHARE = 0.6
# Runs longer than this are a paragraph broken at links; two lines may be title and speaker.
_FRAGMENT_RUN = 3


def split_lines(text: str) -> list[str]:
    """Lines stripped of surrounding white space (U+3000 included); blank lines kept as ''."""
    return [line.strip() for line in text.split("\n")]


def strip_markup(lines: list[str]) -> list[str]:
    """Remove Markdown heading/quote/bold/link markup when the file is Markdown."""
    if not any(_MD_HEADING.match(line) for line in lines[:200]):
        return lines
    out = []
    for line in (piece for line in lines for piece in _md_pieces(line)):
        line = _MD_QUOTE.sub("", _MD_HEADING.sub("", line))
        if "**" in line:
            line = _MD_BOLD.sub(r"\1", line)
        if "](" in line:
            line = _MD_LINK.sub(r"\1", line)
        out.append(line.strip())
    return out


def _md_pieces(line: str) -> list[str]:
    """A Markdown line, cut where its lost line breaks were (only one-line exports have any)."""
    if len(line) < 200:
        return [line]
    pieces = _MD_INLINE_BREAK.split(_MD_SOURCE_LINK.sub("\n\\1\n", line))
    return [p for piece in pieces for p in piece.split("\n") if p.strip()] or [line]


def reflow(lines: list[str]) -> list[str]:
    """Rejoin paragraphs that a scraper broke at links, in blank-separated files only."""
    non_empty = sum(1 for line in lines if line)
    followed = sum(1 for a, b in zip(lines, lines[1:]) if a and not b)
    if not non_empty or followed < _BLANK_MODE_SHARE * non_empty:
        return lines
    out: list[str] = []
    run: list[str] = []
    for line in lines + [""]:
        if line:
            run.append(line)
            continue
        out.extend(_join_run(run))
        run = []
        out.append("")
    out.pop()
    return out


def _join_run(run: list[str]) -> list[str]:
    if len(run) < 2:
        return run
    if len(run) >= _FRAGMENT_RUN and any(_is_fragment(line) for line in run):
        return [_glue(run)]
    joined = [run[0]]
    for line in run[1:]:
        if _OPENS_WITH_PUNCT.match(line) or len(line) <= 2 or len(joined[-1]) <= 2:
            joined[-1] = _glue([joined[-1], line])
        else:
            joined.append(line)
    return joined


def _is_fragment(line: str) -> bool:
    return len(line) <= 6 or bool(_OPENS_WITH_PUNCT.match(line))


def _glue(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        sep = " " if out[-1:].isascii() and out[-1:].isalnum() and part[:1].isascii() and part[:1].isalnum() else ""
        out += sep + part
    return out
