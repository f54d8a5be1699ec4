"""Upload speed, end to end, through the admin pages and the real background worker.

Run by hand:  .venv/bin/python bench/bench_upload.py [--files 100] [--runs 3] [--big 20000]
Each measurement runs in a fresh process with a throwaway data dir (SQLite + Whoosh):
- zip:   a .zip of the corpus sample bench_import uses (every n-th file), POSTed to the upload
         page, confirmed, imported by `manage.py db_worker` (its own process): seconds from the
         upload POST until the batch is done and the index holds every section. MB/s of the files.
- one:   with a worker already running, one corpus file: seconds from the confirm POST until a
         search finds it (the progress page says 100 % at the same moment).
- scale: seconds per file to import the same 20 corpus files (as the worker does: file_import,
         the index caught up) into an empty archive and into one of --big speeches (synthetic,
         five sections each, with fingerprints and a full index).
"""
import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_import import pick  # noqa: E402


def setup(data_dir: str):
    os.environ["ARCHIVE_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def client():
    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.create_superuser("bench", password="bench-password-1")
    c = Client()
    c.force_login(user)
    return c


def worker(data_dir: str) -> subprocess.Popen:
    env = {**os.environ, "ARCHIVE_DATA_DIR": data_dir}
    return subprocess.Popen([sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
                             "--interval", "0.1", "-v", "0"], cwd=ROOT, env=env)


def upload(c, files: dict[str, bytes]):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from speeches.upload.models import UploadBatch

    c.post("/admin/speeches/uploadbatch/upload/", {"files": [SimpleUploadedFile(n, d) for n, d in files.items()]})
    return UploadBatch.objects.order_by("-pk").first()


def warm(c) -> None:
    """One small batch through the worker first, and one search here: both processes have loaded
    jieba and their code, as a server that has been up for a while has."""
    from speeches.search import search

    batch = upload(c, {"warm.txt": "热身\n一、热身\n这是一篇用来预热的短文，预热之后开始计时。".encode()})
    c.post(f"/admin/speeches/uploadbatch/upload/{batch.pk}/", {"confirm": "1"})
    wait_done(batch)
    search(q="预热")


def wait_done(batch, timeout=1800):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status == "done":
            return
        time.sleep(0.05)
    raise TimeoutError("batch not done")


def run_zip(files: list[str]) -> dict:
    data_dir = tempfile.mkdtemp(prefix="bench-upload-")
    setup(data_dir)
    from speeches.search import queue

    c = client()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files:
            archive.write(name, Path(name).name)
    proc = worker(data_dir)
    try:
        warm(c)
        start = time.perf_counter()
        batch = upload(c, {"sample.zip": out.getvalue()})
        c.post(f"/admin/speeches/uploadbatch/upload/{batch.pk}/", {"confirm": "1"})
        wait_done(batch)
        seconds = time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait()
    assert not queue.drift(), "index differs from the database"
    failed = batch.files.exclude(status="imported").count()
    mb = sum(Path(n).stat().st_size for n in files) / 1e6
    return {"seconds": seconds, "mb": mb, "not_imported": failed, "worker": worker_seconds(batch)}


def worker_seconds(batch) -> float:
    """From confirm to done: the import alone, without the upload's checks and parse."""
    return (batch.finished - batch.confirmed).total_seconds()


def run_one(name: str) -> dict:
    data_dir = tempfile.mkdtemp(prefix="bench-upload-")
    setup(data_dir)
    from speeches.models import Speech
    from speeches.search import search

    c = client()
    proc = worker(data_dir)
    try:
        warm(c)
        batch = upload(c, {Path(name).name: Path(name).read_bytes()})
        start = time.perf_counter()
        c.post(f"/admin/speeches/uploadbatch/upload/{batch.pk}/", {"confirm": "1"})
        while True:
            speech = Speech.objects.exclude(source_name="warm.txt").first()
            if speech is not None:
                word = speech.sections.exclude(body="").first().body[:4]
                if search(q=f'"{word}"').speeches >= 1:
                    break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait()
    return {"seconds": seconds}


def fill(count: int) -> None:
    """`count` synthetic speeches (random common Han text, five sections each), with fingerprints
    and their inverted index, written in bulk, then indexed by a full rebuild: the archive an
    upload lands in, built in minutes instead of the hours 20,000 imports would take."""
    import hashlib

    from speeches.ingest.fingerprint import minhash
    from speeches.models import FingerprintValue, Section, Speech
    from speeches.search import rebuild

    rng = random.Random(1)
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    for start in range(0, count, 1000):
        speeches, bodies = [], []
        for i in range(start, min(count, start + 1000)):
            parts = [(f"{'一二三四五'[k]}、", "".join(rng.choices(common, k=8)), "".join(rng.choices(common, k=200)) + "。")
                     for k in range(5)]
            text = "\n".join(f"{label}{heading}\n{body}" for label, heading, body in parts)
            key = hashlib.sha256(text.encode()).hexdigest()
            speeches.append(Speech(uid=key[:12], title=f"讲话{i}", checksum=key, content_checksum=key,
                                   cleaned_text=text, original_text=text, fingerprint=list(minhash(text)),
                                   **Speech.date_fields(1990 + i % 35, 1 + i % 12, None)))
            bodies.append(parts)
        Speech.objects.bulk_create(speeches)
        Section.objects.bulk_create([
            Section(speech=speech, order=k, label=label, heading=heading, body=body, anchor=f"s{k + 1}")
            for speech, parts in zip(speeches, bodies) for k, (label, heading, body) in enumerate(parts)])
        FingerprintValue.objects.bulk_create([
            FingerprintValue(speech=speech, value=value) for speech in speeches for value in set(speech.fingerprint)])
    rebuild()


def run_scale(files: list[str], big: int) -> dict:
    data_dir = tempfile.mkdtemp(prefix="bench-upload-")
    setup(data_dir)
    from speeches import services
    from speeches.models import Speech
    from speeches.search import queue

    t0 = time.perf_counter()
    fill(big)
    filled = time.perf_counter() - t0
    per_file = []
    for name in files:
        start = time.perf_counter()
        with queue.bulk():
            services.file_import(data=Path(name).read_bytes(), name=Path(name).name)
        per_file.append(time.perf_counter() - start)
    return {"archive": Speech.objects.count() - len(files), "median": statistics.median(per_file),
            "fill_seconds": filled}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--only", choices=["zip", "one", "scale"])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, payload = json.loads(args.one)
        result = {"zip": lambda: run_zip(payload), "one": lambda: run_one(payload),
                  "scale": lambda: run_scale(payload["files"], payload["big"])}[kind]()
        print(json.dumps(result))
        return
    files = [str(p) for p in pick(Path(args.corpus), args.files)]

    def child(kind, payload):
        done = subprocess.run([sys.executable, __file__, "--one", json.dumps([kind, payload])],
                              capture_output=True, text=True, cwd=ROOT, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    if args.only in (None, "zip"):
        runs = [child("zip", files) for _ in range(args.runs)]
        mb = runs[0]["mb"]
        secs = statistics.median(r["seconds"] for r in runs)
        print(f"zip of {len(files)} files, {mb:.2f} MB: upload to searchable median {secs:.1f} s over {args.runs} "
              f"({[round(r['seconds'], 1) for r in runs]}), {mb / secs:.2f} MB/s; of which confirm to done "
              f"{statistics.median(r['worker'] for r in runs):.1f} s; not imported {runs[0]['not_imported']}")
    if args.only in (None, "one"):
        runs = [child("one", files[i * 7 % len(files)]) for i in range(args.runs)]
        print(f"one file, confirm to searchable: median {statistics.median(r['seconds'] for r in runs):.2f} s "
              f"({[round(r['seconds'], 2) for r in runs]})")
    if args.only in (None, "scale"):
        sample = files[:20]
        empty = child("scale", {"files": sample, "big": 0})
        full = child("scale", {"files": sample, "big": args.big})
        print(f"per file into an empty archive: {empty['median'] * 1e3:.0f} ms; into {full['archive']:,} speeches: "
              f"{full['median'] * 1e3:.0f} ms (ratio {full['median'] / empty['median']:.2f}; filling took {full['fill_seconds']:.0f} s)")


if __name__ == "__main__":
    main()
