"""The text inside an uploaded file, by its sniffed kind, as bytes for speeches.ingest.parse_bytes.

Plain text goes to the parser as received (it decodes GBK, UTF-16 and UTF-8 itself). A web page
goes through trafilatura (main text, no menus; docs/UPLOAD.md compares it with our own cleaner).
Word through python-docx, paragraph by paragraph. A PDF is read by pypdf in a child process
with a time and memory bound (speeches.upload.pdftext), so a hostile PDF fails that file only.
"""
from __future__ import annotations

import io
import json
import resource
import subprocess
import sys

from django.conf import settings
from django.utils.translation import gettext_noop

from speeches.ingest.decode import decode
from speeches.ingest.errors import IngestError

from .files import Refused


def text_bytes(data: bytes, kind: str, name: str) -> bytes:
    """UTF-8 (or, for plain text, the original) bytes of the text; Refused with a message."""
    if kind == "text":
        return data
    if kind == "html":
        return html_text(data, name).encode("utf-8")
    if kind == "docx":
        return docx_text(data).encode("utf-8")
    if kind == "pdf":
        return pdf_text(data).encode("utf-8")
    raise Refused(gettext_noop("不支持的文件类型：%(kind)s"), kind=kind)


def html_text(data: bytes, name: str) -> str:
    import trafilatura

    try:
        page = decode(data, filename=name)
    except IngestError as error:
        raise Refused("%(error)s", error=str(error)) from None
    text = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise Refused(gettext_noop("网页中没有找到正文。"))
    return text


def docx_text(data: bytes) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx, lxml and zipfile raise many kinds on a damaged package
        raise Refused(gettext_noop("Word 文件已损坏，无法读取（%(error)s）。"), error=type(error).__name__) from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("　".join(cell.text for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise Refused(gettext_noop("Word 文件中没有文字。"))
    return text


PDF_MESSAGES = {
    "encrypted": gettext_noop("PDF 已加密（设有密码），无法读取文字，请提供未加密的文件。"),
    "no_text": gettext_noop("PDF 没有文字层（可能是扫描图片），无法导入；请提供带文字的 PDF 或文本文件。"),
    "damaged": gettext_noop("PDF 已损坏，无法读取。"),
}


def pdf_text(data: bytes) -> str:
    """Run speeches.upload.pdftext in a child process bounded in CPU time and address space."""
    seconds, memory = settings.ARCHIVE_PDF_SECONDS, settings.ARCHIVE_PDF_MEMORY_BYTES

    def bound():  # in the child, before exec
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        done = subprocess.run([sys.executable, "-m", "speeches.upload.pdftext"], input=data,
                              capture_output=True, timeout=seconds * 2, preexec_fn=bound,
                              cwd=settings.BASE_DIR)
    except subprocess.TimeoutExpired:
        raise Refused(gettext_noop("PDF 读取超时（超过 %(seconds)s 秒），已放弃这个文件。"), seconds=seconds * 2) from None
    if done.returncode != 0:
        raise Refused(gettext_noop("PDF 读取超出时间或内存限制，已放弃这个文件。"))
    answer = json.loads(done.stdout)
    if answer.get("error"):
        raise Refused(PDF_MESSAGES[answer["error"]])
    return answer["text"]
