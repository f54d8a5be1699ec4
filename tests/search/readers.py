"""Child-process entry points for search tests (spawned: no Django import at module level)."""
import traceback


def full_answers(db_name, index_dir, expected, ready, stop, results):
    """Search until `stop`, failing on any answer short of the full set; report the count.

    Sets `ready` after its first full answer, so the parent starts changing the index only when
    this process is searching."""
    from tests.indexing.workers import setup_child

    setup_child(db_name, index_dir)
    from haystack.query import SearchQuerySet

    from speeches.search import section_ids

    count = 0
    try:
        while not stop.is_set() or count < 3:
            site = section_ids(q="生态环境")
            through_haystack = SearchQuerySet().auto_query("生态环境").count()
            if site != set(expected) or through_haystack != len(expected):
                raise AssertionError(f"search {count + 1}: {len(site)} / {through_haystack} of {len(expected)}")
            count += 1
            ready.set()
        results.put(("ok", count))
    except BaseException:
        ready.set()
        results.put(("error", traceback.format_exc()))
