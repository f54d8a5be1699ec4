"""parse_bytes end to end on literal text, and the JSON object of `parse_speech --json`."""
import time

import pytest

from speeches.ingest import IngestError, parse_bytes, speech_to_json

SPEECH = """首页 > 文库大全 > 讲话稿
在全市经济工作会议上的讲话
北京市市长 殷勇
（２０２１年1月**日）
同志们：
今天我们召开会议。
一、认真学习
（一）学习文件。正文第一段。
二、狠抓落实
正文第二段。
同志们，让我们共同努力！
"""

CONTRACT_KEYS = ["source", "title", "subtitle", "speaker", "speaker_title", "date", "city", "occasion",
                 "sections", "chars", "evidence", "removed"]


def test_parse_bytes_end_to_end():
    [speech] = parse_bytes(SPEECH.encode("gb18030"), filename="jj.txt")
    assert speech.source == "jj.txt" and speech.title == "在全市经济工作会议上的讲话"
    assert speech.date.iso() == "2021-01" and speech.city == "北京市" and speech.speaker == "殷勇"
    assert speech.removed == ("首页 > 文库大全 > 讲话稿",)
    assert [s.kind for s in speech.sections] == ["opening", "heading", "heading", "closing"]
    assert speech.text.startswith("同志们：") and "殷勇" not in speech.text


def test_json_object():
    [speech] = parse_bytes(SPEECH.encode("utf-8"), filename="jj.txt")
    obj = speech_to_json(speech)
    assert list(obj)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert "fingerprint" not in obj
    assert obj["date"] == "2021-01" and obj["chars"] == len(speech.text)
    assert obj["sections"] == [
        {"label": "一、", "heading": "认真学习", "children": [{"label": "（一）", "heading": "学习文件", "children": []}]},
        {"label": "二、", "heading": "狠抓落实", "children": []}]
    assert obj["opening"] == "同志们：\n今天我们召开会议。" and obj["closing"] == "同志们，让我们共同努力！"
    assert obj["removed"] == [{"text": "首页 > 文库大全 > 讲话稿", "start": 0, "end": 15, "rule": "breadcrumb"}]
    assert obj["evidence"]["speaker"] == {"text": "殷勇", "start": SPEECH.index("殷勇"), "end": SPEECH.index("殷勇") + 2, "rule": "speaker line"}
    assert obj["evidence"]["city"]["text"] == "北京市" and obj["evidence"]["city"]["rule"] == "city in speaker_title"


def test_utf16_file():
    [speech] = parse_bytes(b"\xff\xfe" + SPEECH.encode("utf-16-le"), filename="u16.txt")
    assert speech.title == "在全市经济工作会议上的讲话"


def test_big5_file():
    text = "在全市經濟工作會議上的講話\n同志們：\n今天我們召開會議。\n一、認真學習\n正文。"
    [speech] = parse_bytes(text.encode("big5"), filename="b5.txt")
    assert speech.title == "在全市經濟工作會議上的講話" and speech.sections[1].label == "一、"


@pytest.mark.parametrize("data, message", [
    (b"", "文件为空：x.txt"),
    ("Café crème brûlée".encode("latin-1"), "无法识别文件编码：x.txt，请另存为 UTF-8 后重新上传"),
    (bytes(range(256)), "不是文本文件：x.txt"),
])
def test_unreadable(data, message):
    with pytest.raises(IngestError, match=message):
        parse_bytes(data, filename="x.txt")


def test_only_chrome_gives_no_speech():
    assert parse_bytes("首页 > 文库大全 > 讲话稿\n相关内容\n热门阅读".encode(), filename="x.txt") == []


def test_twenty_megabytes_is_linear():
    paragraph = "各位副市长、各单位主要负责人要在干好本职工作的同时，还要思考我们怎样干能为群众谋利益。" * 4
    unit = "\n".join(["第一，不仅要正确地干事", paragraph, "第二，不仅要知道干什么", paragraph, ""])
    data = ("在市政府班子务虚会上的讲话\n同志们：\n" + unit * (20_000_000 // len(unit.encode()))).encode()
    assert len(data) > 19_000_000
    started = time.perf_counter()
    [speech] = parse_bytes(data, filename="big.txt")
    elapsed = time.perf_counter() - started
    assert speech.title == "在市政府班子务虚会上的讲话"
    assert len(speech.text) > 6_000_000 and len(speech.sections) > 1000
    assert elapsed < 120  # generous: a quadratic step would take hours, not seconds


def test_the_pipeline_imports_no_django():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; from speeches.ingest import parse_bytes; "
            "parse_bytes('在会上的讲话\\n同志们：\\n一、落实\\n正文。'.encode(), filename='x.txt'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
