"""Score the ingest parser against ../shared/corpus/MANIFEST.tsv (title, speaker, date, place).

    .venv/bin/python bench/eval_ingest.py [--corpus DIR] [--misses]

Two scores per field: over every row the manifest fills, and over the rows whose value the
text itself states near its top or bottom (the manifest also took values from outside the
file, e.g. a work report's speaker from the NPC resolution; no parser can read those).
Place in the manifest is the meeting: it is compared with `occasion`, or with `city` when it
names one. Rows of tests/data/labels/*.tsv (labelled by us: xi2020, whose manifest rows are
empty) are added to the manifest's; their place is what the text states, compared with `city`.
Also counts, per corpus, the files for which a place (city) is found. Writes nothing.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import traceback
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speeches.ingest import IngestError, parse_bytes  # noqa: E402
from speeches.ingest.decode import decode  # noqa: E402
from speeches.ingest.normalise import normalise  # noqa: E402
from speeches.ingest.places import city_from  # noqa: E402

try:
    import opencc
    _T2S = opencc.OpenCC("t2s")
    to_simplified = _T2S.convert
except Exception:  # the score only gets stricter without it
    def to_simplified(text: str) -> str:
        return text

FIELDS = ("title", "speaker", "date", "place")
_PUNCT = re.compile(r"[\s\u3000，,。.：:；;、！!？?“”\"'‘’（）()《》〈〉【】\[\]—\-·]+")
_DISAMBIGUATOR = re.compile(r"\s*[（(][^）)\d]{1,8}[）)]\s*$")  # Wikisource's ' (十九大)'
_HEAD, _TAIL = 1500, 300


def norm(text: str | None) -> str:
    return _PUNCT.sub("", to_simplified(text or ""))


def similar(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or SequenceMatcher(None, a, b).ratio() >= 0.9)


LABELS = ROOT / "tests" / "data" / "labels"


def score(field: str, expected: str, speech) -> bool:
    if field == "title":
        want = norm(_DISAMBIGUATOR.sub("", expected))
        return any(similar(want, norm(t)) for t in (speech.title, (speech.title or "") + (speech.subtitle or "")))
    if field == "speaker":
        return norm(expected) == norm(speech.speaker)
    if field == "date":  # right at the manifest's precision: '2024-03-05' answers '2024'
        return (speech.date.iso() if speech.date else "").startswith(expected)
    if norm(expected) == norm(speech.city):
        return True
    city = city_from(office=None, occasion=expected, header=[expected])
    if city:
        return city == speech.city
    return similar(norm(expected), norm(speech.occasion))


def stated(field: str, expected: str, head: str) -> bool:
    """Does the file's own header (or sign-off) say this value?"""
    if field == "date":
        year = expected[:4]
        cn_year = "".join("〇一二三四五六七八九"[int(d)] for d in year)
        return bool(re.search(rf"(?:{year}|{cn_year}|{cn_year.replace('〇', '○')})年\s*[\d一二三四五六七八九十]", head)
                    or re.search(rf"{year}[01]\d[0-3]\d", head))
    want = norm(_DISAMBIGUATOR.sub("", expected))
    if field == "speaker":  # '（《毛泽东选集》第五卷）' cites a book; it does not say who spoke
        head = re.sub(r"\S{0,12}选集", "", head)
    if field == "title":
        match = SequenceMatcher(None, want, head).find_longest_match(0, len(want), 0, len(head))
        return match.size >= 0.8 * len(want)
    return want in head


def head_of(data: bytes, filename: str) -> str:
    text = normalise(decode(data, filename=filename))
    return norm(text[:_HEAD] + text[-_TAIL:])


def main() -> None:
    args = _args()
    corpus = Path(args.corpus)
    rows = {}
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            rows.setdefault(row["file"], row)
    for path in sorted(LABELS.glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                rows[row["file"]] = row
    totals = defaultdict(lambda: [0, 0, 0, 0])  # (kind, field) -> filled, correct, stated, correct&stated
    crashes, refused, misses = [], [], []
    places = defaultdict(lambda: [0, 0])  # kind -> files, files with a place
    for name, row in sorted(rows.items()):
        data = (corpus / name).read_bytes()
        try:
            speeches = parse_bytes(data, filename=Path(name).name)
        except IngestError as err:
            refused.append(f"{name}: {err}")
            continue
        except Exception:
            crashes.append(f"{name}: {traceback.format_exc(limit=3)}")
            continue
        if not speeches:
            refused.append(f"{name}: no speech found")
            continue
        head = head_of(data, name)
        places[name.split("/")[0]][0] += 1
        places[name.split("/")[0]][1] += bool(speeches[0].city)
        for field in FIELDS:
            expected = row[field].strip()
            if not expected:
                continue
            ok, says = score(field, expected, speeches[0]), stated(field, expected, head)
            for kind in (name.split("/")[0], "ALL"):
                cell = totals[(kind, field)]
                cell[0] += 1
                cell[1] += ok
                cell[2] += says
                cell[3] += ok and says
            if not ok:
                got = _got(field, speeches[0])
                misses.append(f"{'STATED ' if says else 'unstated'} {field:7} {name}: want {expected!r} got {got!r}")
    _report(totals, crashes, refused, misses if args.misses else [])
    print("\nplace found: " + ", ".join(f"{kind} {found}/{files}" for kind, (files, found) in sorted(places.items())))


def _got(field, speech):
    if field == "place":
        return f"{speech.occasion} / city {speech.city}"
    if field == "date":
        return speech.date.iso() if speech.date else None
    return getattr(speech, field) if field != "title" else (speech.title, speech.subtitle)


def _report(totals, crashes, refused, misses) -> None:
    print("| corpus | field | filled | correct | % | stated in text | correct of stated | % |")
    print("|---|---|---|---|---|---|---|---|")
    kinds = sorted({kind for kind, _ in totals}, key=lambda k: (k == "ALL", k))
    for kind in kinds:
        for field in FIELDS:
            filled, correct, says, both = totals.get((kind, field), [0, 0, 0, 0])
            if filled:
                print(f"| {kind} | {field} | {filled} | {correct} | {_pct(correct, filled)} | {says} | {both} | {_pct(both, says)} |")
    print(f"\ncrashes: {len(crashes)}; refused or empty: {len(refused)}")
    for line in crashes + refused + misses:
        print(line)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def _args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--misses", action="store_true", help="list every miss")
    return parser.parse_args()


if __name__ == "__main__":
    main()
