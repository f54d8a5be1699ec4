"""Compare the search index with the database; `--repair` fixes what it finds.

Never crashes on a broken index: a missing, dangling, unreadable, corrupt (a segment file that
differs from its seal) or empty index is reported, and `--repair` rebuilds it into a new
generation. Generations left by killed rebuilds are listed, and removed by `--repair`. Exit status: 0 sound (or repaired), 1 faults found without --repair,
2 faults left after --repair, 3 the index queue lock stayed busy.
"""
from django.core.management.base import BaseCommand, CommandError

from speeches.search import IndexUnavailable, index_state, queue, rebuild
from speeches.search.backend import backend
from speeches.search.indexing import generations


class Command(BaseCommand):
    help = "Report sections missing from the search index and index entries with no section."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="rebuild or re-index what is wrong")
        parser.add_argument("--sample", type=int, default=10, help="how many ids to show per kind")
        parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the index")

    def handle(self, *, repair, sample, timeout, **options):
        path = backend().path
        if repair:
            for gen in generations.prune(path):
                self.stdout.write(f"Removed an abandoned index generation: {gen.name}")
        else:
            self.report_abandoned(path)
        try:  # queued changes first: on a new archive, the first of them creates the index
            applied = queue.process(timeout=timeout)
        except IndexUnavailable:
            applied = 0  # a rebuild below covers them
        if applied:
            self.stdout.write(f"Applied {applied} queued index change(s).")
        state = index_state(thorough=True)  # every segment file against its seal's CRC-32
        if state.ok:
            try:
                return self.check_drift(repair, sample, timeout)
            except IndexUnavailable as fault:  # broke while we read it (a corrupt segment)
                state = index_state()
                state = state if not state.ok else type(state)(fault.problem, fault.detail, "", 0)
        self.stdout.write(f"The search index is unusable ({state.problem}): {state.detail}")
        if not repair:
            raise CommandError("The search index is unusable; run with --repair to rebuild it.", returncode=1)
        self.rebuild(timeout)
        if self.report(sample, timeout):
            raise CommandError("Drift remains after the rebuild; see the log.", returncode=2)
        self.stdout.write(self.style.SUCCESS("Rebuilt."))

    def check_drift(self, repair, sample, timeout):
        found = self.report(sample, timeout)
        if not found:
            return
        if not repair:
            raise CommandError("The index has drifted from the database; run with --repair.", returncode=1)
        queue.repair(found.missing | found.orphans, timeout=timeout)
        if self.report(sample, timeout):
            raise CommandError("Drift remains after --repair; see the log.", returncode=2)
        self.stdout.write(self.style.SUCCESS("Repaired."))

    def rebuild(self, timeout):
        try:
            with queue.paused(timeout=timeout):
                built = rebuild()
        except queue.QueueBusy as exc:
            raise CommandError(str(exc), returncode=3)
        self.stdout.write(f"Rebuilt the index: {built.sections} sections into {built.generation.name}.")

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

    def report_abandoned(self, path):
        left = [gen.name for gen in generations.abandoned(path)]
        if left:
            self.stdout.write(f"Abandoned index generations (a killed rebuild): {', '.join(left)}; "
                              "--repair removes them.")
