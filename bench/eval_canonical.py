"""Does the inverted fingerprint index find the same canonicals as the old full scan, on the corpus?

Run by hand:  .venv/bin/python bench/eval_canonical.py [--corpus ../shared/corpus]
Parses every corpus file, then stores its speeches one by one (rows only, no sections or index)
in a throwaway SQLite archive, asking before each store both the old scan over every stored
fingerprint and services.find_canonical. Prints how many variants each found, where they differ,
and the lookup times near the end (the scan grows with the archive; the index should not).
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scan(Speech, similarity, threshold, fingerprint):
    """find_canonical as it was before the index: every stored fingerprint, default ordering."""
    best, best_score = None, threshold
    for candidate in Speech.objects.exclude(fingerprint=[]).only("id", "fingerprint", "canonical_id"):
        score = similarity(fingerprint, candidate.fingerprint)
        if score >= best_score:
            best, best_score = candidate, score
    return None if best is None else (best.canonical if best.canonical_id else best)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    os.environ["ARCHIVE_DATA_DIR"] = tempfile.mkdtemp(prefix="eval-canonical-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from speeches import services
    from speeches.ingest import IngestError, parse_bytes
    from speeches.ingest.fingerprint import VARIANT_THRESHOLD, similarity
    from speeches.models import Speech

    call_command("migrate", verbosity=0)
    files = sorted(p for p in Path(args.corpus).rglob("*") if p.is_file() and p.name != "MANIFEST.tsv")
    stored = same = old_found = new_found = 0
    times_old, times_new, differ = [], [], []
    for path in files:
        try:
            parsed = parse_bytes(path.read_bytes(), filename=path.name)
        except IngestError:
            continue
        for position, speech in enumerate(parsed):
            fingerprint = list(speech.fingerprint)
            t0 = time.perf_counter()
            old = scan(Speech, similarity, VARIANT_THRESHOLD, fingerprint)
            t1 = time.perf_counter()
            new = services.find_canonical(fingerprint)
            t2 = time.perf_counter()
            times_old.append(t1 - t0)
            times_new.append(t2 - t1)
            old_found += old is not None
            new_found += new is not None
            same += old == new
            if old != new:
                differ.append((path.name, position, old, new))
            key = f"{stored:016x}"
            row = Speech.objects.create(
                uid=key, title=(speech.title or path.stem)[:300], checksum=key, content_checksum=key,
                cleaned_text="", fingerprint=fingerprint, canonical=new)
            services.fingerprint_index(speech=row)
            stored += 1
    last = slice(-200, None)
    print(f"files {len(files)}, speeches {stored}")
    print(f"variants found: full scan {old_found}, index {new_found}; same answer {same}/{stored}")
    for name, position, old, new in differ:
        print(f"  differs: {name}#{position}: scan {old and old.pk}, index {new and new.pk}")
    print(f"lookup, median of the last 200 (archive ≈ {stored}): scan {statistics.median(times_old[last]) * 1e3:.1f} ms,"
          f" index {statistics.median(times_new[last]) * 1e3:.1f} ms")
    print(f"lookup, median of the first 200: scan {statistics.median(times_old[:200]) * 1e3:.1f} ms,"
          f" index {statistics.median(times_new[:200]) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
