"""A 20,000-speech archive for bench_upload's scale measurement, filled in minutes, not hours.

Importing 20,000 files one by one would take hours and index ~400,000 sections (a 3 GB Whoosh
index). Instead the fill starts from a copy of the search bench's archive (bench/bench_search.py
populate + build: 5,260 speeches, 104,180 sections, DB and index consistent), then:
- gives every one of those speeches its MinHash fingerprint and FingerprintValue rows, computed
  from its section text exactly as an import does (the search bench leaves them empty, and the
  canonical lookup is the part of an import that reads other speeches);
- tops the database up to `count` speeches: each extra speech is 19 sections drawn at random from
  the pool of section bodies, with its own fingerprint and FingerprintValue rows, so the tables
  an import reads (speeches, sections, fingerprint values) have the size of a 20,000-speech
  archive and realistic posting lists (common shingles included).
The extra sections are not put in the Whoosh index: the index stays the 104,180-section one,
which the measurement states. The source directory is read, never written.
"""
import hashlib
import random
import shutil
import sqlite3
from pathlib import Path


def copy_archive(source: Path, data_dir: Path) -> None:
    """The database through SQLite's backup API (consistent even if someone writes to it), the
    current index generation as files; the source is opened read-only."""
    data_dir.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source / 'archive.sqlite3'}?mode=ro", uri=True)
    dst = sqlite3.connect(data_dir / "archive.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    link = source / "whoosh"
    generation = link.resolve()
    target = data_dir / "whoosh.gens" / generation.name
    shutil.copytree(generation, target)
    (data_dir / "whoosh").symlink_to(Path("whoosh.gens") / generation.name)
    seal_copied(target)
    if (source / "jieba.cache").exists():
        shutil.copy2(source / "jieba.cache", data_dir / "jieba.cache")


def seal_copied(folder: Path) -> None:
    """Seal the copy's segments that have none: an index built before seals counts as broken
    (speeches.search.indexing.seals) and the first import would rebuild all of it, timing the
    rebuild instead of the import. The copy is the search bench's good index, so sealing it as
    it is states what is true."""
    from speeches.search.indexing import seals

    ids = {path.name.split(".", 1)[0] for path in folder.glob("*_*.*") if not path.name.endswith(".toc")}
    for segment_id in sorted(ids):
        if not (folder / f"{segment_id}{seals.SUFFIX}").exists():
            seals.seal(folder, segment_id)


def fingerprint_all(batch: int = 500) -> int:
    """Fingerprints for the speeches that have none, from their sections' text."""
    from speeches.ingest.fingerprint import minhash
    from speeches.models import FingerprintValue, Section, Speech

    have = set(FingerprintValue.objects.values_list("speech_id", flat=True).distinct())
    ids = [pk for pk in Speech.objects.values_list("pk", flat=True) if pk not in have]
    done = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        texts: dict[int, list[str]] = {pk: [] for pk in chunk}
        for speech_id, heading, body in (Section.objects.filter(speech_id__in=chunk)
                                         .order_by("speech_id", "order").values_list("speech_id", "heading", "body")):
            texts[speech_id].append(f"{heading}\n{body}")
        speeches = list(Speech.objects.filter(pk__in=chunk))
        for speech in speeches:
            speech.fingerprint = list(minhash("\n".join(texts[speech.pk])))
        Speech.objects.bulk_update(speeches, ["fingerprint"])
        FingerprintValue.objects.bulk_create([FingerprintValue(speech=s, value=v)
                                              for s in speeches for v in set(s.fingerprint)])
        done += len(speeches)
    return done


def top_up(count: int, seed: int = 1, per_speech: int = 19, batch: int = 500) -> int:
    """Add speeches made of random sections of the pool until the archive holds `count`."""
    from speeches.ingest.fingerprint import minhash
    from speeches.models import FingerprintValue, Section, Speech

    have = Speech.objects.count()
    rng = random.Random(seed)
    pool = list(Section.objects.exclude(body="").values_list("label", "heading", "body"))
    speakers = list(Speech.objects.exclude(speaker=None).values_list("speaker_id", flat=True).distinct())
    cities = list(Speech.objects.exclude(city="").values_list("city", flat=True).distinct())
    added = 0
    while have + added < count:
        speeches, parts_of = [], []
        for i in range(have + added, min(count, have + added + batch)):
            parts = rng.sample(pool, per_speech)
            text = "\n".join(f"{label}{heading}\n{body}" for label, heading, body in parts)
            key = hashlib.sha256(f"fill:{i}:{text}".encode()).hexdigest()
            year = rng.randint(1950, 2025)
            speeches.append(Speech(uid=f"f{key[:15]}", title=f"{parts[0][1] or '讲话'}（{i}）"[:300],
                                   speaker_id=rng.choice(speakers), city=rng.choice(cities),
                                   checksum=key, content_checksum=key, cleaned_text="",
                                   fingerprint=list(minhash(text)), **Speech.date_fields(year, None, None)))
            parts_of.append(parts)
        Speech.objects.bulk_create(speeches)  # sets the primary keys (RETURNING, SQLite >= 3.35)
        rows = []
        for made, parts in zip(speeches, parts_of):
            rows += [Section(speech=made, order=k, kind="heading", label=label, heading=heading, body=body,
                             anchor=f"s{k}", depth=0) for k, (label, heading, body) in enumerate(parts)]
        Section.objects.bulk_create(rows, batch_size=2000)
        FingerprintValue.objects.bulk_create([FingerprintValue(speech=s, value=v)
                                              for s in speeches for v in set(s.fingerprint)], batch_size=5000)
        added += len(speeches)
    return added
