"""Import speed, with the index kept up to date: file by file against one catch-up at the end.

Run by hand:  .venv/bin/python bench/bench_import.py [--files 100] [--runs 3] [--corpus ../shared/corpus]
Each run is a fresh process with a throwaway data dir (SQLite + Whoosh). "file by file" saves
each file through services.file_import and lets its commit apply the index queue, as a web
upload does; "bulk" is the import_speeches command, which holds the queue until the end
(speeches.search.queue.bulk). Both index the same files; the run checks the index afterwards.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pick(corpus: Path, count: int) -> list[Path]:
    """Every n-th file in name order, so every kind of the corpus is in the sample."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    step = max(1, len(files) // count)
    return files[::step][:count]


def one(mode: str, files: list[str]) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from speeches import services
    from speeches.search import queue

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    if mode == "bulk":
        call_command("import_speeches", *files, verbosity=0, stdout=open(os.devnull, "w"))
    else:
        for name in files:
            services.file_import(data=Path(name).read_bytes(), name=Path(name).name)
    seconds = time.perf_counter() - start
    assert not queue.drift(), "index differs from the database"
    size = sum(Path(name).stat().st_size for name in files)
    return {"seconds": seconds, "mb": size / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.one:
        print(json.dumps(one(args.one, rest)))
        return
    files = [str(p) for p in pick(Path(args.corpus), args.files)]
    times = {"file by file": [], "bulk": []}
    for _ in range(args.runs):
        for mode in times:  # interleaved, so load from other work hits both alike
            env = {**os.environ, "ARCHIVE_DATA_DIR": tempfile.mkdtemp(prefix="bench-import-")}
            out = subprocess.run([sys.executable, __file__, "--one", mode.split()[0], *files],
                                 env=env, capture_output=True, text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            times[mode].append(result["seconds"])
            print(f"{mode}: {result['seconds']:.1f} s", file=sys.stderr)
    mb = result["mb"]
    base = statistics.median(times["file by file"])
    print(f"{len(files)} files, {mb:.1f} MB; median of {args.runs} runs\n")
    print("| import | median s | MB/s | vs file by file |\n|---|---|---|---|")
    for mode, values in times.items():
        median = statistics.median(values)
        print(f"| {mode} | {median:.1f} | {mb / median:.2f} | {base / median:.1f}× |")


if __name__ == "__main__":
    main()
