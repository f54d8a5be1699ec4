"""Search benchmark: 100,000 sections from ../shared/corpus, our index against stock haystack.

Run by hand (figures and commands in docs/PERFORMANCE.md, "Search"):

    .venv/bin/python bench/bench_search.py all          # populate, build both, measure
    .venv/bin/python bench/bench_search.py measure      # again, on what is built

Steps: populate (SQLite under --data-dir, 100k sections), build (our rebuild on every core:
MB/s of section text), baseline (stock haystack WhooshEngine, default analyzer, through
backend.update in batches of 1,000 as update_index does), measure (the search page work for a
query mix on both, raw Whoosh as the floor, first search in a fresh process, RSS, hostile queries).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT_DIR = ROOT / "var" / "bench-search"


def setup(data_dir: Path) -> None:
    os.environ["ARCHIVE_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    from django.conf import settings

    settings.HAYSTACK_CONNECTIONS["baseline"] = {
        "ENGINE": "haystack.backends.whoosh_backend.WhooshEngine",
        "PATH": str(data_dir / "whoosh-baseline"),
    }
    settings.HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"  # no queue rows
    import django

    django.setup()


def populate(target: int) -> None:
    from django.core.management import call_command

    from search_data import populate as fill
    from speeches.models import Section

    call_command("migrate", verbosity=0)
    if Section.objects.exists():
        print(f"populate: {Section.objects.count()} sections already there")
        return
    start = time.monotonic()
    count = fill(target)
    print(f"populate: {count} sections in {time.monotonic() - start:.0f} s")


def build(workers: int | None) -> dict:
    from speeches.search import rebuild

    built = rebuild(workers=workers)
    size = _du(built.generation)
    figures = {"sections": built.sections, "mb": built.text_bytes / 1e6, "seconds": built.seconds,
               "mb_per_s": built.mb_per_second, "segments": built.segments, "index_mb": size}
    print("build:", json.dumps(figures))
    return figures


def baseline(batch: int = 1000) -> dict:
    from haystack import connections

    from speeches.models import Section

    backend = connections["baseline"].get_backend()
    backend.clear()
    index = connections["baseline"].get_unified_index().get_index(Section)
    queryset = index.index_queryset().order_by("pk")
    start, size, done = time.monotonic(), 0, 0
    ids = list(queryset.values_list("pk", flat=True))
    for i in range(0, len(ids), batch):
        objs = list(queryset.filter(pk__gte=ids[i], pk__lte=ids[min(i + batch, len(ids)) - 1]))
        size += sum(len(index.prepare_text(o).encode()) for o in objs)
        backend.update(index, objs)
        done += len(objs)
        if done % 10_000 < batch:
            print(f"baseline: {done} sections, {size / 1e6 / (time.monotonic() - start):.2f} MB/s", flush=True)
    seconds = time.monotonic() - start
    figures = {"sections": done, "mb": size / 1e6, "seconds": seconds, "mb_per_s": size / 1e6 / seconds,
               "index_mb": _du(Path(backend.path))}
    print("baseline:", json.dumps(figures))
    return figures


def _du(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["populate", "build", "baseline", "measure", "words", "all"])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--sections", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query")
    parser.add_argument("--systems", default=",".join(("ours", "haystack", "ours, cold postings", "raw whoosh", "stock")),
                        help="comma-separated: ours, haystack, ours cold, raw whoosh, stock")
    parser.add_argument("--no-extras", action="store_true", help="skip the fresh-process and hostile-query runs")
    args = parser.parse_args()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    setup(args.data_dir)
    if args.step in ("populate", "all"):
        populate(args.sections)
    if args.step in ("build", "all"):
        build(args.workers)
    if args.step in ("baseline", "all"):
        baseline()
    if args.step in ("measure", "all"):
        from search_measure import measure

        systems = [s.strip().replace("ours cold", "ours, cold postings") for s in args.systems.split(",")]
        measure(args.data_dir, args.runs, systems, extras=not args.no_extras)
    if args.step == "words":
        from search_words import check

        check()


if __name__ == "__main__":
    main()
