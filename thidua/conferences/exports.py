"""The brief-profile list of delegates (danh sách trích ngang) as DOCX in the state format
(Decree 30/2020/NĐ-CP) and as XLSX, with the birth year under "Nam" or "Nữ" as the
samples' forms do."""

from django.http import Http404

from thidua.documents.docx import DOCX_TYPE, issuer_lines, place_name, table_to_docx
from thidua.documents.response import attachment
from thidua.documents.xlsx import XLSX_TYPE, table_to_xlsx

COLUMNS = [
    ("STT", 10),
    ("Họ và tên", 45),
    ("Nam", 14),
    ("Nữ", 14),
    ("Dân tộc", 18),
    ("Chức vụ, nghề nghiệp", 40),
    ("Nơi công tác, cư trú", 40),
    ("Thành phần", 30),
    ("Thành tích, mô hình", 50),
]


def _rows(delegates):
    for n, d in enumerate(delegates.iterator(chunk_size=500), start=1):
        year = d.birth_year or ""
        yield [
            n,
            d.full_name,
            year if d.gender == "male" else "",
            year if d.gender == "female" else "",
            d.ethnicity,
            d.position,
            d.workplace or (d.origin_unit.name if d.origin_unit else ""),
            d.get_category_display(),
            d.achievements[:300],
        ]


def brief_profiles(conference, delegates, *, fmt: str, upper: bool, today):
    title = "Danh sách trích ngang đại biểu " + (
        "dự hội nghị, đại hội cấp trên" if upper else f"dự {conference.name}"
    )
    name = f"trich-ngang-{conference.pk}{'-cap-tren' if upper else ''}.{fmt}"
    if fmt == "xlsx":
        content = table_to_xlsx(title=title, columns=COLUMNS, rows=_rows(delegates))
        return attachment(content, XLSX_TYPE, name)
    if fmt == "docx":
        widths = [(header, width * 252 // 261) for header, width in COLUMNS]
        content = table_to_docx(
            issuer_lines=issuer_lines(conference.unit),
            today=today,
            place=place_name(conference.unit),
            title=title,
            columns=widths,
            rows=_rows(delegates),
        )
        return attachment(content, DOCX_TYPE, name)
    raise Http404
