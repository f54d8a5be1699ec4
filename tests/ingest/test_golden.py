"""Each tests/data/golden/<name>.txt parses to <name>.expected.json (bench/regen_golden.py rewrites them)."""
import json
from pathlib import Path

import pytest

from speeches.ingest import parse_bytes, speech_to_json

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
CASES = sorted(GOLDEN.glob("*.txt"))


def test_there_are_golden_files():
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    actual = [speech_to_json(s) for s in parse_bytes(path.read_bytes(), filename=path.name)]
    assert actual == expected
