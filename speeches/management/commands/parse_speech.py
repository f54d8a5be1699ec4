"""Print what the parser finds in speech files, as one JSON array. Writes nothing."""
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
        found = []
        for name in files:
            try:
                data = Path(name).read_bytes()
            except OSError as error:
                raise CommandError(f"无法读取文件：{name} ({error.strerror or error})") from None
            try:
                found += [speech_to_json(s) for s in parse_bytes(data, filename=Path(name).name)]
            except IngestError as error:
                raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(found, ensure_ascii=False, indent=2))
