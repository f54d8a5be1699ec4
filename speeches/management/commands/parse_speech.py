"""Print what the parser finds in speech files, as one JSON array. Writes nothing.

Every file is tried: the speeches of the good ones are printed, each bad one gets an error
line on stderr, and a summary follows; the exit status is 1 when any file failed.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from speeches.ingest import IngestError, parse_bytes, speech_to_json


class Command(BaseCommand):
    help = "解析讲话稿文件并输出 JSON，不写入数据库。Parse speech files and print JSON; saves nothing."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument("--json", action="store_true", help="输出 JSON 数组（默认即如此）")

    def handle(self, *args, files, **options):
        found, failed = [], []
        for name in files:
            try:
                found += parse_file(name)
            except IngestError as error:
                failed.append(name)
                self.stderr.write(f"错误 (error): {error}")
        if found or not failed:
            self.stdout.write(json.dumps(found, ensure_ascii=False, indent=2))
        good = len(files) - len(failed)
        summary = (f"{len(files)} 个文件：{good} 个成功，{len(failed)} 个失败；共 {len(found)} 篇讲话 "
                   f"({len(files)} files: {good} parsed, {len(failed)} failed; {len(found)} speeches)")
        if failed:
            raise CommandError(f"{summary}。失败 (failed): {', '.join(failed)}", returncode=1)
        if len(files) > 1:
            self.stderr.write(summary)


def parse_file(name: str) -> list[dict]:
    """The JSON objects of one file's speeches; IngestError for unreadable or speechless files."""
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        raise IngestError(f"无法读取文件：{name} ({error.strerror or error})", filename=name) from None
    speeches = parse_bytes(data, filename=Path(name).name)
    if not speeches:
        raise IngestError(f"文件中没有找到讲话正文：{Path(name).name} (no speech text found in {name})",
                          filename=name)
    return [speech_to_json(s) for s in speeches]
