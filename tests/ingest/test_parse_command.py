"""`manage.py parse_speech FILE... --json`: one JSON array on stdout, exit 1 on unreadable input."""
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

# The command needs settings but no database, so this also runs under `pytest -p no:django`.
if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden"


def run(*files):
    out = StringIO()
    call_command("parse_speech", *map(str, files), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_prints_the_golden_array():
    seed = next(GOLDEN.glob("003_*.txt"))
    expected = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert run(seed) == expected


def test_several_files_in_order():
    seeds = sorted(GOLDEN.glob("00[01]_*.txt"))
    assert [s["source"] for s in run(*seeds)] == [seeds[0].name] + [seeds[1].name] * 5


def test_unreadable_input_is_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Café crème".encode("latin-1"))
    with pytest.raises(CommandError, match="无法识别文件编码：bad.txt"):
        run(bad)
    with pytest.raises(CommandError, match="无法读取文件"):
        run(tmp_path / "missing.txt")


def test_exit_status_and_stderr(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    proc = subprocess.run([sys.executable, "manage.py", "parse_speech", str(bad), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "文件为空：empty.txt" in proc.stderr and proc.stdout == ""
