"""Import speech files or folders (recursively). Thin: parsing and saving live in services."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from speeches import services
from speeches.ingest import IngestError
from speeches.models import Speech
from speeches.search import queue

# In folders, only text files are taken; a file named on the command line is always tried.
FOLDER_SUFFIXES = {".txt", ".md", ".text"}


def collect(paths: list[str]) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES and not p.name.startswith(".")
            )
        elif path.exists():
            files.append(path)
        else:
            raise CommandError(f"找不到文件或目录：{raw}")
    return files


class Command(BaseCommand):
    help = "导入讲话稿文件（文件或目录，递归）。Import speech files or folders."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--if-empty", action="store_true", help="只在库为空时导入（make run 用）")

    def handle(self, *args, paths, if_empty, **options):
        if if_empty and Speech.objects.exists():
            self.stdout.write("档案库已有讲话，跳过示例导入。")
            return
        totals = {"files": 0, "speeches": 0, "sections": 0, "unchanged": 0, "variants": 0}
        failed = []
        files = collect(paths)
        # The index catches up once at the end, in large commits (or a rebuild), not file by file.
        with queue.bulk():
            for path in tqdm(files, desc="导入", unit="文件", disable=None, file=self.stderr._out):
                try:
                    result = services.file_import(data=path.read_bytes(), name=path.name)
                except (IngestError, OSError) as error:
                    failed.append((path, str(error)))
                    continue
                except Exception as error:  # a parser bug on one file must not stop the other files
                    failed.append((path, f"内部错误（internal error）：{error!r}"))
                    continue
                totals["files"] += 1
                totals["speeches"] += len(result.speeches)
                for key in ("sections", "unchanged", "variants"):
                    totals[key] += getattr(result, key)
            self.stderr.write("更新检索索引……")
        self.report(totals, failed)
        if failed:
            raise CommandError(f"{len(failed)} 个文件导入失败")

    def report(self, totals, failed):
        self.stdout.write(
            "文件 {files}，新增讲话 {speeches}，段落节 {sections}，未变化 {unchanged}，变体 {variants}，"
            "失败 {failed}".format(failed=len(failed), **totals)
        )
        for path, reason in failed:
            self.stderr.write(f"失败：{path}：{reason}")
