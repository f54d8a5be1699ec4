"""haystack's rebuild_index, made safe: build beside the live index and swap (as rebuild_search).

Stock rebuild_index clears the index and refills it: the site would answer from an empty, then
half-full index for minutes. Here nothing is cleared; the new index replaces the old atomically.
"""
from django.core.management.base import BaseCommand

from ._haystack import SAFE, add_haystack_options, aliases, rebuild_and_swap


class Command(BaseCommand):
    help = "Rebuild the search index beside the live one and swap it in. " + SAFE

    def add_arguments(self, parser):
        add_haystack_options(parser)
        parser.add_argument("-r", "--remove", action="store_true", help="ignored: a rebuild keeps nothing stale")

    def handle(self, **options):
        for alias in aliases(options):
            rebuild_and_swap(self, alias, options["workers"])
