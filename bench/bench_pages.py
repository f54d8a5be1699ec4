"""Server time of the pages people use most: the longest bundled speech and a results page.
The speech page is also timed with 200 notes drawn on it, for their author (target < 50 ms).

Run by hand:  .venv/bin/python bench/bench_pages.py [--runs 30] [--corpus ../shared/corpus]
Uses a throwaway data dir (SQLite + Whoosh) with the bundled samples imported (and, with --corpus,
every file of the corpus too, so results pages have thousands of hits), and Django's test client
in-process, so the figure is server work only (no network, no browser).
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
from django.db.models import Count  # noqa: E402
from django.db.models.functions import Length  # noqa: E402
from django.test import Client  # noqa: E402

from speeches.models import Section, Speaker, Speech  # noqa: E402


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
    parser.add_argument("--corpus", help="also import this folder (e.g. ../shared/corpus)")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("import_speeches", str(ROOT / "speeches/fixtures/samples"), verbosity=0)
    longest = Speech.objects.annotate(n=Length("cleaned_text")).order_by("-n").first()
    if args.corpus:
        start = time.perf_counter()
        call_command("import_speeches", args.corpus, verbosity=0)
        print(f"imported {args.corpus} in {time.perf_counter() - start:.0f} s")
    client = Client()
    pages = {
        f"speech page, longest bundled speech ({longest.n} chars)": longest.get_absolute_url(),
        "speech page from a search (?q=落实)": longest.get_absolute_url() + "?q=落实",
        "results page (q=落实)": "/search?q=落实",
        "results page, no query (browse)": "/search",
        "in context, every match (q=落实)": "/search/kwic?q=落实",
        "home page": "/",
    }
    speaker = Speaker.objects.annotate(n=Count("speeches")).order_by("-n").first()
    pages[f"speaker page with the most speeches ({speaker.n})"] = f"/speakers/{speaker.name}/"
    if args.corpus:
        biggest = Speech.objects.annotate(n=Length("cleaned_text")).order_by("-n").first()
        pages[f"speech page, longest speech of all ({biggest.n} chars)"] = biggest.get_absolute_url()
    counts = f"{Speech.objects.count():,} speeches, {Section.objects.count():,} sections"
    print(f"{counts}; {args.runs} runs each\n\n| page | median ms | p95 ms |\n|---|---|---|")
    for name, url in pages.items():
        median, p95 = timed(client, url, args.runs)
        print(f"| {name} | {median:.1f} | {p95:.1f} |")
    notes_page(client, *add_notes(longest, 200), runs=args.runs)


def notes_page(anonymous: Client, url: str, author, runs: int) -> None:
    """The speech page with 200 notes seen by their author, interleaved request by request with
    the same page seen by an anonymous reader, for whom all 200 are private (so none is drawn):
    the ratio is what drawing 200 notes costs, on a noisy machine."""
    reader = Client()
    reader.force_login(author)
    samples: dict[str, list[float]] = {"anonymous": [], "author": []}
    cpu: dict[str, list[float]] = {"anonymous": [], "author": []}  # this process's CPU: less noisy
    for client in (anonymous, reader):
        client.get(url)
    for _ in range(runs):
        for name, client in (("anonymous", anonymous), ("author", reader)):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            samples[name].append((time.perf_counter() - start) * 1000)
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200
    assert response.content.count(b'class="note-card') == 200
    base, drawn = statistics.median(samples["anonymous"]), statistics.median(samples["author"])
    base_cpu, drawn_cpu = statistics.median(cpu["anonymous"]), statistics.median(cpu["author"])
    print(f"| same speech page, 200 private notes, anonymous (none drawn) | {base:.1f} | CPU {base_cpu:.1f} |")
    print(f"| same speech page, signed in as the author of the 200 notes | {drawn:.1f} | CPU {drawn_cpu:.1f} |")
    print(f"\n200 notes drawn: {drawn / base:.2f}x the page without them (wall medians, interleaved), "
          f"{drawn_cpu / base_cpu:.2f}x in CPU time")


def add_notes(speech: Speech, count: int):
    """`count` private notes by one reader spread over the speech's paragraphs, made through the
    real service. Returns (speech url, the reader)."""
    from django.contrib.auth import get_user_model

    from annotations.services import note_create

    user = get_user_model().objects.create_user(username="bench-reader", password="bench-pw-123456")
    places = [(s.anchor, i, p) for s in speech.sections.all() for i, p in enumerate(s.paragraphs, 1) if len(p) > 12]
    for n in range(count):
        anchor, index, text = places[n % len(places)]
        start = (n // len(places)) % (len(text) - 8)
        note_create(author=user, speech=speech, anchor=anchor, paragraph=index, start=start, end=start + 8,
                    exact=text[start:start + 8], body=f"笔记 {n}：这里的提法\n可以用在年度总结里。")
    return speech.get_absolute_url(), user


if __name__ == "__main__":
    main()
