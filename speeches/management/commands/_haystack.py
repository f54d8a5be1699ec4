"""What haystack's index commands share here: they rebuild beside the live index and swap, or
go through the queue, so the site never answers from an empty or half-written index."""
from django.core.management.base import CommandError
from tqdm import tqdm

SAFE = ("Searches keep answering from the full index in use until the new one is swapped in; "
        "changes saved meanwhile wait in the queue and land in the new index.")


def add_haystack_options(parser, *, workers=True, batch=True):
    """haystack's own options, so scripts written for stock haystack keep working."""
    parser.add_argument("--noinput", action="store_false", dest="interactive", default=True,
                        help="ask nothing (nothing is ever wiped here anyway)")
    parser.add_argument("-u", "--using", action="append", default=[], help="haystack connection (default: default)")
    parser.add_argument("--nocommit", action="store_false", dest="commit", default=True,
                        help="not supported: an uncommitted index is never swapped in")
    if workers:
        parser.add_argument("-k", "--workers", type=int, default=0, help="processes (default: one per core)")
    if batch:
        parser.add_argument("-b", "--batch-size", dest="batchsize", type=int, help="ignored: whole segments are written")
        parser.add_argument("-t", "--max-retries", dest="max_retries", type=int, default=5, help="ignored: the queue retries")


def aliases(options) -> list[str]:
    if not options.get("commit", True):
        raise CommandError("--nocommit is not supported: the index is rebuilt beside the live one and swapped in.")
    return options.get("using") or ["default"]


def rebuild_and_swap(command, alias: str, workers: int | None) -> None:
    from speeches.search import queue, rebuild

    with queue.paused(), tqdm(unit="节", disable=None, file=command.stderr._out) as bar:
        built = rebuild(using=alias, workers=workers or None, progress=bar.update)
    command.stdout.write(
        f"Indexed {built.sections} sections ({built.text_bytes / 1e6:.1f} MB of text) in {built.seconds:.1f} s "
        f"into a new index generation and swapped it in: {built.generation.name}"
    )
