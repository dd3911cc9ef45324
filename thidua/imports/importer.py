"""Importing subjects and exemplars from the Excel template.

All or nothing: every row is checked first and each problem is reported with its row and
column in Vietnamese; only a file without a single error is written, in one transaction.
Importing the same file again adds nothing: a subject is the same when unit, name (ignoring
diacritics) and birth year agree; an exemplar when subject, title and first year agree.
"""

from dataclasses import dataclass, field

from django.db import transaction

from thidua.core.text import clean_text, fold
from thidua.exemplars import services
from thidua.exemplars.enums import Gender, Occupation, SubjectKind
from thidua.exemplars.models import Exemplar, Field, Subject
from thidua.tallies.services import batched

# (key, header) in template order. Headers are matched ignoring case and diacritics.
COLUMNS = [
    ("unit_code", "Mã đơn vị"),
    ("kind", "Đối tượng"),
    ("name", "Họ và tên / Tên tập thể"),
    ("gender", "Giới tính"),
    ("birth_year", "Năm sinh"),
    ("ethnicity", "Dân tộc"),
    ("occupation", "Nhóm nghề nghiệp"),
    ("direct", "Trực tiếp lao động, sản xuất"),
    ("position", "Chức vụ"),
    ("title", "Mô hình, cách làm hay"),
    ("field", "Lĩnh vực"),
    ("achievements", "Thành tích"),
    ("year_from", "Từ năm"),
    ("year_to", "Đến năm"),
]
HEADERS = dict(COLUMNS)
MAX_ROWS = 20_000
MAX_ERRORS = 500
YES, NO = {"co", "x", "1", "yes"}, {"khong", "", "0", "no"}


def _choices(enum) -> tuple[dict[str, str], str]:
    """{folded label: value} of an enum, and its labels for messages."""
    return {fold(str(label)): value for value, label in enum.choices}, ", ".join(
        str(label) for label in enum.labels
    )


@dataclass
class Row:
    number: int
    unit: object
    subject: dict
    exemplar: dict | None


@dataclass
class Checked:
    rows: list[Row] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def error(self, number: int, key: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append({"row": number, "column": HEADERS.get(key, ""), "message": message})


def check_header(header: list[str]) -> list[dict]:
    expected = [fold(label) for _key, label in COLUMNS]
    if header[: len(expected)] == expected:
        return []
    return [{"row": 1, "column": "", "message": "Dòng tiêu đề không đúng mẫu; hãy tải mẫu mới và "
             "chép dữ liệu vào đúng cột."}]  # fmt: skip


class RowChecker:
    """Checks rows against the reference data, loaded once for the whole file."""

    def __init__(self, *, default_unit, units_by_code: dict):
        self.default_unit = default_unit
        self.units_by_code = units_by_code
        self.fields = {fold(f.name): f for f in Field.objects.all()}
        self.kinds = _choices(SubjectKind)
        self.genders = _choices(Gender)
        self.occupations = _choices(Occupation)

    def check(self, number: int, cells: tuple, result: Checked) -> None:
        values = {
            key: _text(cells[i] if i < len(cells) else None) for i, (key, _) in enumerate(COLUMNS)
        }
        before = len(result.errors)
        unit = self._unit(number, values["unit_code"], result)
        subject = self._subject(number, values, result)
        exemplar = self._exemplar(number, values, result) if values["title"] else None
        if len(result.errors) == before:
            result.rows.append(Row(number=number, unit=unit, subject=subject, exemplar=exemplar))

    def _unit(self, number, code, result):
        if not code:
            return self.default_unit
        unit = self.units_by_code.get(code)
        if unit is None:
            result.error(number, "unit_code", f"Không có đơn vị mã {code} trong phạm vi của bạn.")
        return unit

    def _subject(self, number, values, result) -> dict:
        kind = self._choice(number, "kind", values["kind"], self.kinds, result, required=True)
        for key, limit in (("ethnicity", 60), ("position", 255), ("title", 255)):
            if len(values[key]) > limit:
                result.error(number, key, f"Dài quá {limit} ký tự.")
        subject = {"kind": kind, "name": values["name"], "ethnicity": values["ethnicity"],
                   "position": values["position"]}  # fmt: skip
        if not values["name"]:
            result.error(number, "name", "Thiếu họ và tên / tên tập thể.")
        elif len(values["name"]) > 255:
            result.error(number, "name", "Tên dài quá 255 ký tự.")
        subject["gender"] = self._choice(number, "gender", values["gender"], self.genders, result)
        subject["occupation"] = self._choice(
            number, "occupation", values["occupation"], self.occupations, result
        )
        subject["birth_year"] = self._year(number, "birth_year", values["birth_year"], result)
        direct = fold(values["direct"])
        if direct not in YES | NO:
            result.error(number, "direct", "Ghi «Có» hoặc «Không».")
        subject["is_direct_labourer"] = direct in YES
        return subject

    def _exemplar(self, number, values, result) -> dict:
        field_ = self.fields.get(fold(values["field"]))
        if field_ is None:
            result.error(number, "field", f"Lĩnh vực «{values['field']}» không có trong danh mục.")
        year_from = self._year(number, "year_from", values["year_from"], result, required=True)
        year_to = self._year(number, "year_to", values["year_to"], result)
        if year_from and year_to and year_to < year_from:
            result.error(number, "year_to", "Đến năm phải từ năm bắt đầu trở đi.")
        return {"title": values["title"], "field": field_, "year_from": year_from,
                "year_to": year_to, "achievements": values["achievements"]}  # fmt: skip

    def _choice(self, number, key, text, choices, result, *, required=False) -> str:
        if not text:
            if required:
                result.error(number, key, "Chưa điền.")
            return ""
        mapping, allowed = choices
        value = mapping.get(fold(text))
        if value is None:
            result.error(number, key, f"«{text}» không hợp lệ; chọn một trong: {allowed}.")
            return ""
        return value

    def _year(self, number, key, text, result, required=False) -> int | None:
        if not text:
            if required:
                result.error(number, key, "Chưa điền năm.")
            return None
        if not (text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100):
            result.error(number, key, f"«{text}» không phải năm hợp lệ (1900–2100).")
            return None
        return int(text)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(clean_text(str(value)).split())


@transaction.atomic
def write_rows(*, actor, rows: list[Row]) -> tuple[int, int, int]:
    """Create what is missing; returns (subjects created, exemplars created, rows skipped)."""
    counts = [0, 0, 0]
    with batched():  # the dashboards' tallies written once, at the end
        _write(actor, rows, counts)
    return counts[0], counts[1], counts[2]


def _write(actor, rows, counts) -> None:
    """counts: [subjects created, exemplars created, rows skipped], added to in place."""
    subjects: dict[tuple, Subject] = {}
    for row in rows:
        key = (row.unit.pk, fold(row.subject["name"]), row.subject["birth_year"])
        subject = (
            subjects.get(key)
            or Subject.objects.filter(unit=row.unit, search_name=key[1], birth_year=key[2]).first()
        )
        if subject is None:
            subject = services.create_subject(actor=actor, unit=row.unit, **row.subject)
            counts[0] += 1
        subjects[key] = subject
        if row.exemplar is None or _exemplar_exists(subject, row.exemplar):
            counts[2] += row.exemplar is not None
            continue
        services.create_exemplar(actor=actor, subject=subject, **row.exemplar)
        counts[1] += 1


def _exemplar_exists(subject, exemplar: dict) -> bool:
    search = fold(f"{subject.name} {exemplar['title']}")[:600]
    return Exemplar.objects.filter(
        subject=subject, search_text=search, year_from=exemplar["year_from"]
    ).exists()
