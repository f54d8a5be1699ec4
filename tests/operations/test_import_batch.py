"""import_speeches finishes the batch: good files import, each bad path gets its own line."""
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from speeches.files import collect
from speeches.models import Speech

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "speeches" / "fixtures" / "samples"
GOOD_TITLE = "在市政府重点工作推进会上的讲话"  # the one speech in sample 004


def good(folder: Path, name="good.txt") -> Path:
    path = folder / name
    path.write_bytes(next(SAMPLES.glob("004_*.txt")).read_bytes())
    return path


def run(*paths, capsys):
    with pytest.raises(CommandError) as failed:
        call_command("import_speeches", *map(str, paths))
    out, err = capsys.readouterr()
    return failed.value, out, err


def test_a_missing_path_fails_alone_and_the_good_file_still_imports(tmp_path, capsys):
    error, out, err = run(good(tmp_path), tmp_path / "missing.txt", capsys=capsys)
    assert Speech.objects.filter(title=GOOD_TITLE).exists()
    assert error.returncode == 1 and "1 failed, 1 imported" in str(error)
    assert "导入文件 1，失败 1" in out
    assert f"失败：{tmp_path / 'missing.txt'}：找不到文件或目录" in err


def test_every_bad_file_and_link_in_a_folder_gets_its_own_line(tmp_path, capsys):
    good(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(128, 256)) * 20)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a loop on itself
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a loop through a parent folder
    error, out, err = run(tmp_path, capsys=capsys)
    assert Speech.objects.filter(title=GOOD_TITLE).count() == 1  # not once more through sub/up
    assert "导入文件 1，失败 5" in out
    lines = err.splitlines()
    for name, reason in [("empty.txt", ""), ("binary.txt", ""), ("dangling.txt", "Dangling link"),
                         ("self.txt", "Symbolic link loop"), ("sub/up", "Symbolic link loop")]:
        assert sum(f"失败：{tmp_path / name}：" in line and reason in line for line in lines) == 1, name


def test_a_file_over_the_size_limit_is_refused_with_the_setting_named(tmp_path, capsys, settings):
    small = good(tmp_path, "small.txt")
    settings.ARCHIVE_MAX_FILE_BYTES = small.stat().st_size  # exactly at the limit is allowed
    big = tmp_path / "big.txt"
    big.write_bytes(small.read_bytes() + "。".encode())
    error, out, err = run(big, small, capsys=capsys)
    assert Speech.objects.filter(title=GOOD_TITLE).count() == 1 and "导入文件 1，失败 1" in out
    assert f"失败：{big}：文件过大" in err and "ARCHIVE_MAX_FILE_BYTES" in err


def test_the_limit_comes_from_the_environment_with_a_20_mb_default():
    import subprocess
    import sys

    code = "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='archive.settings';django.setup();" \
           "from django.conf import settings;print(settings.ARCHIVE_MAX_FILE_BYTES)"
    env = {k: v for k, v in os.environ.items() if k != "ARCHIVE_MAX_FILE_BYTES"}
    root = Path(__file__).resolve().parents[2]
    default = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True)
    assert default.stdout.strip() == str(20 * 2**20)
    env["ARCHIVE_MAX_FILE_BYTES"] = "12345"
    chosen = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True)
    assert chosen.stdout.strip() == "12345"


def test_a_clean_batch_exits_zero(tmp_path, capsys):
    call_command("import_speeches", str(good(tmp_path)))
    assert "导入文件 1，失败 0" in capsys.readouterr().out


def test_a_folder_named_twice_or_through_a_sibling_link_is_not_a_loop(tmp_path):
    (tmp_path / "a").mkdir()
    good(tmp_path / "a")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    batch = collect([str(tmp_path)])
    assert batch.problems == [] and [p.name for p in batch.files] == ["good.txt", "good.txt"]
