"""Words and character grams of normalised text: what the index stores and queries look up.

jieba runs with its own Tokenizer, loaded once per process with the political terms in
userdict.txt. Its Whoosh analyzer in jieba.analyse gives tokens their character offset as
position, so no phrase ever matched; here positions count words. HMM is off: measured 1.4 MB/s
against 0.6 MB/s with it, and the word split must be the same for a word in a query as in the text,
which HMM's guesses about unknown words do not promise. Words jieba does not know fall apart into
characters, which the gram field finds exactly (see query.py).
"""
from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import jieba
from whoosh.analysis import Token, Tokenizer

from .normalize import normalize

USERDICT = Path(__file__).with_name("userdict.txt")
_WORDLIKE = re.compile(r"\w")
_lock = threading.Lock()
_segmenter: jieba.Tokenizer | None = None


def segmenter() -> jieba.Tokenizer:
    """The process's jieba with the user dictionary; the first call loads it (about 1 s)."""
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                _segmenter = _load()
    return _segmenter


def _load() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)  # "Building prefix dict…" on stderr in every process
    tokenizer = jieba.Tokenizer()
    # jieba writes its cache to the system temp dir unless told; keep it with our data.
    tokenizer.tmp_dir = str(cache_dir())
    tokenizer.initialize()
    for word, freq in user_words():
        tokenizer.add_word(word, freq)
    return tokenizer


def cache_dir() -> Path:
    try:
        from django.conf import settings

        path = Path(settings.DATA_DIR)
    except Exception:  # outside Django (a bare script): jieba's own default
        return Path(tempfile.gettempdir())
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_words() -> list[tuple[str, int | None]]:
    """(word, frequency or None) from userdict.txt, normalised like the text they must match."""
    words = []
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            words.append((normalize(parts[0]), freq))
    return words


def index_words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, position, start offset) for normalised text, positions counting words.

    Inside a long word the dictionary words it contains are added at the same position (like
    jieba's cut_for_search, which stops at three characters), so 发展 finds 高质量发展 and 小康社会
    finds 全面建成小康社会. Punctuation and spaces are skipped and take no position.
    """
    dt = segmenter()
    freq = dt.FREQ
    pos = start = 0
    for word in dt.cut(text, HMM=False):
        size = len(word)
        if _WORDLIKE.search(word):
            if size > 2:
                for i in range(size - 1):
                    for j in range(i + 2, size + 1 if i else size):
                        if freq.get(word[i:j]):
                            yield word[i:j], pos, start + i
            yield word, pos, start
            pos += 1
        start += size


def query_words(text: str) -> list[str]:
    """The words of a normalised query chunk as jieba cuts them, punctuation left out."""
    return [word for word in segmenter().cut(text, HMM=False) if _WORDLIKE.search(word)]


def grams(text: str) -> Counter:
    """Every character and every pair of adjacent characters, counted: what quoted search looks up."""
    found = Counter(text)
    found.update([text[i : i + 2] for i in range(len(text) - 1)])
    return found


class JiebaTokenizer(Tokenizer):
    """Whoosh tokenizer over index_words/query_words, for code that asks the field's analyzer."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        text = normalize(value)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if mode == "query":
            items = _with_offsets(text, query_words(text))
        else:
            items = index_words(text)
        for word, pos, start in items:
            token.text = token.original = word
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + start + len(word)
            yield token


def _with_offsets(text: str, words: list[str]) -> Iterator[tuple[str, int, int]]:
    cursor = 0
    for pos, word in enumerate(words):
        start = text.find(word, cursor)
        cursor = start + len(word)
        yield word, pos, start


def ChineseAnalyzer() -> JiebaTokenizer:  # noqa: N802 (named like Whoosh's analyzers)
    return JiebaTokenizer()


def warm_up() -> None:
    """Load the dictionary now (process start-up), not on the first request."""
    segmenter()
