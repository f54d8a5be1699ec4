"""Upload speed, end to end, through the admin pages and the real background worker.

Run by hand:  .venv/bin/python bench/bench_upload.py [--files 100] [--runs 3] [--big 20000]
Each measurement runs in a fresh process with a throwaway data dir (SQLite + Whoosh):
- zip:   a .zip of the corpus sample bench_import uses (every n-th file), POSTed to the upload
         page, confirmed, imported by `manage.py db_worker` (its own process): seconds from the
         upload POST until the batch is done and the index holds every section. MB/s of the files.
         Baseline, interleaved: `import_speeches` on the same files.
- one:   with a worker already running, one corpus file: seconds from the confirm POST until a
         search finds it (the progress page says 100 % at the same moment).
- scale: seconds per file to import the same 20 corpus files (as the worker does: file_import,
         the index caught up) into an empty archive, into one of --big speeches, and into an empty
         one again (same sitting). The big archive is bench/upload_fill.py's: a copy of the search
         bench's data dir (--fill-from; 104,180 indexed sections) with fingerprints, topped up to
         --big speeches in the database.
"""
import argparse
import io
import json
import os
import shutil
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


def cpu_of(pid: int) -> float:
    """CPU seconds of a process and its waited-for children (the rebuild's pool), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


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
        start, web, work = time.perf_counter(), time.process_time(), cpu_of(proc.pid)
        batch = upload(c, {"sample.zip": out.getvalue()})
        c.post(f"/admin/speeches/uploadbatch/upload/{batch.pk}/", {"confirm": "1"})
        web = time.process_time() - web  # the two requests; the polling below is not the site's work
        wait_done(batch)
        seconds = time.perf_counter() - start
        work = cpu_of(proc.pid) - work
    finally:
        proc.terminate()
        proc.wait()
    assert not queue.drift(), "index differs from the database"
    failed = batch.files.exclude(status="imported").count()
    mb = sum(Path(n).stat().st_size for n in files) / 1e6
    return {"seconds": seconds, "mb": mb, "not_imported": failed, "worker": worker_seconds(batch),
            "cpu_web": web, "cpu_worker": work, "load": os.getloadavg()[0]}


def run_cli(files: list[str]) -> dict:
    """The baseline of the same sitting: `import_speeches` on the same files (one process, the
    index caught up once at the end), jieba loaded first as the upload's worker has it."""
    data_dir = tempfile.mkdtemp(prefix="bench-upload-")
    setup(data_dir)
    from django.core.management import call_command

    from speeches.search import queue, search

    search(q="预热")
    start = time.perf_counter()
    call_command("import_speeches", *files, verbosity=0, stdout=open(os.devnull, "w"))
    seconds = time.perf_counter() - start
    assert not queue.drift(), "index differs from the database"
    return {"seconds": seconds, "load": os.getloadavg()[0]}


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
        start, web, work = time.perf_counter(), time.process_time(), cpu_of(proc.pid)
        c.post(f"/admin/speeches/uploadbatch/upload/{batch.pk}/", {"confirm": "1"})
        web = time.process_time() - web
        while True:
            speech = Speech.objects.exclude(source_name="warm.txt").first()
            if speech is not None:
                word = speech.sections.exclude(body="").first().body[:4]
                if search(q=f'"{word}"').speeches >= 1:
                    break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        work = cpu_of(proc.pid) - work
    finally:
        proc.terminate()
        proc.wait()
    return {"seconds": seconds, "cpu_web": web, "cpu_worker": work, "load": os.getloadavg()[0]}


def run_scale(files: list[str], big: int, source: str) -> dict:
    """Seconds per file, each file imported as the worker does (file_import, then the index caught
    up). big == 0: an empty archive; else bench/upload_fill.py's archive of `big` speeches."""
    data_dir = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    filled = {}
    if big:
        from bench import upload_fill

        t0 = time.perf_counter()
        upload_fill.copy_archive(Path(source), data_dir)
        setup(str(data_dir))
        filled = {"copied": time.perf_counter() - t0, "fingerprinted": upload_fill.fingerprint_all(),
                  "added": upload_fill.top_up(big)}
        filled["fill_seconds"] = time.perf_counter() - t0
    else:
        setup(str(data_dir))
    from speeches import services
    from speeches.models import Section, Speech
    from speeches.search import queue

    before = Speech.objects.count()
    with queue.bulk():  # jieba's dictionary and the index opened before timing, in both archives
        services.file_import(data="热身\n一、热身\n这是一篇用来预热的短文。".encode(), name="warm.txt")
    per_file, cpu = [], []
    for name in files:
        start, used = time.perf_counter(), time.process_time()
        with queue.bulk():
            services.file_import(data=Path(name).read_bytes(), name=Path(name).name)
        per_file.append(time.perf_counter() - start)
        cpu.append(time.process_time() - used)
    new = Section.objects.filter(speech__source__isnull=False)
    lost = queue.drift().missing  # the top-up's sections are not indexed (upload_fill.py): only ours count
    missing = [pk for pk in new.values_list("pk", flat=True) if pk in lost]
    shutil.rmtree(data_dir, ignore_errors=True)
    return {"archive": before, "median": statistics.median(per_file), "cpu": statistics.median(cpu),
            "per_file": per_file, "cpu_per_file": cpu, "load": os.getloadavg()[0], "imported_not_indexed": len(missing), **filled}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--fill-from", default=str(ROOT / "var" / "bench-search"),
                        help="a bench_search data dir (populate + build), copied, never written")
    parser.add_argument("--only", choices=["zip", "one", "scale"])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, payload = json.loads(args.one)
        result = {"zip": lambda: run_zip(payload), "one": lambda: run_one(payload), "cli": lambda: run_cli(payload),
                  "scale": lambda: run_scale(payload["files"], payload["big"], payload["source"])}[kind]()
        print(json.dumps(result))
        return
    files = [str(p) for p in pick(Path(args.corpus), args.files)]

    def child(kind, payload):
        done = subprocess.run([sys.executable, __file__, "--one", json.dumps([kind, payload])],
                              capture_output=True, text=True, cwd=ROOT, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    if args.only in (None, "zip"):
        runs, cli = [], []
        for _ in range(args.runs):  # interleaved with the baseline, so load hits both alike
            cli.append(child("cli", files))
            runs.append(child("zip", files))
        mb = runs[0]["mb"]
        secs = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu_web"] + r["cpu_worker"] for r in runs)
        print(f"zip of {len(files)} files, {mb:.2f} MB: upload to searchable median {secs:.1f} s over {args.runs} "
              f"({[round(r['seconds'], 1) for r in runs]}), {mb / secs:.2f} MB/s; of which confirm to done "
              f"{statistics.median(r['worker'] for r in runs):.1f} s; CPU (web requests + worker) median {cpu:.1f} s "
              f"({mb / cpu:.2f} MB per CPU-second); load average {[round(r['load'], 1) for r in runs]}; "
              f"not imported {runs[0]['not_imported']}")
        base = statistics.median(r["seconds"] for r in cli)
        print(f"baseline, import_speeches on the same files: median {base:.1f} s ({[round(r['seconds'], 1) for r in cli]}),"
              f" {mb / base:.2f} MB/s; upload / import_speeches {secs / base:.2f}; load average "
              f"{[round(r['load'], 1) for r in cli]}")
    if args.only in (None, "one"):
        runs = [child("one", files[i * 7 % len(files)]) for i in range(args.runs)]
        print(f"one file, confirm to searchable: median {statistics.median(r['seconds'] for r in runs):.2f} s "
              f"({[round(r['seconds'], 2) for r in runs]}); CPU (confirm request + worker) median "
              f"{statistics.median(r['cpu_web'] + r['cpu_worker'] for r in runs):.2f} s; "
              f"load average {[round(r['load'], 1) for r in runs]}")
    if args.only in (None, "scale"):
        sample = files[:20]
        # empty, full, empty: the two empty runs bracket the full one, so a change of load shows.
        runs = [child("scale", {"files": sample, "big": big, "source": args.fill_from})
                for big in (0, args.big, 0)]
        empty = statistics.median(runs[0]["per_file"] + runs[2]["per_file"])
        empty_cpu = statistics.median(runs[0]["cpu_per_file"] + runs[2]["cpu_per_file"])
        full = runs[1]
        print(f"per file (median of {len(sample)}), wall / CPU: into an empty archive "
              f"{runs[0]['median'] * 1e3:.0f} / {runs[0]['cpu'] * 1e3:.0f} ms, again after: "
              f"{runs[2]['median'] * 1e3:.0f} / {runs[2]['cpu'] * 1e3:.0f} ms; into {full['archive']:,} speeches: "
              f"{full['median'] * 1e3:.0f} / {full['cpu'] * 1e3:.0f} ms (ratio to both empty runs: wall "
              f"{full['median'] / empty:.2f}, CPU {full['cpu'] / empty_cpu:.2f}; load average "
              f"{[round(r['load'], 1) for r in runs]}; "
              f"fill took {full['fill_seconds']:.0f} s; imported sections missing from the index: "
              f"{full['imported_not_indexed']})")


if __name__ == "__main__":
    main()
