"""Measurements for bench_search.py: the search page work on our index, stock haystack, raw Whoosh.

"Page work" is what a results page needs: the query, facet counts, and snippets plus database
rows for the hits shown. Ours: speeches.search.search() (5 facets, 20 speeches with up to 3
snippets each), once as it runs (long posting lists stay decoded between searches) and once with
that cache emptied before every query. Stock: SearchQuerySet.auto_query() with .facet() on speaker, city, year and
occasion, .highlight() and load_all(), 20 hits. Raw Whoosh: the same query on our index as
plain Whoosh query objects, top 20 by BM25F, nothing else: the floor. Haystack: our backend
through SearchQuerySet (auto_query, .facet() on the five facets, .highlight(), load_all(), 20 hits):
what a Django developer gets from haystack's own API.
"""
from __future__ import annotations

import gc
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

QUERIES = {
    "common word": ["发展", "经济", "改革", "人民", "建设", "社会主义"],
    "rarer word": ["高质量发展", "乡村振兴", "新质生产力", "脱贫攻坚", "一带一路", "冬奥会", "碳达峰", "放管服"],
    "two words": ["经济 发展", "改革 开放", "教育 医疗", "科技 创新", "农村 改革"],
    "quoted phrase": ['"改革开放"', '"全面建成小康社会"', '"中国式现代化"', '"实事求是"', '"为人民服务"'],
    "one character": ["税", "粮", "桥"],
    "filtered": ["发展 year:2021", "改革 city:北京", "经济 speaker:王建国", "year:2020", "city:上海 occasion:座谈会"],
    "or / not": ["教育 OR 医疗", "发展 -经济"],
    "browse (no query)": [""],
}
STOCK_FACETS = ("speaker", "city", "year", "occasion")


SYSTEMS = ("ours", "haystack", "ours, cold postings", "raw whoosh", "stock")


def measure(data_dir: Path, runs: int, systems=SYSTEMS, extras: bool = True) -> dict:
    cases = [(kind, q) for kind, qs in QUERIES.items() for q in qs]
    available = {"ours": (ours, runs), "haystack": (haystack, runs), "ours, cold postings": (ours_cold, runs),
                 "raw whoosh": (raw_whoosh, runs), "stock": (stock, min(runs, 3))}
    systems = {name: available[name] for name in systems}
    times = {}
    for name, (run, repeat) in systems.items():  # one system at a time: stock's garbage (GBs) skews the rest
        times[name] = _timed(run, cases, repeat, once={""} if name == "stock" else set())
        gc.collect()
    report = {"latency": _summary(times), "counts": {q: ours(q).count for _, q in cases}}
    if extras:
        report["fresh process"] = fresh_process(data_dir)
        report["hostile"] = hostile()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return report


def _timed(run, cases, repeat, once):
    """{case: [ms…]}: every case once to warm up, then `repeat` shuffled rounds (`once`: one round)."""
    for _, q in cases:
        if q not in once:
            run(q)
    times = {case: [] for case in cases}
    rng = random.Random(5)
    for round_ in range(repeat):
        order = [case for case in cases if round_ == 0 or case[1] not in once]
        rng.shuffle(order)
        for case in order:
            start = time.perf_counter()
            run(case[1])
            times[case].append((time.perf_counter() - start) * 1000)
    return times


def ours(q):
    from speeches.search import search

    return search(q=q)


def haystack(q):
    from haystack.query import SearchQuerySet

    sqs = SearchQuerySet().auto_query(q)
    for name in ("speaker", "city", "year", "occasion", "tag"):
        sqs = sqs.facet(name)
    sqs = sqs.highlight().load_all()
    hits = list(sqs[:20])
    sqs.facet_counts()
    return hits


def ours_cold(q):
    """Every posting list decoded afresh (postings.py keeps long ones between searches)."""
    try:
        from speeches.search.engine import postings
    except ImportError:  # the layout before speeches/search/engine/ (a baseline run)
        from speeches.search import postings

    postings.clear()
    return ours(q)


def stock(q):
    from haystack.query import SearchQuerySet

    words, filters = _split(q)
    sqs = SearchQuerySet(using="baseline").auto_query(" ".join(words)) if words else SearchQuerySet(using="baseline")
    for name, value in filters:
        sqs = sqs.filter(**{name: value})
    for name in STOCK_FACETS:
        sqs = sqs.facet(name)
    sqs = sqs.highlight().load_all()
    hits = list(sqs[:20])
    sqs.facet_counts()
    return hits


def raw_whoosh(q):
    from speeches.search.backend import backend
    from speeches.search.engine import compile_query

    plan = compile_query(q).plan
    searcher = backend().snapshot().searcher
    return list(searcher.search(_whoosh(plan), limit=20))


def _whoosh(node):
    from whoosh import query as wq

    from speeches.search.engine import compiled as engine

    if isinstance(node, engine.Term):
        return wq.Term(node.field, node.text)
    if isinstance(node, engine.Substring):  # the pairs only: Whoosh has no exact substring check
        pairs = [node.text[i : i + 2] for i in range(len(node.text) - 1)] or [node.text]
        return wq.And([wq.Term("grams", p) for p in pairs])
    if isinstance(node, engine.AnyOf):
        return wq.Or([_whoosh(n) for n in node.nodes])
    if isinstance(node, engine.Without):
        return wq.Not(_whoosh(node.node))
    positive = [_whoosh(n) for n in node.nodes if not isinstance(n, engine.Without)] or [wq.Every()]
    negative = [_whoosh(n.node) for n in node.nodes if isinstance(n, engine.Without)]
    found = wq.And(positive) if len(positive) > 1 else positive[0]
    return wq.AndNot(found, wq.Or(negative)) if negative else found


def _split(q):
    words, filters = [], []
    for token in q.split():
        name, _, value = token.partition(":")
        if value and name in STOCK_FACETS:
            filters.append((name, value))
        else:
            words.append(token)
    return words, filters


def _summary(times):
    out = {}
    for name, by_case in times.items():
        every = sorted(t for ts in by_case.values() for t in ts)
        kinds = {}
        for (kind, _), ts in by_case.items():
            kinds.setdefault(kind, []).extend(ts)
        out[name] = {"p50": _pct(every, 50), "p95": _pct(every, 95), "max": every[-1],
                     "by kind (p50/p95)": {k: (_pct(sorted(v), 50), _pct(sorted(v), 95)) for k, v in kinds.items()}}
    return out


def _pct(values, pct):
    if pct == 50:
        return round(statistics.median(values), 1)
    return round(values[min(len(values) - 1, int(len(values) * pct / 100))], 1)


FRESH = """
import os, sys, time, json
start = time.perf_counter()
sys.path.insert(0, {root!r}); os.environ["ARCHIVE_DATA_DIR"] = {data!r}
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
import django; django.setup()
from speeches.search import search, warm_up
if {warm}: warm_up()
ready = time.perf_counter()
search(q="发展")
first = time.perf_counter()
search(q="经济")
second = time.perf_counter()
for q in {queries!r}: search(q=q)
status = dict(l.split(":", 1) for l in open("/proc/self/status") if l.startswith(("VmRSS", "VmHWM")))
print(json.dumps({{"start to ready s": round(ready - start, 2), "first search s": round(first - ready, 2),
    "start to first result s": round(first - start, 2), "second search ms": round((second - first) * 1000, 1),
    "rss after query mix": status["VmRSS"].strip(), "peak rss": status["VmHWM"].strip()}}))
"""


def fresh_process(data_dir: Path) -> dict:
    root = str(Path(__file__).resolve().parents[1])
    queries = [q for qs in QUERIES.values() for q in qs]
    out = {}
    for label, warm in (("lazy (dictionary loads on the first search)", False), ("warm_up() at start-up", True)):
        code = FRESH.format(root=root, data=str(data_dir), warm=warm, queries=queries)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        out[label] = json.loads(result.stdout.strip().splitlines()[-1])
    return out


def hostile() -> dict:
    from django.test import Client

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.search.test_api import hostile_queries

    client, statuses, slowest = Client(), {}, (0.0, "")
    queries = hostile_queries() + ["x" * 10_000, "发展" * 499]
    for q in queries:
        start = time.perf_counter()
        status = client.get("/api/search", {"q": q}).status_code
        elapsed = time.perf_counter() - start
        statuses[status] = statuses.get(status, 0) + 1
        slowest = max(slowest, (elapsed, q[:40]))
    return {"queries": len(queries), "statuses": statuses, "slowest s": round(slowest[0], 3),
            "slowest query": slowest[1]}
