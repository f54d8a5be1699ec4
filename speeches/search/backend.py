"""Haystack's Whoosh backend with our schema, safe writes and swappable generations.

Kept from haystack: SearchIndex preparation, signal processing, management commands. Replaced:
- build_schema: schema.SCHEMA (no stemming, no sortable text, facets as whole values);
- update/remove/clear: wait for Whoosh's write lock (bounded) and raise LockError when it stays
  busy, whatever SILENTLY_FAIL says. Stock remove() takes a plain writer that fails at once
  under contention and, with SILENTLY_FAIL, logs and drops the delete (measured: 30 of 30);
- the index lives in a generation directory behind PATH (indexing/generations.py), so clear() and a
  rebuild swap in a fresh directory instead of deleting the one searches are reading;
- search(): SearchQuerySet is answered by the site's engine (haystack_query.py), so it finds
  the sections speeches.search.search() finds, with the site's facet counts and Chinese marks.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import SkipDocument
from haystack.models import SearchResult
from haystack.utils import get_identifier, get_model_ct
from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError
from whoosh.qparser import QueryParser

from .engine.snapshot import Snapshot, current, retry_open
from .haystack_query import UNSUPPORTED, ChineseSearchQuery
from .indexing import generations, seals
from .indexing.writer import BufferedSegmentWriter
from .schema import CONTENT, SCHEMA, document

LOCK_TIMEOUT = 10.0  # seconds a write waits for the lock (option LOCK_TIMEOUT), then LockError
LOCK_DELAY = 0.05  # seconds between attempts
UPDATE_CHARS = 2_000_000  # characters of text per commit of update(): bounds a writer's memory


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        if not self.use_file_storage:
            raise ImproperlyConfigured("ChineseWhooshEngine needs STORAGE='file' and a PATH.")
        self.path = Path(self.path)
        self.lock_timeout = float(options.get("LOCK_TIMEOUT", LOCK_TIMEOUT))
        self._generation = None
        self._snapshot = None
        self._snapshot_lock = threading.Lock()

    def setup(self, *, create: bool = True):
        """Open the generation in use with our schema, creating the first one for a writer. A
        reader creates none while the database has sections: a lost index is a fault to report
        and rebuild (IndexMissing), not to replace quietly with an empty one that finds nothing."""
        self.setup_complete = False
        gen = generations.current(self.path, SCHEMA, create=create or not _database_has_sections())
        self._generation = generations.link_target(self.path)
        self.storage = FileStorage(str(gen))
        self.content_field_name, self.schema = CONTENT, SCHEMA
        self.parser = QueryParser(CONTENT, schema=SCHEMA)
        try:
            self.index = _open(self.storage)
        except EmptyIndexError:  # a plain PATH directory from before generations, still empty
            self.storage.create_index(SCHEMA)
            self.index = _open(self.storage)
        except Exception as error:  # no TOC, a truncated one: a half-written or corrupt index
            raise generations.IndexUnavailable("unreadable", f"{error.__class__.__name__}: {error}") from error
        self.setup_complete = True

    def _current_index(self, *, create: bool = True):
        # A stat per call: a generation deleted behind our back is noticed as missing, not as
        # files that fail to open one by one.
        if (not self.setup_complete or generations.link_target(self.path) != self._generation
                or not self.path.exists()):
            self.setup(create=create)
        return self.index

    def build_schema(self, fields):
        return CONTENT, SCHEMA

    # Writing

    @contextmanager
    def writer(self, **options):
        """A write lock on the generation in use, waited for; commits on success, else cancels."""
        writer = BufferedSegmentWriter(
            self._current_index(), timeout=self.lock_timeout, delay=LOCK_DELAY, **options
        )
        try:
            try:  # a merge would copy a damaged segment into a new, sealed one
                seals.check(writer.storage.folder, [segment.segment_id() for segment in writer.segments])
            except seals.Broken as broken:
                raise generations.IndexUnavailable("corrupt", str(broken)) from broken
            yield writer
        except BaseException:
            writer.cancel()
            raise
        try:
            writer.commit()
        except BaseException:
            if not writer.is_closed:  # release the lock; the change is not made, and says so
                writer.cancel()
            raise

    def update(self, index, iterable, commit=True):
        """Index the objects, one commit per UPDATE_CHARS of text: a writer keeps every posting
        of its commit in memory, so one commit for a 60 MB speech peaked at gigabytes."""
        docs, chars = [], 0
        for obj in iterable:
            try:
                doc = document(index.full_prepare(obj))
            except SkipDocument:
                self.log.debug("Indexing for object `%s` skipped", obj)
                continue
            docs.append(doc)
            chars += len(doc[CONTENT])
            if chars >= UPDATE_CHARS:
                self._write(docs)
                docs, chars = [], 0
        if docs:
            self._write(docs)

    def _write(self, docs):
        with self.writer() as writer:
            for doc in docs:
                writer.update_document(**doc)

    def remove(self, obj_or_string, commit=True):
        with self.writer() as writer:
            writer.delete_by_term(ID, get_identifier(obj_or_string))

    def clear(self, models=None, commit=True):
        if models is None:
            self.delete_index()
            return
        with self.writer() as writer:
            for model in models:
                writer.delete_by_term(DJANGO_CT, get_model_ct(model))

    def delete_index(self):
        # Swap in an empty generation: searches in other processes keep a readable directory.
        generations.swap(self.path, generations.new(self.path, SCHEMA))
        self.setup()

    # Reading

    def snapshot(self, *, allow_empty: bool = False) -> Snapshot:
        """The index as it is now, with columns loaded; reopened when it changed or was swapped.
        Its segment files are checked against their seals on every call (a stat per file)."""
        with self._snapshot_lock:
            # Pages and health checks never create an index; index_check's comparison may.
            index = self._current_index(create=allow_empty)
            try:
                snap = current(index, self._snapshot)
            except seals.Broken as broken:  # a segment file cut short, overwritten or lost
                raise generations.IndexUnavailable("corrupt", str(broken)) from broken
            except Exception as error:  # a segment Whoosh cannot read: corrupt or half-written
                raise generations.IndexUnavailable("unreadable", f"{error.__class__.__name__}: {error}") from error
            if snap is not self._snapshot:
                if not snap.doc_count and not allow_empty and _database_has_sections():
                    raise generations.IndexUnavailable(
                        "empty", "the index has no documents but the database has sections")
                self._snapshot = snap
            return snap

    def indexed_ids(self) -> set[int]:
        """Section ids that have a document in the index now (deleted documents excluded)."""
        return self.snapshot(allow_empty=True).section_ids()

    @log_query
    def search(self, query_string, **kwargs):
        """haystack's search, answered by the site's engine (haystack_query.py)."""
        from . import haystack_query as hq
        from .engine import compile_query, counting, match, ranking
        from .engine.compiled import AllOf

        for option, method in UNSUPPORTED.items():
            if kwargs.get(option):
                raise hq.unsupported(f"SearchQuerySet.{method}")
        if isinstance(query_string, str):  # a string from outside SearchQuerySet: the box's syntax
            compiled = compile_query(query_string)
            query_string = hq.HaystackQuery(compiled.plan, compiled.marks, compiled.words, compiled.strings)
        facets = kwargs.get("facets") or {}
        for name, options in facets.items():
            if name not in hq.FACETS or set(options) - {"limit"}:
                raise hq.unsupported(f"facet({name!r}, {options})")
        narrow = [compile_query(q).plan for q in sorted(kwargs.get("narrow_queries") or ())]
        snap = self.snapshot()
        plan = hq.resolve(AllOf((query_string.node, *narrow)), snap.values)
        from speeches.models import Section

        models = kwargs.get("models")  # only sections are indexed: other models have no hits
        matches = match(plan, snap) if not models or Section in models else []
        sort_by = kwargs.get("sort_by")
        ranked = not sort_by or any(key.lstrip("-") == "score" for key in sort_by)
        scores = ranking.scores(matches, snap, query_string.words, query_string.strings) if ranked else None
        bonus = ranking.metadata(matches, query_string.marks) if scores else {}
        start, end = kwargs.get("start_offset") or 0, kwargs.get("end_offset")
        rows = hq.ordered(matches, scores, bonus, sort_by, end)[start:end]
        counts = counting.count(matches) if facets else {}
        return {
            "results": self._results(rows, query_string.marks if kwargs.get("highlight") else None,
                                     kwargs.get("result_class") or SearchResult),
            "hits": sum(len(docs) for _, docs in matches),
            "facets": {"fields": {name: [(v.value, v.count) for v in counts[name][: options.get("limit")]]
                                  for name, options in facets.items()}, "dates": {}, "queries": {}},
            "spelling_suggestion": None,
        }

    def _results(self, rows, marks, result_class):
        from . import haystack_query as hq
        from . import snippets
        from .schema import section_text

        found = []
        for score, seg, doc in rows:
            ints = seg.columns.ints
            fields = hq.stored_fields(ints, seg.columns, doc)
            found.append(result_class("speeches", "section", ints["section_id"][doc], score, **fields))
        if marks is not None:
            from speeches.models import Section

            texts = Section.objects.in_bulk([int(r.pk) for r in found])
            for result in found:
                section = texts.get(int(result.pk))
                text = section_text(section.label, section.heading, section.body) if section else ""
                result.highlighted = {CONTENT: [snippets.snippet(text, list(marks)).html]}
        return found

    def more_like_this(self, model_instance, additional_query_string=None, **kwargs):
        raise NotImplementedError(
            "more_like_this is not supported by the Chinese search backend: for reprints of a speech "
            "use Speech.canonical and its variants; for related sections search their key words with "
            "SearchQuerySet().auto_query(...) or speeches.search.search(q=...)."
        )


def _database_has_sections() -> bool:
    from speeches.models import Section

    return Section.objects.exists()


def _open(storage):
    # FileIndex() reads the newest TOC without the retry FileIndex.reader() has.
    return retry_open(lambda: storage.open_index(schema=SCHEMA))


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
    query = ChineseSearchQuery


def backend(alias: str = "default") -> ChineseWhooshSearchBackend:
    """This thread's backend for a haystack connection."""
    from haystack import connections

    return connections[alias].get_backend()


def indexed_ids(alias: str = "default") -> set[int]:
    """Section ids in the index now: for index_check and tests."""
    return backend(alias).indexed_ids()
