"""The downloadable Excel template: the data sheet with its header, and a guide sheet that
lists the accepted values, read from the same enums and reference data the checker uses."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from thidua.exemplars.enums import Gender, Occupation, SubjectKind
from thidua.exemplars.models import Field
from thidua.imports.importer import COLUMNS


def template_bytes() -> bytes:
    workbook = Workbook()
    data = workbook.active
    data.title = "Dữ liệu"
    data.append([label for _key, label in COLUMNS])
    for cell in data[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate([12, 14, 30, 10, 10, 10, 22, 14, 22, 40, 30, 40, 9, 9], 1):
        data.column_dimensions[data.cell(row=1, column=index).column_letter].width = width
    guide = workbook.create_sheet("Hướng dẫn")
    for line in _guide_lines():
        guide.append(line)
    guide.column_dimensions["A"].width = 32
    guide.column_dimensions["B"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _labels(enum) -> str:
    return ", ".join(str(label) for label in enum.labels)


def _guide_lines() -> list[list[str]]:
    return [
        ["Cột", "Cách điền"],
        ["Mã đơn vị", "Để trống: đơn vị đang nhập. Hoặc mã đơn vị trực thuộc (ví dụ 11086)."],
        ["Đối tượng", _labels(SubjectKind)],
        ["Giới tính", _labels(Gender)],
        ["Nhóm nghề nghiệp", _labels(Occupation)],
        ["Trực tiếp lao động, sản xuất", "Có hoặc Không"],
        ["Mô hình, cách làm hay", "Để trống nếu chỉ nhập cá nhân, tập thể, chưa đề xuất."],
        ["Lĩnh vực", "; ".join(Field.objects.values_list("name", flat=True))],
        ["Từ năm, Đến năm", "Năm bốn chữ số, ví dụ 2024."],
        ["Ghi chú", "Nhập lại cùng tệp không tạo bản trùng. Có lỗi ở bất kỳ dòng nào thì "
                    "không dòng nào được nhập; sửa theo báo cáo rồi nhập lại."],
    ]  # fmt: skip
