"""Side-by-side difference of two variants, paragraph by paragraph, characters within."""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Row:
    tag: str  # equal, replace, delete, insert
    left: SafeString
    right: SafeString


def side_by_side(left: list[str], right: list[str]) -> list[Row]:
    """Align paragraphs; inside a replaced pair, mark the differing characters."""
    rows = []
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [Row("equal", escape(a), escape(a)) for a in left[i1:i2]]
            continue
        lefts, rights = left[i1:i2], right[j1:j2]
        for k in range(max(len(lefts), len(rights))):
            a = lefts[k] if k < len(lefts) else None
            b = rights[k] if k < len(rights) else None
            if a is not None and b is not None:
                rows.append(Row("replace", *mark_changes(a, b)))
            elif a is not None:
                rows.append(Row("delete", mark_safe(f"<del>{escape(a)}</del>"), mark_safe("")))
            else:
                rows.append(Row("insert", mark_safe(""), mark_safe(f"<ins>{escape(b)}</ins>")))
    return rows


def mark_changes(a: str, b: str) -> tuple[SafeString, SafeString]:
    out_a, out_b = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out_a.append(escape(a[i1:i2]))
            out_b.append(escape(b[j1:j2]))
            continue
        if i2 > i1:
            out_a.append(f"<del>{escape(a[i1:i2])}</del>")
        if j2 > j1:
            out_b.append(f"<ins>{escape(b[j1:j2])}</ins>")
    return mark_safe("".join(out_a)), mark_safe("".join(out_b))
