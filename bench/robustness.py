"""Metamorphic robustness over the labelled corpus: pass rate per kind of variant.

    .venv/bin/python bench/robustness.py [--corpus ../shared/corpus] [--per-kind 60] [--fails]

For each labelled file (tests/data/labels/*.tsv, and the MANIFEST rows with a title; at most
--per-kind files of each corpus), every variant of tests/ingest/variants.py (line breaks
removed, five portal chromes, dateline before/after, CRLF, GBK, full-width spaces) must parse
to the same title, speaker, date and place, and the same text (white space aside), as the
file itself. A file GBK cannot encode skips that variant. Writes nothing.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from speeches.ingest import IngestError, parse_bytes  # noqa: E402
from speeches.ingest.decode import decode  # noqa: E402
from variants import same_text, variants  # noqa: E402


def labelled(corpus: Path, per_kind: int) -> list[str]:
    names: list[str] = []
    for path in sorted((ROOT / "tests" / "data" / "labels").glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            names += [row["file"] for row in csv.DictReader(fh, delimiter="\t")]
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        names += [row["file"] for row in csv.DictReader(fh, delimiter="\t") if row["title"].strip()]
    taken: Counter = Counter()
    out = []
    for name in dict.fromkeys(names):
        kind = name.split("/")[0]
        if taken[kind] < per_kind:
            taken[kind] += 1
            out.append(name)
    return out


def meta(speech) -> dict:
    return {"title": speech.title, "speaker": speech.speaker,
            "date": speech.date.iso() if speech.date else None, "city": speech.city}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--per-kind", type=int, default=60)
    parser.add_argument("--fails", action="store_true", help="list every failing file and variant")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    results: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # variant kind -> passed, tried
    fails = []
    files = labelled(corpus, args.per_kind)
    for name in files:
        data = (corpus / name).read_bytes()
        try:
            text = decode(data, filename=name)
            [original, *_] = parse_bytes(data, filename=name)
        except (IngestError, ValueError):
            continue
        for kind, variant, expected in variants(text, meta(original)):
            kind = "chrome (5 styles)" if kind.startswith("chrome") else kind
            speeches = parse_bytes(variant, filename=name)
            ok = bool(speeches) and meta(speeches[0]) == expected and same_text(speeches[0].text, original.text)
            results[kind][0] += ok
            results[kind][1] += 1
            if not ok:
                fails.append(f"{kind:18} {name}: {meta(speeches[0]) if speeches else 'no speech'} != {expected}")
    print(f"{len(files)} labelled files\n\n| variant | passed | tried | % |\n|---|---|---|---|")
    for kind, (passed, tried) in results.items():
        print(f"| {kind} | {passed} | {tried} | {100 * passed / tried:.1f} |")
    for line in fails if args.fails else []:
        print(line)


if __name__ == "__main__":
    main()
