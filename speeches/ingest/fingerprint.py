"""Step 7: a bottom-k MinHash of character shingles, so near-identical reprints can be found.

Bottom-k (the k smallest shingle hashes under one hash function) estimates Jaccard similarity
like k-permutation MinHash, at the cost of one hash per shingle instead of k, which keeps
ingest fast in pure Python. crc32 rather than hash(): signatures are stored, so they must not
change between processes (str hashes are salted per process).
"""
from __future__ import annotations

import re
import zlib

K = 128  # signature size: the error of the estimate is about 1/sqrt(K)
SHINGLE = 5  # Han characters per shingle
# Speeches are far shorter; the cap bounds the cost of a pathological 20 MB "speech".
MAX_CHARS = 200_000
# Reprints of one speech (different masks, lost or extra paragraphs) score 0.75 and above in our
# seeds; unrelated speeches on the same topic stay under 0.05. See tests/ingest/test_fingerprint.py.
VARIANT_THRESHOLD = 0.3

# Punctuation, spaces, digits and masks (X, ×, *) differ between reprints; only Han text counts.
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
# Only shingles whose first character is in a fixed pseudo-random half of the Han block are
# kept: the same shingle is always kept or always dropped, so Jaccard estimates hold, and the
# fingerprint (the costliest step of ingest) takes half the time.
_STARTS = "".join(chr(cp) for cp in range(0x4E00, 0xA000) if (cp * 2654435761 >> 7) % 2 == 0)
_SHINGLES = re.compile(rf"(?=([{_STARTS}].{{{SHINGLE - 1}}}))", re.S)


def minhash(text: str) -> tuple[int, ...]:
    """The K smallest crc32 values of the text's Han-character shingles, ascending."""
    han = _NOT_HAN.sub("", text[:MAX_CHARS])
    shingles = set(_SHINGLES.findall(han)) if len(han) >= SHINGLE else set()
    if not shingles:
        return (zlib.crc32(han.encode("utf-8")),) if han else ()
    # findall with a lookahead yields overlapping shingles and map() hashes them, both without
    # a Python-level loop.
    # crc32 is spread evenly over 32 bits, so the K smallest of n values almost surely lie
    # below 4*K/n of the range: filter in C first, sort the few survivors.
    limit = (1 << 32) * 4 * K // max(len(shingles), 1)
    small = sorted(filter(limit.__gt__, map(zlib.crc32, map(str.encode, shingles))))
    if len(small) < min(K, len(shingles)):
        small = sorted(map(zlib.crc32, map(str.encode, shingles)))
    return tuple(small[:K])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[: min(K, max(len(a), len(b)))]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)
