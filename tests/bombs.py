"""Hostile office files for the hardening tests and `bench/hostile.py`: archives whose
parts inflate far beyond their size, or lie about it.

Built without inflating anything: one compressed segment of 1 MiB, closed with a full flush
so that it refers to nothing before it, is repeated as often as needed (a 1 GB part costs
3 MB and a fraction of a second), and the ZIP records are written around it.
"""

import struct
import zlib

MIB = 1024 * 1024
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b"</Types>"
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOCX_HEAD = b'<?xml version="1.0"?><w:document ' + _W + b"><w:body>"
_PARAGRAPH = b"<w:p><w:r><w:t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</w:t></w:r></w:p>"
_STRING = b"<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>"


def _deflated(head: bytes, unit: bytes, megabytes: int) -> tuple[bytes, int, int]:
    """(raw deflate data, CRC-32, inflated size) of `head` then `unit` repeated to fill
    `megabytes`."""
    chunk = (unit * (MIB // len(unit) + 1))[:MIB]
    segment = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = segment.compress(chunk) + segment.flush(zlib.Z_FULL_FLUSH)
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = first.compress(head) + first.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    return first + segment * megabytes + final, crc, len(head) + megabytes * MIB


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP of (name, deflated data, crc, inflated size, declared size) members."""
    body, directory = b"", b""
    for name, data, crc, _size, declared in members:
        encoded = name.encode()
        fields = struct.pack("<HHHHHLLLHH", 20, 0, 8, 0, 0, crc, len(data), declared,
                             len(encoded), 0)  # fmt: skip
        directory += (b"PK\x01\x02" + struct.pack("<H", 20) + fields
                      + struct.pack("<HHHLL", 0, 0, 0, 0, len(body)) + encoded)  # fmt: skip
        body += b"PK\x03\x04" + fields + encoded + data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                      len(directory), len(body), 0)  # fmt: skip
    return body + directory + end


def _member(name: str, content: bytes):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return name, data, zlib.crc32(content), len(content), len(content)


def _bomb(part: str, head: bytes, unit: bytes, megabytes: int, declared: int | None) -> bytes:
    data, crc, size = _deflated(head, unit, megabytes)
    members = [_member("[Content_Types].xml", CONTENT_TYPES)]
    if part.startswith("xl/"):
        members.append(_member("xl/workbook.xml", b"<workbook/>"))
    return _zip([*members, (part, data, crc, size, size if declared is None else declared)])


def docx_bomb(inflated_mb: int = 100) -> bytes:
    """A DOCX whose `word/document.xml` inflates to `inflated_mb` (3 MB per GB)."""
    return _bomb("word/document.xml", _DOCX_HEAD, _PARAGRAPH, inflated_mb, None)


def xlsx_bomb(inflated_mb: int = 100) -> bytes:
    """An XLSX whose shared strings inflate to `inflated_mb`: openpyxl reads them all
    before the first row, even in read-only mode."""
    return _bomb("xl/sharedStrings.xml", b"<sst>", _STRING, inflated_mb, None)


def lying_docx(inflated_mb: int = 50) -> bytes:
    """A DOCX whose directory says its document part is 4 KB though it inflates to
    `inflated_mb`: the reader must stop at the declared size, not trust the stream."""
    return _bomb("word/document.xml", _DOCX_HEAD, _PARAGRAPH, inflated_mb, 4096)


def crowded_zip64(entries: int = 400_000) -> bytes:
    """A DOCX whose ordinary end record claims a tiny directory while its ZIP64 record,
    which `zipfile` prefers, holds `entries` of them (about 19 MB): every entry becomes an
    object in memory before `zipfile` can be asked how many there are."""
    part = _member("word/document.xml", b"<w:document/>")
    body, directory = _zip([part])[:-22].split(b"PK\x01\x02", 1)
    directory = b"PK\x01\x02" + directory
    empty = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0)  # fmt: skip
    directory += b"".join(empty[:28] + struct.pack("<H", len(b"%x" % n)) + empty[30:]
                          + b"%x" % n for n in range(entries))  # fmt: skip
    count = entries + 1
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                         len(directory), len(body))  # fmt: skip
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(body) + len(directory), 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 100, 0xFFFFFFFF, 0)
    return body + directory + record + locator + end
