"""The brief-profile list of delegates (danh sách trích ngang) as officers export it
(documents/reports.py): the birth year under "Nam" or "Nữ" below one "Năm sinh", as the
samples' forms do."""

from thidua.conferences.models import Delegate
from thidua.documents.reports import Column, Report, choice_label

CATEGORY = choice_label(Delegate, "category")


def _year_if(gender: str):
    return lambda d: (d.birth_year or "") if d.gender == gender else ""


def _workplace(delegate) -> str:
    return delegate.workplace or (delegate.origin_unit.name if delegate.origin_unit else "")


BRIEF_PROFILES = Report(
    title="Danh sách trích ngang đại biểu",
    columns=(
        Column("Họ và tên", 45, lambda d: d.full_name, docx_mm=43),
        Column("Nam", 10, _year_if("male"), docx_mm=14, group="Năm sinh"),
        Column("Nữ", 10, _year_if("female"), docx_mm=14, group="Năm sinh"),
        Column("Dân tộc", 18, lambda d: d.ethnicity, docx_mm=17),
        Column("Chức vụ, nghề nghiệp", 40, lambda d: d.position, docx_mm=39),
        Column("Nơi công tác, cư trú", 40, _workplace, docx_mm=39),
        Column("Thành phần", 30, lambda d: CATEGORY(d.category), docx_mm=29),
        Column("Thành tích, mô hình", 50, lambda d: d.achievements[:300], docx_mm=48),
    ),
)
