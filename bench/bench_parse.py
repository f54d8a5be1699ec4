"""Parse speed of speeches.ingest (no database, no search index): MB/s, median of runs.

    .venv/bin/python bench/bench_parse.py [--runs 5] [--corpus ../shared/corpus]

Input: every file of the corpus plus the golden seeds, read into memory first so that disk
speed is not measured; one run parses them all. Also times one 20 MB file (the worst case
for anything quadratic). Writes nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speeches.ingest import IngestError, parse_bytes  # noqa: E402


def load(corpus: Path) -> list[tuple[str, bytes]]:
    paths = sorted(corpus.glob("*/*.txt")) + sorted((ROOT / "tests" / "data" / "golden").glob("*.txt"))
    return [(p.name, p.read_bytes()) for p in paths]


def run_once(files: list[tuple[str, bytes]]) -> float:
    started = time.perf_counter()
    for name, data in files:
        try:
            parse_bytes(data, filename=name)
        except IngestError:
            pass
    return time.perf_counter() - started


def big_file(files: list[tuple[str, bytes]]) -> bytes:
    sample = b"\n".join(data for name, data in files if name.startswith("00"))
    return sample * (20_000_000 // len(sample) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    files = load(Path(args.corpus))
    size = sum(len(data) for _, data in files) / 1e6
    run_once(files[:20])  # warm-up: imports, regex compilation, the common-character table
    times = [run_once(files) for _ in range(args.runs)]
    median = statistics.median(times)
    print(f"corpus: {len(files)} files, {size:.1f} MB; runs {', '.join(f'{t:.2f}s' for t in times)}")
    print(f"median {median:.2f}s = {size / median:.1f} MB/s")
    data = big_file(files)
    big = [run_once([("big.txt", data)]) for _ in range(max(1, args.runs // 2))]
    print(f"one {len(data) / 1e6:.0f} MB file: median {statistics.median(big):.2f}s = "
          f"{len(data) / 1e6 / statistics.median(big):.1f} MB/s")


if __name__ == "__main__":
    main()
