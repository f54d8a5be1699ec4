"""Whoosh columns that load a whole segment's values in one read.

Whoosh's own columns unpack one value per call: loading a facet for 100,000 documents costs
about 0.1 s per column and per process. These keep the values as one array (and, for facets, the
distinct values once), so a segment loads in a few milliseconds and facet counting is
`Counter(map(refs.__getitem__, docnums))`, done in C.
"""
from __future__ import annotations

import json
import sys
from array import array

from whoosh.columns import Column, ColumnReader, ColumnWriter

_LITTLE = sys.byteorder == "little"


def _to_bytes(values: array) -> bytes:
    if not _LITTLE:  # the files are little-endian on every machine
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_bytes(typecode: str, data: bytes) -> array:
    values = array(typecode)
    values.frombytes(data)
    if not _LITTLE:
        values.byteswap()
    return values


class IntColumn(Column):
    """One signed 64-bit integer per document (0 when not given)."""

    reversible = True
    _default = 0

    def writer(self, dbfile):
        return _IntWriter(dbfile)

    def reader(self, dbfile, basepos, length, doccount):
        return _ArrayReader(_from_bytes("q", bytes(dbfile.get(basepos, length))), doccount)


class _IntWriter(ColumnWriter):
    def __init__(self, dbfile):
        super().__init__(dbfile)
        self._values = array("q")

    def add(self, docnum, value):
        self.fill(docnum)
        self._values.append(int(value))

    def fill(self, docnum):
        missing = docnum - len(self._values)
        if missing > 0:
            self._values.extend([0] * missing)

    def finish(self, doccount):
        self.fill(doccount)
        self._dbfile.write(_to_bytes(self._values))


class _ArrayReader(ColumnReader):
    def __init__(self, values, doccount):
        self.values = values
        self._doccount = doccount

    def __getitem__(self, docnum):
        return self.values[docnum]

    def __iter__(self):
        return iter(self.values)

    def load(self):
        return self.values

    def set_reverse(self):
        raise NotImplementedError


class ValueColumn(Column):
    """A whole string value per document, stored as an ordinal into the segment's distinct values.

    `reader.refs[docnum]` is the ordinal and `reader.values[ordinal]` the value; ordinal 0 is ''.
    """

    _default = b""

    def writer(self, dbfile):
        return _ValueWriter(dbfile)

    def reader(self, dbfile, basepos, length, doccount):
        data = bytes(dbfile.get(basepos, length))
        refs = _from_bytes("I", data[: 4 * doccount])
        values = json.loads(data[4 * doccount :].decode("utf-8"))
        return _ValueReader(refs, values, doccount)


class _ValueWriter(ColumnWriter):
    def __init__(self, dbfile):
        super().__init__(dbfile)
        self._refs = array("I")
        self._ordinals = {"": 0}

    def add(self, docnum, value):
        self.fill(docnum)
        text = value.decode("utf-8") if isinstance(value, bytes) else value
        self._refs.append(self._ordinals.setdefault(text, len(self._ordinals)))

    def fill(self, docnum):
        missing = docnum - len(self._refs)
        if missing > 0:
            self._refs.extend([0] * missing)

    def finish(self, doccount):
        self.fill(doccount)
        self._dbfile.write(_to_bytes(self._refs))
        self._dbfile.write(json.dumps(list(self._ordinals), ensure_ascii=False).encode("utf-8"))


class _ValueReader(ColumnReader):
    def __init__(self, refs, values, doccount):
        self.refs = refs
        self.values = values
        self._doccount = doccount

    def __getitem__(self, docnum):
        return self.values[self.refs[docnum]]

    def __iter__(self):
        values = self.values
        return (values[ref] for ref in self.refs)

    def set_reverse(self):
        raise NotImplementedError
