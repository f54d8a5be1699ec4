"""Step 1: bytes to str. Never guess silently: refuse rather than emit replacement characters."""
from __future__ import annotations

import codecs
import functools

from .errors import IngestError

# Office formats people upload by mistake: a specific message helps more than "bad encoding".
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "Word (.docx) / ZIP"),
    (b"\xd0\xcf\x11\xe0", "Word (.doc)"),
    (b"{\\rtf", "RTF"),
)
# GB18030 decodes most byte soup without error, so a decode that "works" must also read as
# Chinese: most Han characters should be common ones (GB2312 level 1 or Big5 level 1).
_MIN_COMMON_SHARE = 0.8


def decode(data: bytes, *, filename: str) -> str:
    """Return the text of data, or raise IngestError naming filename."""
    if not data.strip():
        raise IngestError(f"文件为空：{filename}，没有可导入的内容 (empty file: {filename})", filename=filename)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, filename)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise IngestError(
                f"不是纯文本文件：{filename} 是 {kind} 文件，请另存为 UTF-8 文本（.txt）后重新上传 "
                f"({filename} is a {kind} file; save it as UTF-8 plain text)", filename=filename)
    if b"\x00" in data[:65536]:
        raise IngestError(
            f"不是文本文件：{filename} 含二进制内容，请另存为 UTF-8 文本（.txt）后重新上传 "
            f"({filename} looks binary; save it as UTF-8 plain text)", filename=filename)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = max(_candidates(data), key=lambda pair: pair[1], default=None)
    if best is None or best[1] < _MIN_COMMON_SHARE:
        raise _unknown(filename)
    return best[0]


def _candidates(data: bytes):
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        yield text, _common_share(text)


def _common_share(text: str) -> float:
    han = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0 if any(ord(c) > 0x7F for c in text[:20000]) else 1.0
    common = _common_han()
    return sum(c in common for c in han) / len(han)


@functools.lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """GB2312 level 1 (3,755 simplified) plus Big5 level 1 (5,401 traditional) characters."""
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            chars.update(bytes((hi, lo)).decode("gb2312", "ignore"))
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            chars.update(bytes((hi, lo)).decode("big5", "ignore"))
    return frozenset(chars)


def _strict(data: bytes, codec: str, filename: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise _unknown(filename) from None


def _unknown(filename: str) -> IngestError:
    return IngestError(
        f"无法识别文件编码：{filename}，请另存为 UTF-8 后重新上传 "
        f"(cannot tell the encoding of {filename}; save it as UTF-8 and upload again)",
        filename=filename)
