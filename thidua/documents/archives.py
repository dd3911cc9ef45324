"""Opening ZIP-based office files (DOCX, XLSX) without trusting them.

A 3 MB DOCX can hold a `word/document.xml` that inflates to 1 GB, and a 20 MB file can hold
hundreds of thousands of directory entries, each of which `zipfile` turns into an object.
So before anything is inflated: the end records' entry count and directory size are checked
(before `zipfile` reads the directory; the ZIP64 record too, which `zipfile` prefers), then
every member's declared size, its compression ratio and the total. The declared sizes can
be trusted as bounds because `zipfile` never yields more bytes than a member declares
(`ZipExtFile` stops at `file_size` and checks the CRC).

This module imports nothing from Django: it also runs in the isolated reader process
(`isolated.py`).
"""

import struct
import zipfile
from dataclasses import dataclass

MIB = 1024 * 1024
_END_RECORD = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_ZIP64_LOCATOR, _ZIP64_RECORD = b"PK\x06\x07", b"PK\x06\x06"
_MAX_COMMENT = 65535


class Refused(Exception):
    """An upload that cannot or must not be read. The message is for the officer."""


@dataclass(frozen=True)
class Bounds:
    """Limits of an office archive. The ratio (inflated / compressed) is Apache POI's
    default guard (1:100); members below `ratio_floor` inflate to little whatever their
    ratio, so small, very regular XML parts are not refused."""

    max_members: int = 2000
    max_directory_bytes: int = MIB
    max_member_bytes: int = 64 * MIB
    max_total_bytes: int = 256 * MIB
    max_ratio: int = 100
    ratio_floor: int = MIB


OFFICE = Bounds()


def _directory_claims(handle, name: str) -> tuple[int, int]:
    """(entries, bytes) of the central directory as its end records claim them: the
    ordinary record, and the ZIP64 record when a locator sits right before it, as
    `zipfile` reads them (the larger of each pair, so that neither can hide the other)."""
    handle.seek(0, 2)
    size = handle.tell()
    tail_length = min(size, _END_RECORD_SIZE + _MAX_COMMENT)
    handle.seek(size - tail_length)
    tail = handle.read(tail_length)
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < _END_RECORD_SIZE:
        raise Refused(f"Tệp «{name}» bị hỏng hoặc không phải tệp Office (.docx, .xlsx).")
    entries, directory = struct.unpack("<HL", tail[at + 10 : at + 16])
    locator = tail[at - 20 : at] if at >= 20 else b""
    if locator[:4] == _ZIP64_LOCATOR:
        # Python 3.11 reads the record just before the locator, later ones where the
        # locator points: both are counted.
        before = size - tail_length + at - 20 - 56
        for offset in (before, struct.unpack("<Q", locator[8:16])[0]):
            handle.seek(max(offset, 0))
            record = handle.read(56)
            if record[:4] == _ZIP64_RECORD:
                more_entries, more_bytes = struct.unpack("<QQ", record[32:48])
                entries, directory = max(entries, more_entries), max(directory, more_bytes)
    handle.seek(0)
    return entries, directory


def _check_member(info: zipfile.ZipInfo, bounds: Bounds, name: str) -> None:
    if info.flag_bits & 0x1:
        raise Refused(f"Tệp «{name}» được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.")
    ratio_too_high = info.file_size > bounds.max_ratio * max(info.compress_size, 1)
    if info.file_size > bounds.ratio_floor and ratio_too_high:
        raise Refused(
            f"Tệp «{name}» bị nén bất thường (phần «{info.filename[:80]}» nở ra hơn "
            f"{bounds.max_ratio} lần), có thể là tệp độc hại; không đọc."
        )
    if info.file_size > bounds.max_member_bytes:
        raise Refused(
            f"Tệp «{name}» có phần «{info.filename[:80]}» giải nén ra "
            f"{info.file_size // MIB} MB, vượt giới hạn {bounds.max_member_bytes // MIB} MB."
        )


def check_archive(handle, *, name: str, bounds: Bounds = OFFICE) -> zipfile.ZipFile:
    """The open archive of `handle` (a binary file), or Refused with a Vietnamese message
    naming the file and the bound it breaks. Nothing is inflated here."""
    entries, directory = _directory_claims(handle, name)
    if entries > bounds.max_members or directory > bounds.max_directory_bytes:
        raise Refused(f"Tệp «{name}» có quá nhiều thành phần; không đọc.")
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise Refused(f"Tệp «{name}» bị hỏng hoặc không phải tệp Office.") from error
    members = archive.infolist()
    if len(members) > bounds.max_members:
        raise Refused(f"Tệp «{name}» có {len(members)} thành phần, quá nhiều; không đọc.")
    total = 0
    for info in members:
        _check_member(info, bounds, name)
        total += info.file_size
    if total > bounds.max_total_bytes:
        raise Refused(
            f"Tệp «{name}» giải nén ra {total // MIB} MB, vượt giới hạn "
            f"{bounds.max_total_bytes // MIB} MB."
        )
    return archive


def check_archive_file(path, *, name: str, bounds: Bounds = OFFICE) -> None:
    """`check_archive` on a file on disk, closing it again: the quick check an upload
    passes in the web request, before it is stored and read by a background job."""
    with open(path, "rb") as handle:
        check_archive(handle, name=name, bounds=bounds).close()
