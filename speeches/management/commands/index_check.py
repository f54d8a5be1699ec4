"""Compare the search index with the database; `--repair` re-indexes what drifted."""
from django.core.management.base import BaseCommand, CommandError

from speeches.search import queue


class Command(BaseCommand):
    help = "Report sections missing from the search index and index entries with no section."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="re-index the sections that drifted")
        parser.add_argument("--sample", type=int, default=10, help="how many ids to show per kind")
        parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the index")

    def handle(self, *, repair, sample, timeout, **options):
        applied = queue.process(timeout=timeout)
        if applied:
            self.stdout.write(f"Applied {applied} queued index change(s).")
        found = self.report(sample, timeout)
        if not found:
            return
        if not repair:
            raise CommandError("The index has drifted from the database; run with --repair.", returncode=1)
        queue.repair(found.missing | found.orphans, timeout=timeout)
        if self.report(sample, timeout):
            raise CommandError("Drift remains after --repair; see the log.", returncode=2)
        self.stdout.write(self.style.SUCCESS("Repaired."))

    def report(self, sample: int, timeout: float) -> queue.Drift:
        try:
            found = queue.drift(timeout=timeout)
        except queue.QueueBusy as exc:
            raise CommandError(str(exc), returncode=3)
        if not found:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
        for label, ids in (("Sections missing from the index", found.missing),
                           ("Index entries with no section", found.orphans)):
            if ids:
                shown = ", ".join(map(str, sorted(ids)[:sample]))
                self.stdout.write(f"{label}: {len(ids)} (e.g. {shown})")
        return found
