"""CSV that a spreadsheet opens as text, never as formulas (CSV or formula injection).

OWASP's rule: a cell whose first character is = + - @, a tab or a carriage return is prefixed with
a single quote, and every cell is quoted. defusedcsv follows most of it but lets a leading tab or
carriage return through (and rewrites | inside cells), so the rule lives here, in one function,
and every CSV we write goes through `rows_as_text`.
"""
import csv
import io
from collections.abc import Iterable, Iterator

# What OWASP lists, plus a line feed and NUL (OWASP ASVS 1.2.10) which some spreadsheets also skip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def safe_cell(value) -> str:
    """The cell as text a spreadsheet shows as it is: "=1+1" becomes "'=1+1"."""
    text = "" if value is None else str(value)
    # Leading blanks too: some spreadsheets skip them before looking for a formula.
    risky = text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)
    return "'" + text if risky else text


def rows_as_text(rows: Iterable[Iterable]) -> Iterator[str]:
    """Each row as one CSV line (for a streaming response), every cell neutralised and quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
