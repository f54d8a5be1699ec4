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


def run_err(*files):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("parse_speech", *map(str, files), "--json", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), str(raised.value)


def test_unreadable_input_is_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Café crème".encode("latin-1"))
    out, err, summary = run_err(bad)
    assert "无法识别文件编码：bad.txt" in err and out == "" and "1 个失败" in summary
    out, err, summary = run_err(tmp_path / "missing.txt")
    assert "无法读取文件" in err and "missing.txt" in summary


def test_batch_prints_every_good_file_and_reports_every_bad_one(tmp_path):
    good = next(GOLDEN.glob("003_*.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("在全市工作会议上的讲话\n同志们：\n今天开会。".encode("gbk"))
    chrome = tmp_path / "chrome.txt"
    chrome.write_text("首页 > 要闻\n相关阅读\n", encoding="utf-8")
    out, err, summary = run_err(good, empty, gbk, chrome)
    speeches = json.loads(out)
    assert [s["source"] for s in speeches] == [good.name] * 3 + ["gbk.txt"]
    assert speeches[-1]["title"] == "在全市工作会议上的讲话"
    assert "文件为空：empty.txt" in err and "没有找到讲话正文：chrome.txt" in err
    assert "4 个文件：2 个成功，2 个失败" in summary and "empty.txt, " in summary


def test_exit_status_and_stderr(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    good = next(GOLDEN.glob("003_*.txt"))
    proc = subprocess.run([sys.executable, "manage.py", "parse_speech", str(bad), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "文件为空：empty.txt" in proc.stderr and proc.stdout == ""
    proc = subprocess.run([sys.executable, "manage.py", "parse_speech", str(good), str(bad)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and json.loads(proc.stdout)[0]["source"] == good.name
    assert "2 个文件：1 个成功，1 个失败" in proc.stderr
