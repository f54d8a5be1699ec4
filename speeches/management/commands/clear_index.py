"""haystack's clear_index, made safe: the index is derived from the database, so clearing it
means replacing it with one built afresh, swapped in when complete; the site is never left with
an empty index while the database has speeches (an empty archive gives an empty index)."""
from django.core.management.base import BaseCommand

from ._haystack import SAFE, add_haystack_options, aliases, rebuild_and_swap


class Command(BaseCommand):
    help = "Replace the search index with a fresh one built from the database. " + SAFE

    def add_arguments(self, parser):
        add_haystack_options(parser, batch=False)

    def handle(self, **options):
        if options["interactive"]:
            self.stdout.write("This discards the search index and builds a new one from the database. " + SAFE)
            if input("Continue? [y/N] ").strip().lower() not in ("y", "yes"):
                self.stdout.write("Nothing done.")
                return
        for alias in aliases(options):
            rebuild_and_swap(self, alias, options["workers"])
