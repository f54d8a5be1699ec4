"""Server time of the pages people use most: the longest bundled speech and a results page.

Run by hand:  .venv/bin/python bench/bench_pages.py [--runs 30]
Uses a throwaway data dir (SQLite + Whoosh) with the bundled samples imported, and Django's
test client in-process, so the figure is server work only (no network, no browser).
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["ARCHIVE_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-pages-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402
from django.db.models.functions import Length  # noqa: E402
from django.test import Client  # noqa: E402

from speeches.models import Speech  # noqa: E402


def timed(client: Client, url: str, runs: int) -> tuple[float, float]:
    client.get(url)  # warm caches and lazy imports once
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("import_speeches", str(ROOT / "speeches/fixtures/samples"), verbosity=0)
    longest = Speech.objects.annotate(n=Length("cleaned_text")).order_by("-n").first()
    client = Client()
    pages = {
        f"speech page, longest sample ({longest.n} chars)": longest.get_absolute_url(),
        "speech page from a search (?q=落实)": longest.get_absolute_url() + "?q=落实",
        "results page (q=落实)": "/search?q=落实",
        "results page, no query (browse)": "/search",
        "home page": "/",
    }
    print(f"| page | median ms | p95 ms |  ({args.runs} runs each)\n|---|---|---|")
    for name, url in pages.items():
        median, p95 = timed(client, url, args.runs)
        print(f"| {name} | {median:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
