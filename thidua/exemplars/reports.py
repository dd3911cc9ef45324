"""The exemplar and subject lists as officers export them (documents/reports.py)."""

from thidua.documents.reports import Column, Report

EXEMPLARS = Report(
    title="Danh sách điển hình tiên tiến",
    filename="dien-hinh-tien-tien",
    columns=(
        Column("Đối tượng", 28, lambda e: e.subject.name, docx_mm=45),
        Column("Loại", 12, lambda e: e.subject.get_kind_display(), docx_mm=20),
        Column("Mô hình, cách làm hay", 40, lambda e: e.title, docx_mm=65),
        Column("Lĩnh vực", 24, lambda e: e.field.name, docx_mm=35),
        Column("Đơn vị", 24, lambda e: e.unit.name, docx_mm=35),
        Column("Từ năm", 8, lambda e: e.year_from, docx_mm=15),
        Column("Giai đoạn", 16, lambda e: e.get_stage_display(), docx_mm=25),
    ),
)

SUBJECTS = Report(
    title="Danh sách cá nhân, tập thể, hộ gia đình",
    filename="ca-nhan-tap-the",
    columns=(
        Column("Tên", 30, lambda s: s.name),
        Column("Đối tượng", 12, lambda s: s.get_kind_display()),
        Column("Giới tính", 9, lambda s: s.get_gender_display()),
        Column("Năm sinh", 9, lambda s: s.birth_year),
        Column("Dân tộc", 10, lambda s: s.ethnicity),
        Column("Nghề nghiệp", 22, lambda s: s.get_occupation_display()),
        Column("Đơn vị", 26, lambda s: s.unit.name),
    ),
)
