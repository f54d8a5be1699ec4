"""A 100,000-section archive for the search benchmark, from ../shared/corpus repeated with variations.

The corpus parses into about 20,700 sections; each further copy changes every section's text a
little (digits shifted, paragraphs rotated, a sentence borrowed from another section) and gives
the speeches other metadata, so the copies are not identical documents and facets have spread.
Rows go in with bulk_create: no signals, nothing queued; the benchmark builds the index itself.
"""
from __future__ import annotations

import hashlib
import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEAKERS = [f"{s}{g}" for s in "王李张刘陈杨赵黄" for g in ("建国", "卫东", "海燕", "志强", "**")]
CITIES = ["北京", "上海", "广州", "深圳", "成都", "武汉", "西安", "杭州", "南京", "重庆", "天津", "长沙",
          "郑州", "沈阳", "青岛", "厦门", "昆明", "兰州", "拉萨", "乌鲁木齐", ""]
OCCASIONS = ["全体会议", "务虚会", "常务会议", "座谈会", "动员大会", "工作会议", "专题会议", "", "表彰大会"]
TAGS = ["营商环境", "民生", "乡村振兴", "生态环保", "科技创新", "安全生产", "教育", "医疗", "就业", "改革"]


def parsed_corpus():
    from speeches.ingest import parse_bytes

    speeches = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            try:
                speeches += parse_bytes(path.read_bytes(), filename=path.name)
            except Exception:  # noqa: BLE001  a file the parser refuses is not what we measure
                continue
    return speeches


def flat_sections(parsed):
    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.children)

    return list(walk(parsed.sections))


def vary(text: str, copy: int, rng: random.Random, donor: str) -> str:
    if copy == 0:
        return text
    text = text.translate(str.maketrans("0123456789", "0123456789"[copy:] + "0123456789"[:copy]))
    paragraphs = text.split("\n")
    shift = copy % len(paragraphs)
    paragraphs = paragraphs[shift:] + paragraphs[:shift]
    if donor and rng.random() < 0.5:
        sentence = donor.split("。")[0][:80]
        paragraphs[rng.randrange(len(paragraphs))] += sentence + "。"
    return "\n".join(paragraphs)


def populate(target: int = 100_000, seed: int = 1) -> int:
    """Fill an empty database with at least `target` sections; returns how many."""
    from speeches.models import Section, Speaker, Tag

    rng = random.Random(seed)
    corpus = [(p, flat_sections(p)) for p in parsed_corpus()]
    bodies = [("\n".join(s.paragraphs)) for _, secs in corpus for s in secs if s.paragraphs]
    speakers = {name: Speaker.objects.get_or_create(name=name)[0] for name in SPEAKERS}
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    total, copy = 0, 0
    while total < target:
        for n, (parsed, sections) in enumerate(corpus):
            if not sections:
                continue
            speech = _speech(parsed, copy, n, rng, speakers)
            rows = []
            for order, node in enumerate(sections):
                body = vary("\n".join(node.paragraphs), copy, rng, rng.choice(bodies)) if node.paragraphs else ""
                rows.append(Section(speech=speech, order=order, kind=node.kind, label=node.label,
                                    heading=node.heading, body=body, anchor=f"s{order}", depth=0))
            created = Section.objects.bulk_create(rows)
            tagged = [s for s in created if rng.random() < 0.1]
            Section.tags.through.objects.bulk_create(
                [Section.tags.through(section_id=s.pk, tag_id=rng.choice(tags).pk) for s in tagged])
            total += len(created)
        copy += 1
    return total


def _speech(parsed, copy, n, rng, speakers):
    from speeches.models import Speaker, Speech

    key = hashlib.sha256(f"{copy}:{n}:{parsed.title}".encode()).hexdigest()
    if copy == 0 and parsed.date:
        year, month, day = parsed.date.year, parsed.date.month, parsed.date.day
    else:
        year, month, day = rng.randint(1950, 2025), rng.choice([None, rng.randint(1, 12)]), None
    speaker = parsed.speaker if copy == 0 and parsed.speaker else rng.choice(SPEAKERS)
    speaker_row = speakers.get(speaker) or Speaker.objects.get_or_create(name=speaker[:100])[0]
    return Speech.objects.create(
        uid=key[:16], title=(parsed.title or "无题")[:280] + (f"（{copy}）" if copy else ""),
        speaker=speaker_row, city=parsed.city if copy == 0 and parsed.city else rng.choice(CITIES),
        occasion=(parsed.occasion or "")[:300] if copy == 0 and parsed.occasion else rng.choice(OCCASIONS),
        checksum=key, content_checksum=key, cleaned_text="", **Speech.date_fields(year, month, day),
    )
