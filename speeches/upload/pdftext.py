"""Child process: PDF bytes on stdin, {"text": ...} or {"error": ...} as JSON on stdout.

Started by speeches.upload.extract.pdf_text with CPU and memory limits; imports no Django, so it
starts fast and a hostile PDF can only exhaust this process.
"""
import json
import sys


def main() -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = sys.stdin.buffer.read()
    try:
        import io

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            answer = {"error": "encrypted"}
        else:
            pages = [page.extract_text() or "" for page in reader.pages]
            text = "\n".join(pages)
            answer = {"text": text} if text.strip() else {"error": "no_text"}
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        answer = {"error": "damaged"}
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
