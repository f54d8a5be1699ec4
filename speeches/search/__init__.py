"""Search that is right for Chinese: jieba and Whoosh through haystack (see docs/PERFORMANCE.md).

The entry point is `search(q=..., filters=..., sort=..., page=...) -> SearchPage`; the JSON API
and the HTML results page both call it. Names are imported on first use so that importing this
package (as settings-time code such as the signal processor does) loads neither jieba nor models.
"""

_EXPORTS = {
    "search": "results",
    "SearchPage": "results",
    "Result": "results",
    "Hit": "results",
    "SearchError": "query",
    "FACETS": "schema",
    "SORTS": "results",
    "indexed_ids": "backend",
    "section_ids": "results",
}


def __getattr__(name):
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(name)


def fold(text: str) -> str:
    """Width, case and script folded, as text is indexed and queries are read (normalize.py):
    for names outside the index (tags) that must agree with the search."""
    from .normalize import normalize

    return normalize(text)


def warm_up() -> None:
    """Load jieba's dictionary and the normalisation table at process start, not on a request."""
    from .analysis import warm_up as load_dictionary
    from .normalize import warm_up as build_table

    build_table()
    load_dictionary()
