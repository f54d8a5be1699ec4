"""Search that is right for Chinese: the one interface pages, the API, commands and tests use.

    from speeches.search import search, SearchError
    page = search(q="经济 发展", filters={"city": ["北京"]}, sort="relevance", page=1)

Behind it (docs/SCALING.md has the map):
- engine/: a query compiled once (plan, ranking terms, strings to mark), matched exactly per
  segment, ranked and counted; the only code that reads the index;
- indexing/: the durable queue, the block writer, the parallel rebuild and its generations;
- facets.py: the facet registry; schema.py, analysis.py, normalize.py: what a document is;
- whoosh_internals.py: every use of Whoosh's private API; backend.py: haystack's side.

Names are imported on first use, so that importing this package (as settings-time code such as
the signal processor does) loads neither jieba nor Whoosh nor the models.
"""

_EXPORTS = {
    # searching (results.py): what the results page and the JSON API call
    "search": "results", "SearchPage": "results", "Result": "results", "Hit": "results",
    "SORTS": "results", "PAGE_SIZE": "results", "request_params": "results", "folded": "results",
    "section_ids": "results", "sections_in_order": "results",
    "SearchError": "engine.query",
    "compile_query": "engine", "CompiledQuery": "engine",
    "FACETS": "facets", "REGISTRY": "facets", "Facet": "facets",
    # marking and reading in context
    "concordance": "kwic", "every_line": "kwic",
    "highlight": "marking", "query_strings": "marking",
    "suggestions": "suggest", "offers": "named", "Offer": "named",
    # the index
    "indexed_ids": "backend", "index_state": "indexing.health", "IndexState": "indexing.health",
    "IndexUnavailable": "indexing.generations", "request_repair": "indexing.health",
    "enqueue": "indexing.queue", "enqueue_speeches": "indexing.queue",
    "rebuild": "indexing.rebuild", "SEGMENT_SIZE": "indexing.rebuild",
}
_MODULES = {"queue": "indexing.queue"}  # the queue's whole API: process, paused, bulk, drift, repair


def __getattr__(name):
    from importlib import import_module

    if name in _MODULES:
        return import_module(f"{__name__}.{_MODULES[name]}")
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(name)


def fold(text: str) -> str:
    """Width, case and script folded, as text is indexed and queries are read (normalize.py):
    for names outside the index (tags) that must agree with the search."""
    from .normalize import normalize

    return normalize(text)


def facet_labels() -> dict[str, str]:
    """{facet: label} in the registry's order, for the results page."""
    from .facets import labels

    return labels()


def warm_up() -> None:
    """Load jieba's dictionary and the normalisation table at process start, not on a request."""
    from .analysis import warm_up as load_dictionary
    from .normalize import warm_up as build_table

    build_table()
    load_dictionary()


__all__ = sorted([*_EXPORTS, *_MODULES, "facet_labels", "fold", "warm_up"])
