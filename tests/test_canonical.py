"""Near-duplicate lookup through the inverted fingerprint index finds what a scan of every stored
fingerprint found, while reading only the few speeches that share signature values."""
import random

import pytest

from speeches import services
from speeches.ingest import parse_bytes
from speeches.ingest.fingerprint import VARIANT_THRESHOLD, similarity
from speeches.models import FingerprintValue, Speech

pytestmark = pytest.mark.django_db
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"


def text(rng, n=40):
    return "\n".join("".join(rng.choice(HAN) for _ in range(30)) + "。" for _ in range(n))


def linear(fingerprint):
    """The scan find_canonical used to do: every stored fingerprint, default ordering."""
    best, best_score = None, VARIANT_THRESHOLD
    for candidate in Speech.objects.exclude(fingerprint=[]).only("id", "fingerprint", "canonical_id"):
        score = similarity(fingerprint, candidate.fingerprint)
        if score >= best_score:
            best, best_score = candidate, score
    return None if best is None else (best.canonical if best.canonical_id else best)


def mutated(rng, base, share):
    lines = base.split("\n")
    return "\n".join(text(rng, 1) if rng.random() < share else line for line in lines)


def test_index_finds_the_same_canonical_as_a_full_scan():
    rng = random.Random(7)
    bases = [text(rng) for _ in range(12)]
    for i, base in enumerate(bases):
        services.file_import(data=base.encode(), name=f"b{i}.txt")
    # Variants from barely changed to mostly rewritten: scores on both sides of the threshold.
    for i, share in enumerate([0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9] * 2):
        services.file_import(data=mutated(rng, bases[i % 12], share).encode(), name=f"v{i}.txt")
    stored = list(Speech.objects.all())
    assert FingerprintValue.objects.count() == sum(len(set(s.fingerprint)) for s in stored)
    probes = [mutated(rng, rng.choice(bases), rng.choice([0.2, 0.55, 0.65, 0.75, 1.0])) for _ in range(40)]
    found = 0
    for probe in probes:
        fingerprint = list(parse_bytes(probe.encode(), filename="p.txt")[0].fingerprint)
        expected = linear(fingerprint)
        assert services.find_canonical(fingerprint) == expected
        found += expected is not None
    assert 5 < found < 40  # the probes really straddle the threshold
    assert Speech.objects.exclude(canonical=None).exists()


def test_unrelated_speeches_are_not_even_read():
    rng = random.Random(3)
    for i in range(30):
        services.file_import(data=text(rng).encode(), name=f"u{i}.txt")
    base = Speech.objects.order_by("id").first()
    candidates = services.canonical_candidates(base.fingerprint)
    assert list(candidates) == [base]


def test_deleting_a_speech_drops_its_values():
    speech = services.file_import(data=text(random.Random(1)).encode(), name="a.txt").speeches[0]
    assert FingerprintValue.objects.filter(speech=speech).exists()
    services.speech_delete(speech=speech)
    assert not FingerprintValue.objects.exists()
