"""Import speech files or folders (recursively). Thin: finding files lives in speeches.files,
parsing and saving in services. A bad path or file never stops the batch: each gets its own
error line, the summary counts both kinds, and the exit status is 1 when any failed."""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from speeches import files as batch_files, services
from speeches.ingest import IngestError
from speeches.models import Speech
from speeches.search import queue


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
        batch = batch_files.collect(paths)
        failed = list(batch.problems)
        # The index catches up once at the end, in large commits (or a rebuild), not file by file.
        with services.unlogged_queries(), queue.bulk():
            for path in tqdm(batch.files, desc="导入", unit="文件", disable=None, file=self.stderr._out):
                try:
                    result = services.file_import(data=batch_files.read(path), name=path.name)
                except (IngestError, batch_files.Unreadable) as error:
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
            raise CommandError(f"{len(failed)} 个文件或路径导入失败，其余 {totals['files']} 个已导入。"
                               f"{len(failed)} failed, {totals['files']} imported.")

    def report(self, totals, failed):
        for path, reason in failed:
            self.stderr.write(f"失败：{path}：{reason}")
        self.stdout.write(
            "导入文件 {files}，失败 {failed}；新增讲话 {speeches}，段落节 {sections}，未变化 {unchanged}，"
            "变体 {variants}".format(failed=len(failed), **totals)
        )
