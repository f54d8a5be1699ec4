"""Near-duplicate lookup: which stored speech a new text is a reprint (variant) of.

Each speech's MinHash signature values are rows of FingerprintValue (indexed on value), so a
lookup reads only the speeches sharing enough values, not every stored fingerprint (that made an
import quadratic in the archive). docs/UPLOAD.md shows it finds the same variants on the corpus.
"""
from __future__ import annotations

import math

from django.db.models import Count

from .ingest.fingerprint import VARIANT_THRESHOLD, similarity
from .models import FingerprintValue, Speech


def find_canonical(fingerprint: list[int], *, exclude: int | None = None) -> Speech | None:
    """The canonical speech of the closest near-identical reprint already stored, if any.

    Only speeches sharing enough signature values are compared (FingerprintValue, an inverted
    index), so the cost follows the few candidates, not the archive size. The bound loses none:
    a score of at least VARIANT_THRESHOLD counts at least that share of the signature's values
    as common to both (fingerprint.similarity divides by at least len(fingerprint)).
    """
    if not fingerprint:
        return None
    best, best_score = None, VARIANT_THRESHOLD
    for candidate in canonical_candidates(fingerprint).exclude(pk=exclude):
        score = similarity(fingerprint, candidate.fingerprint)
        if score >= best_score:
            best, best_score = candidate, score
    if best is None:
        return None
    canonical = best.canonical if best.canonical_id else best
    return None if canonical.pk == exclude else canonical


def canonical_candidates(fingerprint: list[int]):
    """Stored speeches that share enough signature values to possibly reach the threshold."""
    values = set(fingerprint)
    need = max(1, math.ceil(VARIANT_THRESHOLD * len(values) - 1e-9))
    ids = (FingerprintValue.objects.filter(value__in=values).values("speech")
           .annotate(shared=Count("id")).filter(shared__gte=need).values("speech"))
    # Default ordering, as the scan over every speech had: ties go the same way.
    return Speech.objects.filter(pk__in=ids).only("id", "fingerprint", "canonical_id")


def fingerprint_index(*, speech: Speech) -> None:
    """Record the speech's signature values for find_canonical (the old ones first go)."""
    FingerprintValue.objects.filter(speech=speech).delete()
    FingerprintValue.objects.bulk_create(
        [FingerprintValue(speech=speech, value=value) for value in sorted(set(speech.fingerprint))])
