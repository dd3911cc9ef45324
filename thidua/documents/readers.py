"""Reading uploaded files with bounded memory: the text of a plan (DOCX, PDF, plain text)
and the rows of a workbook (XLSX).

Each reader streams and stops at its bound with `Refused` and a Vietnamese message: DOCX
is parsed event by event (python-docx would build the whole tree first), a workbook is
read row by row and stops one row past the limit. The jobs run these readers in a child
process with hard limits (`isolated.py`), so this module imports nothing from Django.
"""

import datetime
from contextlib import contextmanager

from thidua.documents.archives import OFFICE, Bounds, Refused, check_archive

MAX_TEXT_CHARS = 2_000_000  # a 300-page plan has about one million characters
# A workbook's answer travels to the job as JSON: its cells are bounded one by one (the
# longest field imported, achievements, is a paragraph) and in all (20,000 full rows of
# the template are about 6 million characters).
MAX_CELL_CHARS = 5_000
MAX_SHEET_CHARS = 10_000_000
MAX_PDF_PAGES = 500
# A PDF whose pages give fewer letters than this is a scan without a text layer.
MIN_PDF_LETTERS = 40
MIN_TYPED_LETTERS_PER_PAGE = 300
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TC, _TR = f"{_W}p", f"{_W}tc", f"{_W}tr"
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # Vietnamese thousands: 2.000.000


class _Lines:
    """Paragraphs in document order; a table row is one line of its cells' texts."""

    def __init__(self, name: str, max_chars: int):
        self.name, self.max_chars, self.size = name, max_chars, 0
        self.body: list[str] = []
        self.cells: list[list[str]] = []  # open table cells, innermost last
        self.rows: list[list[str]] = []  # open table rows, innermost last

    def add(self, text: str) -> None:
        self.size += len(text) + 1
        if self.size > self.max_chars:
            raise Refused(
                f"Văn bản «{self.name}» dài quá {_count(self.max_chars)} ký tự; không đọc."
            )
        (self.cells[-1] if self.cells else self.body).append(text)

    def start(self, tag: str) -> None:
        if tag == _TR:
            self.rows.append([])
        elif tag == _TC:
            self.cells.append([])

    def end(self, element) -> None:
        if element.tag == _P:
            self.add("".join(_run_text(element)))
        elif element.tag == _TC:
            text = "\n".join(self.cells.pop())
            if self.rows:
                self.rows[-1].append(text)
        elif element.tag == _TR:
            self.add(" ".join(self.rows.pop()))


def _run_text(paragraph):
    for node in paragraph.iter(*_RUN_TEXT):
        fixed = _RUN_TEXT[node.tag]
        yield (node.text or "") if fixed is None else fixed


def docx_text(path, *, name: str, bounds: Bounds = OFFICE, max_chars=MAX_TEXT_CHARS) -> str:
    """The paragraphs and table rows of a Word document, one a line."""
    from lxml import etree  # noqa: PLC0415 -- only for DOCX

    with open(path, "rb") as handle, check_archive(handle, name=name, bounds=bounds) as archive:
        try:
            member = archive.open("word/document.xml")
        except KeyError as error:
            raise Refused(f"Tệp «{name}» không phải văn bản Word (.docx).") from error
        lines = _Lines(name, max_chars)
        # No entities, DTDs or network: an XML bomb inside the part stays unexpanded.
        events = etree.iterparse(
            member, events=("start", "end"), tag=(_P, _TC, _TR),
            resolve_entities=False, load_dtd=False, no_network=True,
        )  # fmt: skip
        try:
            for event, element in events:
                if event == "start":
                    lines.start(element.tag)
                    continue
                lines.end(element)
                element.clear()  # and drop what was read, so memory stays flat
                while element.getprevious() is not None:
                    del element.getparent()[0]
        except etree.LxmlError as error:
            raise Refused(f"Tệp «{name}» bị hỏng; không đọc được nội dung.") from error
    return "\n".join(lines.body)


def pdf_text(path, *, name: str, max_pages=MAX_PDF_PAGES, max_chars=MAX_TEXT_CHARS,
             scan_ok: bool = False) -> str:  # fmt: skip
    """The text layer of a PDF; a scan without one is refused with what to do instead, or,
    for a caller that reads scans (`scan_ok`), answered with no text."""
    from pypdf import PdfReader  # noqa: PLC0415 -- only for PDF

    reader = PdfReader(path)
    if len(reader.pages) > max_pages:
        raise Refused(f"Tệp «{name}» có {len(reader.pages)} trang, quá {max_pages} trang.")
    parts, size = [], 0
    for page in reader.pages:
        parts.append(page.extract_text() or "")
        size += len(parts[-1])
        if size > max_chars:
            raise Refused(f"Văn bản «{name}» dài quá {_count(max_chars)} ký tự; không đọc.")
    text = "\n".join(parts)
    letters = sum(char.isalpha() for char in text)
    # A scan may carry a line of text (a digital signature's stamp, a scanner app's mark):
    # fewer letters than a typed page's few hundred is still a scan to read.
    if scan_ok and letters < MIN_TYPED_LETTERS_PER_PAGE * len(reader.pages):
        return ""
    if letters < MIN_PDF_LETTERS:
        raise Refused(f"«{name}» là bản quét, không có lớp văn bản. Hãy nhận dạng chữ (OCR) "
                      "rồi tải lên tệp .txt hoặc .docx.")  # fmt: skip
    return text


def plain_text(path, *, name: str, max_chars=MAX_TEXT_CHARS) -> str:
    """Text as OCR tools write it: UTF-8, or the old Vietnamese Windows code page."""
    with open(path, "rb") as handle:
        content = handle.read(max_chars * 4 + 1)  # a character is at most 4 bytes of UTF-8
    text = content.decode("utf-8-sig", errors="replace")
    # OCR output may carry a few broken bytes; a file mostly undecodable as UTF-8 was
    # saved by an old Windows program in the Vietnamese code page.
    if text.count("\ufffd") > len(text) / 100:
        text = content.decode("cp1258", errors="replace")
    if len(text) > max_chars:
        raise Refused(f"Văn bản «{name}» dài quá {_count(max_chars)} ký tự; không đọc.")
    return text


TEXT_READERS = {"docx": docx_text, "pdf": pdf_text, "txt": plain_text}


def document_text(path, *, name: str, kind: str, scan_ok: bool = False) -> str:
    """The text of a plan document of `kind` (docx, pdf, txt); a scanned PDF gives "" when
    the caller reads scans (`scan_ok`)."""
    options = {"scan_ok": scan_ok} if kind == "pdf" else {}
    try:
        return TEXT_READERS[kind](path, name=name, **options)
    except Refused:
        raise
    except Exception as error:  # lxml and pypdf raise many kinds for a damaged file
        raise Refused(f"Không đọc được tệp «{name}»: tệp bị hỏng.") from error


def _plain(value):
    """A cell value as JSON carries it: dates as ISO text (the checker reads text)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return str(value)
    return value


class _Budget:
    """Characters of a sheet read so far, refused per cell and in all."""

    def __init__(self, name: str):
        self.name, self.used = name, 0

    def take(self, number: int, row) -> list:
        cells = [_plain(cell) for cell in row]
        for cell in cells:
            length = len(cell) if isinstance(cell, str) else 16
            if length > MAX_CELL_CHARS:
                raise Refused(f"Tệp «{self.name}», dòng {number}: một ô dài quá "
                              f"{_count(MAX_CELL_CHARS)} ký tự.")  # fmt: skip
            self.used += length
        if self.used > MAX_SHEET_CHARS:
            raise Refused(f"Tệp «{self.name}» có quá nhiều dữ liệu (hơn {_count(MAX_SHEET_CHARS)} "
                          "ký tự); hãy chia nhỏ.")  # fmt: skip
        return cells


def xlsx_rows(path, *, name: str, max_rows: int, max_cols: int, bounds: Bounds = OFFICE):
    """The header and the non-empty data rows (at most `max_rows` + 1, so that the caller
    can say the file is too long) of the workbook's first sheet, `max_cols` cells each."""
    with _workbook(path, name=name, bounds=bounds) as workbook:
        return _sheet_rows(workbook.worksheets[0], _Budget(name), max_rows, max_cols)


def xlsx_sheets(path, *, name: str, sheets: dict, max_rows: int, bounds: Bounds = OFFICE):
    """{sheet: {"header", "rows"}} for each sheet named in `sheets` ({name: max_cols}) that
    the workbook has, found ignoring case and diacritics; one budget of characters and of
    `max_rows` rows (+ 1) for the whole file."""
    from thidua.core.text import fold  # noqa: PLC0415 -- the child process imports little

    wanted = {fold(sheet): sheet for sheet in sheets}
    found, budget, left = {}, _Budget(name), max_rows
    with _workbook(path, name=name, bounds=bounds) as workbook:
        for worksheet in workbook.worksheets:
            sheet = wanted.get(fold(worksheet.title))
            if sheet is None or sheet in found:
                continue
            found[sheet] = _sheet_rows(worksheet, budget, left, sheets[sheet])
            left -= len(found[sheet]["rows"])
            if left < 0:
                break
    return found


@contextmanager
def _workbook(path, *, name: str, bounds: Bounds):
    from openpyxl import load_workbook  # noqa: PLC0415 -- only for XLSX

    with open(path, "rb") as handle:
        check_archive(handle, name=name, bounds=bounds).close()
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise Refused(f"Không đọc được tệp «{name}»: tệp Excel bị hỏng.") from error
        try:
            yield workbook
        finally:
            workbook.close()


def _sheet_rows(worksheet, budget: _Budget, max_rows: int, max_cols: int) -> dict:
    """The header, the non-empty rows and each one's row number in the sheet (blank rows
    are skipped, so that errors name the row the officer sees)."""
    rows = worksheet.iter_rows(values_only=True, max_col=max_cols)
    header, data, numbers = budget.take(1, next(rows, ())), [], []
    for number, row in enumerate(rows, start=2):
        if any(cell not in (None, "") for cell in row):
            data.append(budget.take(number, row))
            numbers.append(number)
            if len(data) > max_rows:
                break
    return {"header": header, "rows": data, "numbers": numbers}
