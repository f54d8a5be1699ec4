import codecs

import pytest

from speeches.ingest.decode import decode
from speeches.ingest.errors import IngestError

SIMPLIFIED = "在市政府班子务虚会上的讲话\n同志们：今天我们召开市政府常务会议，进行了党组集中学习。"
TRADITIONAL = "在市政府班子務虛會上的講話\n同志們：今天我們召開市政府常務會議，進行了黨組集中學習。"


@pytest.mark.parametrize("data", [
    SIMPLIFIED.encode("utf-8"),
    codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"),
    codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"),
    SIMPLIFIED.encode("gb18030"),
    SIMPLIFIED.encode("gbk"),
    SIMPLIFIED.encode("gb2312"),
])
def test_simplified_encodings(data):
    assert decode(data, filename="a.txt") == SIMPLIFIED


def test_big5():
    assert decode(TRADITIONAL.encode("big5"), filename="a.txt") == TRADITIONAL


def test_gb18030_beyond_gbk():
    text = "讲话稿里的生僻字：𠀀，以及欧元符号€。" * 3
    assert decode(text.encode("gb18030"), filename="a.txt") == text


def test_ascii_only():
    assert decode(b"Speech 2021", filename="a.txt") == "Speech 2021"


def test_undecodable_names_file_and_fix():
    data = "Café naïve à la crème, déjà vu".encode("latin-1")
    with pytest.raises(IngestError) as err:
        decode(data, filename="讲话.txt")
    assert "无法识别文件编码：讲话.txt" in str(err.value)
    assert "请另存为 UTF-8" in str(err.value)
    assert err.value.filename == "讲话.txt"


def test_broken_utf16_refused():
    with pytest.raises(IngestError, match="无法识别文件编码"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", filename="a.txt")  # lone surrogate


def test_utf8_with_one_bad_byte_is_not_silently_repaired():
    data = SIMPLIFIED.encode("utf-8")[:10] + b"\xff" + SIMPLIFIED.encode("utf-8")[10:]
    with pytest.raises(IngestError):
        decode(data, filename="a.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\r\n  "])
def test_empty(data):
    with pytest.raises(IngestError, match="文件为空：e.txt"):
        decode(data, filename="e.txt")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    bytes(range(256)) * 4,
    "无 BOM 的 UTF-16".encode("utf-16-le"),
])
def test_binary(data):
    with pytest.raises(IngestError, match="不是文本文件：b.bin"):
        decode(data, filename="b.bin")


@pytest.mark.parametrize("magic, kind", [(b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04\x14\x00", "docx")])
def test_office_files_named(magic, kind):
    with pytest.raises(IngestError, match=kind):
        decode(magic + b"\x00" * 20, filename="x")
