"""haystack's update_index, through the index queue: every section is queued and applied the way
bulk imports are (speeches.search.queue.bulk): in large atomic commits, or, when that is most of
the archive, by a rebuild beside the live index and a swap. Never a cleared or half index."""
from django.core.management.base import BaseCommand, CommandError

from ._haystack import add_haystack_options, aliases

APP_LABELS = ("speeches", "speeches.section", "speeches.Section")


class Command(BaseCommand):
    help = ("Re-index every section through the index queue (large commits, or a rebuild and swap "
            "when that is most of the archive); with --remove, drop entries whose section is gone.")

    def add_arguments(self, parser):
        parser.add_argument("app_label", nargs="*", help="speeches or speeches.section (the only indexed model)")
        add_haystack_options(parser)
        parser.add_argument("-r", "--remove", action="store_true", help="remove entries with no section")
        for flag, dest in (("--age", "age"), ("--start", "start_date"), ("--end", "end_date"), ("--minutes", "minutes")):
            parser.add_argument(flag, dest=dest, help="not supported: sections carry no update time")

    def handle(self, **options):
        from speeches.search import queue
        from speeches.search.indexing.queue import section_index

        unknown = [label for label in options["app_label"] if label not in APP_LABELS]
        if unknown:
            raise CommandError(f"Only speeches.section is indexed, not {', '.join(unknown)}.")
        if any(options.get(name) for name in ("age", "start_date", "end_date", "minutes")):
            raise CommandError("--age/--start/--end/--minutes are not supported: sections carry no update "
                               "time. The queue keeps the index current; `index_check` shows any drift.")
        if aliases(options) != ["default"]:
            raise CommandError("Only the default connection has an index queue.")
        ids = set(section_index().index_queryset(using="default").values_list("pk", flat=True))
        if options["remove"]:
            ids |= queue.drift().orphans  # queued as updates of missing sections: deletes
        queue.repair(ids)
        self.stdout.write(f"Re-indexed {len(ids)} section(s) through the index queue.")
