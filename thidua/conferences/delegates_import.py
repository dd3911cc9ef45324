"""Importing a conference's delegates from Excel, registered as an import kind (thidua.
imports.kinds) that imports into one conference: it runs as a job with progress, all or
nothing, errors by row and column.

Each row is one person: the name and the category («thành phần») are required; the rest is
read by the delegate model's own fields (a choice by its label, ignoring diacritics; a
year; «x» or «có» for yes) and the delegate is validated by the model, so the file obeys
the same rules as the form. A person already on the list (same name ignoring diacritics,
same birth year) is not added again: importing the same file twice adds nothing."""

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.conferences import delegates as services
from thidua.conferences import selectors
from thidua.conferences.models import Conference, Delegate
from thidua.core.text import fold
from thidua.imports.cells import choice
from thidua.imports.importer import _text as cell_text
from thidua.imports.kinds import Checked, ImportKind, register
from thidua.units.models import Unit
from thidua.units.scope import has_role

SHEET = "Đại biểu"
COLUMNS = [
    ("full_name", "Họ và tên"), ("category", "Thành phần"), ("gender", "Giới tính"),
    ("birth_year", "Năm sinh"), ("ethnicity", "Dân tộc"), ("position", "Chức vụ, nghề nghiệp"),
    ("workplace", "Nơi công tác, cư trú"), ("unit_code", "Mã đơn vị"),
    ("is_direct_labourer", "Trực tiếp lao động"), ("is_presidium", "Đoàn Chủ tịch"),
    ("to_upper", "Dự cấp trên"), ("achievements", "Thành tích tóm tắt"),
]  # fmt: skip
HEADERS = dict(COLUMNS)
YES, NO = {"x", "co", "1", "dung"}, {"", "khong", "0"}
PROGRESS_EVERY = 200


def _flag(text: str) -> bool:
    folded = fold(text)
    if folded in YES | NO:
        return folded in YES
    raise ValidationError(f"«{text}» không hợp lệ; ghi «x» (hoặc «có») hay để trống.")


def _choice(key: str, text: str) -> str:
    return choice(Delegate._meta.get_field(key), text)


def _year(text: str) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100):
        raise ValidationError(f"«{text}» không phải năm sinh hợp lệ.")
    return int(text)


def _value(key: str, text: str, units: dict[str, Unit]):
    if key in ("category", "gender"):
        return _choice(key, text) if text or key == "category" else ""
    if key == "birth_year":
        return _year(text)
    if key in ("is_direct_labourer", "is_presidium", "to_upper"):
        return _flag(text)
    if key == "unit_code":
        if text and text not in units:
            raise ValidationError(f"Không có đơn vị mã {text} trong đơn vị tổ chức hội nghị.")
        return units.get(text)
    return text


class Checker:
    """The rows of one file, against one conference: each made into a delegate as the form
    would, the model's rules applied, duplicates found."""

    def __init__(self, conference: Conference, result: Checked):
        self.conference, self.result = conference, result
        paths = services._local_paths(conference)
        units = Unit.objects.filter(path__startswith=paths[0]).exclude(code="")
        for path in paths[1:]:
            units = units | Unit.objects.filter(path__startswith=path).exclude(code="")
        self.units = {u.code: u for u in units.only("pk", "code", "path", "name")}
        listed = conference.delegates.values_list("search_name", "birth_year")
        self.listed = set(listed)
        self.seen: dict[tuple, int] = {}

    def check(self, number: int, cells: tuple) -> None:
        values = {key: cell_text(cells[i] if i < len(cells) else None)
                  for i, (key, _header) in enumerate(COLUMNS)}  # fmt: skip
        problems, fields = {}, {}
        for key, _header in COLUMNS:
            try:
                fields[key] = _value(key, values[key], self.units)
            except ValidationError as error:
                problems[key] = error.messages
        fields["origin_unit"] = fields.pop("unit_code", None) or self.conference.unit
        delegate = self._delegate(fields, problems)
        for key, messages in problems.items():
            for message in messages:
                self.result.error(SHEET, number, HEADERS.get(key, ""), message)
        if not problems:
            self._once(number, delegate)

    def _delegate(self, fields: dict, problems: dict) -> Delegate | None:
        good = {key: value for key, value in fields.items() if key not in problems}
        try:
            delegate = services._filled(self.conference, None, None, good)
            delegate.full_clean(exclude=["conference", *problems], validate_unique=False)
        except ValidationError as error:
            found = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for key, messages in found.items():
                problems.setdefault(key if key in HEADERS else "", []).extend(messages)
            return None
        return delegate

    def _once(self, number: int, delegate: Delegate) -> None:
        key = (delegate.search_name, delegate.birth_year)
        if key in self.seen:
            self.result.error(SHEET, number, HEADERS["full_name"],
                              f"Trùng người với dòng {self.seen[key]}.")  # fmt: skip
            return
        self.seen[key] = number
        if key not in self.listed:  # already on the list: imported before, skipped
            self.result.rows.append(delegate)


def check(job, sheets: dict[str, list[tuple[int, tuple]]], tick) -> Checked:
    """Every row of the sheet checked against the job's conference, as its officer."""
    result = Checked()
    conference = Conference.objects.select_related("unit").filter(pk=job.target).first()
    if conference is None or not has_role(job.user, conference.unit.path, Role.OFFICER):
        result.error("", 0, "", "Bạn không còn là cán bộ của đơn vị tổ chức hội nghị.")
        return result
    if conference.status in services.CLOSED:
        result.error("", 0, "", "Hội nghị đã tổ chức; danh sách đại biểu không đổi được nữa.")
        return result
    checker = Checker(conference, result)
    for done, (number, cells) in enumerate(sheets.get(SHEET, []), start=1):
        checker.check(number, cells)
        if done % PROGRESS_EVERY == 0:
            tick(done)
    tick(len(sheets.get(SHEET, [])))
    return result


@transaction.atomic
def write(*, actor, rows: list[Delegate]) -> list[tuple[str, int]]:
    """Add the new delegates in one statement, each audited (services._recorded)."""
    if not rows:
        return [("đại biểu đã có trong danh sách nên bỏ qua", 0)]
    conference = services._open(rows[0].conference)
    Delegate.objects.bulk_create(rows)
    services._recorded(actor, conference, rows)
    return [("đại biểu", len(rows))]


def template_bytes() -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 -- only for the download
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    workbook = Workbook()
    data = workbook.active
    data.title = SHEET
    data.append([header for _key, header in COLUMNS])
    for index, cell in enumerate(data[1], 1):
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        data.column_dimensions[cell.column_letter].width = 28 if index in (1, 6, 7, 12) else 14
    guide = workbook.create_sheet("Hướng dẫn")
    for line in _guide_lines():
        guide.append(line)
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 24, 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _labels(key: str) -> str:
    return ", ".join(str(label) for _value, label in Delegate._meta.get_field(key).choices)


def _guide_lines() -> list[list[str]]:
    return [
        ["Cột", "Cách điền"],
        ["Họ và tên", "Bắt buộc."],
        ["Thành phần", f"Bắt buộc: {_labels('category')}."],
        ["Giới tính", f"{_labels('gender')} (hoặc để trống)."],
        ["Năm sinh", "Bốn chữ số, ví dụ 1978."],
        ["Mã đơn vị", "Để trống: đơn vị tổ chức hội nghị. Hoặc mã của đơn vị trực thuộc "
                      "(với xã mới sáp nhập: cả mã của xã cũ)."],
        ["Trực tiếp lao động, Đoàn Chủ tịch, Dự cấp trên", "«x» hoặc «có»; để trống là không."],
        ["Ghi chú", "Người đã có trong danh sách (cùng tên, cùng năm sinh) không được thêm lần "
                    "nữa. Có lỗi ở bất kỳ dòng nào thì không dòng nào được nhập."],
    ]  # fmt: skip


register(
    ImportKind(
        code="delegates",
        slug="dai-bieu",
        heading="đại biểu hội nghị",
        steps="Mỗi dòng là một đại biểu: họ và tên, thành phần, và những gì biết về người đó.",
        sheets={SHEET: COLUMNS},
        template=template_bytes,
        check=check,
        write=write,
        max_rows=2000,
        after_label="Xem danh sách đại biểu",
        after=lambda job: reverse("conferences:delegates", args=[job.target]),
        target=selectors.own_conference_for,  # the user's own conference, or 404
    )  # fmt: skip
)
