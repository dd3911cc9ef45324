"""A `Frame` laid out in Word as Appendix I of Decree 30/2020 places it: the issuer block
top left (the body above in regular type, the issuer in bold, a short rule, «Số: …»), the
motto top right with a rule as long as it, the place and date line in italics, the type and
summary in bold with a short rule, and at the foot «Nơi nhận» left, the signature right.
Every Word document thidua writes starts with `head` and ends with `foot`."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from thidua.core.text import clean_text
from thidua.documents.frame import MOTTO, Frame

FONT = "Times New Roman"
CENTER, JUSTIFY, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY,
                          WD_ALIGN_PARAGRAPH.RIGHT)  # fmt: skip
LEFT_MM, RIGHT_MM = 30, 15  # margins of Appendix I: left 30–35 mm, right 15–20 mm


def new_document(*, landscape: bool = False) -> Document:
    """An empty A4 document with the state format's margins and Times New Roman (14 pt for
    a portrait text, 13 pt for a landscape list)."""
    document = Document()
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    document.styles["Normal"].font.name = FONT
    document.styles["Normal"].font.size = Pt(13 if landscape else 14)
    return document


def text_width_mm(document) -> int:
    return round(document.sections[0].page_width.mm) - LEFT_MM - RIGHT_MM


def run(paragraph, text, *, bold=False, italic=False, size=None):
    added = paragraph.add_run(clean_text(text))
    added.bold, added.italic = bold, italic
    added.font.name = FONT
    if size:
        added.font.size = Pt(size)
    return added


def para(container, text="", *, bold=False, italic=False, align=None, size=None, before=0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    if text:
        run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def rule(container, *, length_mm: float, width_mm: float):
    """A centred solid rule `length_mm` long: the bottom border of an empty paragraph
    indented from both sides of its `width_mm`."""
    paragraph = container.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)  # before spacing and indents, as OOXML orders
    side = Mm(max(0.0, (width_mm - length_mm) / 2))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_after = Pt(0)
    run(paragraph, "", size=4)
    return paragraph


def _two_cells(document, left_share: float):
    width = text_width_mm(document)
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Mm(width * left_share), Mm(width * (1 - left_share))
    table.columns[0].width, table.columns[1].width = left.width, right.width
    left.paragraphs[0].alignment = right.paragraphs[0].alignment = CENTER
    return left, right, width * left_share, width * (1 - left_share)


def head(document, frame: Frame) -> None:
    """The frame's top: issuer and motto blocks, the date line, the type and summary."""
    left, right, left_mm, right_mm = _two_cells(document, 0.42)
    lines = [(frame.parent_body, False), (frame.issuer, True)]
    lines = [(text, bold) for text, bold in lines if text]
    for index, (text, bold) in enumerate(lines):
        paragraph = left.paragraphs[0] if index == 0 else para(left, align=CENTER)
        run(paragraph, text.upper(), bold=bold, size=13)
    rule(left, length_mm=left_mm * 0.4, width_mm=left_mm)
    if frame.number_line:
        para(left, frame.number_line, align=CENTER, size=13, before=4)
    run(right.paragraphs[0], MOTTO[0], bold=True, size=13)
    para(right, MOTTO[1], bold=True, align=CENTER, size=14)
    rule(right, length_mm=min(66, right_mm), width_mm=right_mm)
    para(right, frame.date_line, italic=True, align=CENTER, size=14, before=6)
    para(document, frame.kind, bold=True, align=CENTER, size=14, before=12)
    if frame.summary:
        para(document, frame.summary, bold=True, align=CENTER, size=14)
    rule(document, length_mm=35, width_mm=text_width_mm(document))


def foot(document, frame: Frame) -> None:
    """«Nơi nhận» left (12 pt bold italic, the list in 11 pt), the signature block right."""
    left, right, _l, _r = _two_cells(document, 0.5)
    left.paragraphs[0].alignment = None
    run(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12)
    for line in frame.recipient_lines():
        para(left, line, size=11)
    lines = frame.signature.lines() or [""]
    run(right.paragraphs[0], lines[0], bold=True, size=14)
    for line in lines[1:]:
        para(right, line, bold=True, align=CENTER, size=14)
    for _ in range(3):
        para(right, align=CENTER)
    para(right, frame.signature.name, bold=True, align=CENTER, size=14)


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
