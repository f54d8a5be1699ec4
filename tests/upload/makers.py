"""Build the files an upload test sends: real .docx (python-docx), real .pdf, .zip, web pages."""
import io
import stat
import zipfile


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(lines: list[str], *, encrypt: str = "", text_layer: bool = True) -> bytes:
    """A PDF whose text layer holds `lines` (a Type0 font with a ToUnicode map: CID = code point,
    as PDFs made by office software map Chinese), optionally encrypted with a user password."""
    from pypdf import PdfReader, PdfWriter

    def hex_of(line):
        return "".join(f"{ord(c):04X}" for c in line)

    content = "BT /F1 12 Tf 14 TL 50 780 Td " + " ".join(f"<{hex_of(l)}> Tj T*" for l in lines) + " ET"
    if not text_layer:
        content = "0 0 1 rg 50 50 200 200 re f"  # a drawing, no text: what a scan's page has
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange "
            "2 beginbfrange <3000> <303F> <3000> <4E00> <9FFF> <4E00> endbfrange "
            "2 beginbfrange <0020> <007E> <0020> <FF00> <FFEF> <FF00> endbfrange "
            "endcmap CMapName currentdict /CMap defineresource pop end end")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    if not encrypt:
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    writer.encrypt(user_password=encrypt, algorithm="RC4-128")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    return encrypted.getvalue()


def zip_bytes(entries: dict[str, bytes], *, symlinks: dict[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return out.getvalue()


def zip_bomb(unpacked: int = 1 << 30) -> bytes:
    """A real zip bomb: one entry of `unpacked` zero bytes in about a thousandth of that.

    Deflating a gigabyte takes half a minute, so one 1 MiB block is deflated and its output,
    identical for every following block of zeros, repeated; the CRC is computed for real.
    """
    import struct
    import zlib

    block = b"\0" * (1 << 20)
    count = unpacked // len(block)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeat = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    assert repeat == deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    data = first + repeat * (count - 2) + deflate.compress(block) + deflate.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    name = b"speech.txt"
    fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(data), count * len(block))
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name
    central = (b"PK\x01\x02" + struct.pack("<H", 20) + fields
               + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, 0) + name)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end
