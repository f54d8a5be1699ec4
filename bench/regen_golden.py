"""Rewrite tests/data/golden/*.expected.json from the parser's current output.

Run after a deliberate change, then review `git diff tests/data/golden` before committing:
    .venv/bin/python bench/regen_golden.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speeches.ingest import parse_bytes, speech_to_json  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "golden"


def expected_json(path: Path) -> str:
    """The text `parse_speech --json` prints for path."""
    speeches = parse_bytes(path.read_bytes(), filename=path.name)
    return json.dumps([speech_to_json(s) for s in speeches], ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    for path in sorted(GOLDEN.glob("*.txt")):
        target = path.with_suffix(".expected.json")
        target.write_text(expected_json(path), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
