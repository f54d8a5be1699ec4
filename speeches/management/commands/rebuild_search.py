"""Rebuild the search index into a fresh directory on every core, then swap it in."""
from django.core.management.base import BaseCommand
from tqdm import tqdm

from speeches.search import SEGMENT_SIZE, queue, rebuild


class Command(BaseCommand):
    help = "Reindex every section into a new index generation and swap it in; searches keep answering."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
        parser.add_argument("--segment-size", type=int, default=SEGMENT_SIZE, help="sections per segment")

    def handle(self, *, workers, segment_size, **options):
        # Changes saved meanwhile stay queued and land in the new generation after the swap.
        with queue.paused(), tqdm(unit="节", disable=None, file=self.stderr._out) as bar:
            built = rebuild(workers=workers, segment_size=segment_size, progress=bar.update)
        self.stdout.write(
            f"Indexed {built.sections} sections ({built.text_bytes / 1e6:.1f} MB of text) in "
            f"{built.seconds:.1f} s, {built.mb_per_second:.2f} MB/s, {built.segments} segment(s): "
            f"{built.generation.name}"
        )
