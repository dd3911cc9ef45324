"""The text of an uploaded plan: Word (.docx), PDF with a text layer, or plain text as OCR
tools write it. A scanned PDF has no text to read; the officer is told to OCR it first."""

import io

from django.core.exceptions import ValidationError

from thidua.documents.uploads import extension_of

# A PDF whose pages give fewer letters than this is a scan without a text layer.
MIN_PDF_LETTERS = 40


def _docx_text(content: bytes) -> str:
    from docx import Document  # noqa: PLC0415 -- only for DOCX

    document = Document(io.BytesIO(content))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines += [" ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def _pdf_text(name: str, content: bytes) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 -- only for PDF

    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
    if sum(char.isalpha() for char in text) < MIN_PDF_LETTERS:
        raise ValidationError(
            {"file": f"«{name}» là bản quét, không có lớp văn bản. Hãy nhận dạng chữ (OCR) "
             "rồi tải lên tệp .txt hoặc .docx."}
        )  # fmt: skip
    return text


def _plain_text(content: bytes) -> str:
    text = content.decode("utf-8-sig", errors="replace")
    # OCR output may carry a few broken bytes; a file mostly undecodable as UTF-8 was
    # saved by an old Windows program in the Vietnamese code page.
    if text.count("\ufffd") > len(text) / 100:
        return content.decode("cp1258", errors="replace")
    return text


def read_document(name: str, content: bytes) -> str:
    """The text of a plan document, or ValidationError on the "file" field when it cannot
    be read (damaged, or a scan)."""
    extension = extension_of(name)
    try:
        if extension == "docx":
            return _docx_text(content)
        if extension == "pdf":
            return _pdf_text(name, content)
    except ValidationError:
        raise
    except Exception as error:  # python-docx and pypdf raise many kinds for a damaged file
        raise ValidationError({"file": f"Không đọc được tệp «{name}»."}) from error
    return _plain_text(content)
