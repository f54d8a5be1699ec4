"""Write one huge speech for the memory and page-size measurements (docs/PERFORMANCE.md, issue 13).

Work-report paragraphs drawn at random (seeded) from the corpus's government work reports
(../shared/corpus/gwr/gwr_*.txt) under one title, so the parser makes one speech.

    .venv/bin/python bench/huge_speech.py 60 /tmp/huge60.txt   # 60 MB (UTF-8 bytes)
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "gwr"
TITLE = "在全国经济工作会议上的讲话（长文测试）"
MIN_CHARS = 40  # paragraphs, not headings or stray lines


def paragraphs(corpus: Path) -> list[str]:
    found = []
    for path in sorted(corpus.glob("gwr_*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip().strip("\u3000")
            if len(line) >= MIN_CHARS:
                found.append(line)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("megabytes", type=float)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    pool = paragraphs(args.corpus)
    rng = random.Random(args.seed)
    target = int(args.megabytes * 1_000_000)
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        out.write(f"{TITLE}\n\n")
        while written < target:
            text = f"\u3000\u3000{rng.choice(pool)}\n\n"
            out.write(text)
            written += len(text.encode("utf-8"))
    print(f"{args.out}: {written / 1e6:.1f} MB from {len(pool)} paragraphs")


if __name__ == "__main__":
    main()
