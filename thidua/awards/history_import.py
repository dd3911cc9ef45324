"""Importing subjects' history from Excel (the five years before thidua): awards,
initiatives, yearly ratings, discipline and who belonged to which collective, one sheet
each, registered as an import kind (thidua.imports.kinds) so that it runs as a job with
progress, all or nothing.

A row names a subject that exists already (the subjects template creates them): by unit
code, or the importing unit and the units below it; by name ignoring diacritics; and by
birth year where two share a name. Cells are read by the model's own fields (a choice by
its label ignoring diacritics, a date as dd/mm/yyyy) and the row is validated by the model,
so the file obeys the same rules as the forms. Importing the same file again adds nothing;
a different rating for the same year corrects the one recorded."""

import datetime
import io
import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards import history
from thidua.awards.models import (
    Award,
    AwardRecord,
    Discipline,
    Initiative,
    Membership,
    Source,
    TaskRating,
)
from thidua.core.text import fold
from thidua.exemplars.enums import SubjectKind
from thidua.exemplars.models import Subject
from thidua.imports.cells import choice
from thidua.imports.importer import _text as cell_text
from thidua.imports.kinds import Checked, ImportKind, register
from thidua.tallies.services import batched
from thidua.units.models import Unit
from thidua.units.scope import has_role

WHO = [("unit_code", "Mã đơn vị"), ("name", "Họ và tên / Tên tập thể"),
       ("birth_year", "Năm sinh")]  # fmt: skip
SHEETS = {
    "Khen thưởng": [*WHO, ("year", "Năm"), ("title", "Danh hiệu, hình thức"),
                    ("commendation_type", "Loại hình"), ("decision_number", "Số quyết định"),
                    ("decision_date", "Ngày quyết định"), ("issuer", "Cấp quyết định")],
    "Sáng kiến": [*WHO, ("title", "Tên sáng kiến"), ("recognised_by", "Cơ quan công nhận"),
                  ("scope", "Phạm vi"), ("recognised_on", "Ngày công nhận"),
                  ("decision_number", "Số quyết định")],
    "Xếp loại": [*WHO, ("year", "Năm"), ("rating", "Xếp loại")],
    "Kỷ luật": [*WHO, ("sanction", "Hình thức kỷ luật"), ("starts_on", "Từ ngày"),
                ("ends_on", "Đến ngày"), ("decision_number", "Số quyết định"),
                ("note", "Ghi chú")],
    "Thành viên": [("unit_code", "Mã đơn vị"), ("name", "Tên tập thể"),
                   ("member", "Họ và tên thành viên"), ("member_birth_year", "Năm sinh thành viên"),
                   ("year", "Năm")],
}  # fmt: skip
MODELS = {"Khen thưởng": AwardRecord, "Sáng kiến": Initiative, "Xếp loại": TaskRating,
          "Kỷ luật": Discipline, "Thành viên": Membership}  # fmt: skip
PROGRESS_EVERY = 200
FIRST = "mẫu «cá nhân, tập thể và điển hình»"


@dataclass
class Row:
    sheet: str
    instance: models.Model


DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _date(text: str) -> datetime.date:
    """dd/mm/yyyy as officers type it (also d-m-yyyy, d.m.yyyy), or a date cell's ISO text."""
    try:
        if match := DAY.fullmatch(text):
            day, month, year = map(int, match.groups())
            return datetime.date(year, month, day)
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        raise ValidationError(
            f"«{text}» không phải ngày hợp lệ; ghi theo dạng ngày/tháng/năm."
        ) from None


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 1945 <= int(text) <= 2100):
        raise ValidationError(f"«{text}» không phải năm hợp lệ (1945–2100).")
    return int(text)


def _cell(model, key: str, text: str):
    """The cell as the value of the model's field `key` (ValidationError in Vietnamese)."""
    field = model._meta.get_field(key)
    if not text:
        return None if field.null else ""
    if field.choices:
        return choice(field, text)
    if isinstance(field, models.DateField):
        return _date(text)
    if isinstance(field, models.IntegerField):
        return _year(text)
    return text


class Subjects:
    """The subjects the file names, loaded once: {folded name: [subject]} under the job's
    unit, with the unit codes of that subtree."""

    def __init__(self, unit: Unit, names: set[str]):
        self.root = unit
        units = Unit.objects.filter(path__startswith=unit.path).exclude(code="")
        self.units = {u.code: u for u in units.only("pk", "code", "path", "name")}
        self.by_name = defaultdict(list)
        names = sorted(names)
        for start in range(0, len(names), 500):
            found = Subject.objects.filter(
                unit__path__startswith=unit.path, search_name__in=names[start : start + 500]
            ).select_related("unit")
            for subject in found:
                self.by_name[subject.search_name].append(subject)

    def unit(self, code: str) -> Unit:
        if not code:
            return self.root
        if code not in self.units:
            raise ValidationError(f"Không có đơn vị mã {code} trong đơn vị đang nhập.")
        return self.units[code]

    def find(self, unit: Unit, name: str, birth_year: int | None, kind: str = "") -> Subject:
        if not name:
            raise ValidationError("Chưa điền tên.")
        found = [s for s in self.by_name.get(fold(name)[:255], [])
                 if s.unit.path.startswith(unit.path) and (not kind or s.kind == kind)
                 and (birth_year is None or s.birth_year == birth_year)]  # fmt: skip
        if not found:
            raise ValidationError(f"Không có «{name}» trong {unit.name}; hãy nhập cá nhân, "
                                  f"tập thể trước bằng {FIRST}.")  # fmt: skip
        if len(found) > 1:
            raise ValidationError(f"Có {len(found)} đối tượng tên «{name}» trong {unit.name}; "
                                  "ghi năm sinh hoặc mã đơn vị để phân biệt.")  # fmt: skip
        return found[0]


class Checker:
    """Checks one sheet's rows, each against the model of its sheet."""

    def __init__(self, subjects: Subjects, result: Checked):
        self.subjects, self.result = subjects, result
        self.awards = {fold(award.name): award for award in Award.objects.all()}
        self.rated: dict[tuple, int] = {}  # (subject, year) → the row that rated it

    def check(self, sheet: str, number: int, cells: tuple) -> None:
        columns = SHEETS[sheet]
        values = {key: cell_text(cells[i] if i < len(cells) else None)
                  for i, (key, _header) in enumerate(columns)}  # fmt: skip
        headers, before = dict(columns), len(self.result.errors)
        try:
            instance = self._instance(MODELS[sheet], values, headers)
        except ValidationError as error:
            self._report(sheet, number, headers, error)
            return
        if isinstance(instance, TaskRating):
            first = self.rated.setdefault((instance.subject_id, instance.year), number)
            if first != number:
                self.result.error(sheet, number, headers["year"], f"Trùng năm {instance.year} "
                                  f"của cùng đối tượng với dòng {first}.")  # fmt: skip
        if len(self.result.errors) == before:
            self.result.rows.append(Row(sheet=sheet, instance=instance))

    def _owners(self, model, values: dict, problems: dict) -> dict:
        """The subject (or collective and member) the row names; problems by column."""

        def attempt(key, read):
            try:
                return read()
            except ValidationError as error:
                problems[key] = error.messages
                return None

        unit = attempt("unit_code", lambda: self.subjects.unit(values["unit_code"]))
        years = {key: attempt(key, lambda key=key: _year(values[key]) if values[key] else None)
                 for key in ("birth_year", "member_birth_year") if key in values}  # fmt: skip
        if unit is None or problems:
            return {}
        if model is not Membership:
            found = attempt("name", lambda: self.subjects.find(unit, values["name"],
                                                               years["birth_year"]))  # fmt: skip
            return {"subject": found}
        find = self.subjects.find
        return {"collective": attempt("name", lambda: find(unit, values["name"], None,
                                                           SubjectKind.COLLECTIVE)),
                "member": attempt("member", lambda: find(unit, values["member"],
                                                         years["member_birth_year"],
                                                         SubjectKind.INDIVIDUAL))}  # fmt: skip

    def _instance(self, model, values, headers):
        problems = {}
        owners = self._owners(model, values, problems) or {
            key: None for key in ("collective", "member", "subject") if hasattr(model, key)
        }  # fmt: skip
        fields = {}
        for key in headers:
            if key in ("unit_code", "name", "birth_year", "member", "member_birth_year"):
                continue
            try:
                fields[key] = _cell(model, key, values[key])
            except ValidationError as error:
                problems[key] = error.messages
        instance = model(**{k: v for k, v in owners.items() if v is not None}, **fields)
        try:  # the model's own rules on the cells that could be read, reported with the rest
            self._complete(instance)
            instance.full_clean(exclude=[*owners, *problems, "unit"], validate_unique=False)
        except ValidationError as error:
            problems = {**error.update_error_dict({}), **problems}
        if problems:
            raise ValidationError(problems)
        return instance

    def _complete(self, instance) -> None:
        """What the sheet does not carry: the source, the catalogue's award by its name, and
        a discipline period that ends before it starts refused on its end column."""
        if not isinstance(instance, Membership):
            instance.source = Source.IMPORTED
        if isinstance(instance, AwardRecord):
            instance.award = self.awards.get(fold(instance.title))
            instance.commendation_type = instance.commendation_type or "merit"
        if (
            isinstance(instance, Discipline)
            and instance.starts_on
            and instance.ends_on
            and (instance.ends_on < instance.starts_on)
        ):
            raise ValidationError({"ends_on": "Đến ngày phải từ ngày bắt đầu trở đi."})

    def _report(self, sheet, number, headers, error: ValidationError) -> None:
        problems = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for key, messages in problems.items():
            for message in messages:
                self.result.error(sheet, number, headers.get(key, ""), message)


def check(job, sheets: dict[str, list[tuple[int, tuple]]], tick) -> Checked:
    """Every row of every sheet ((row number, cells) each) checked, progress reported every
    PROGRESS_EVERY rows."""
    names = {fold(cell_text(row[i]))[:255] for sheet, rows in sheets.items() for _n, row in rows
             for i, (key, _h) in enumerate(SHEETS[sheet])
             if key in ("name", "member") and i < len(row)}  # fmt: skip
    result = Checked()
    if not has_role(job.user, job.unit.path, Role.OFFICER):  # a role revoked before a retry
        result.error("", 0, "", f"Bạn không còn là cán bộ của {job.unit.name}; không nhập.")
        return result
    checker, done = Checker(Subjects(job.unit, names), result), 0
    for sheet, rows in sheets.items():
        for number, cells in rows:
            checker.check(sheet, number, cells)
            done += 1
            if done % PROGRESS_EVERY == 0:
                tick(done)
    tick(done)
    return result


def _exists(instance) -> bool:
    """The row is in the history already (how a second import of the file adds nothing)."""
    if isinstance(instance, AwardRecord):
        return AwardRecord.objects.filter(
            subject=instance.subject, title=instance.title, year=instance.year,
            decision_number=instance.decision_number,
        ).exists()  # fmt: skip
    if isinstance(instance, Initiative):
        return Initiative.objects.filter(subject=instance.subject, title=instance.title,
                                         recognised_on=instance.recognised_on).exists()  # fmt: skip
    if isinstance(instance, Discipline):
        return Discipline.objects.filter(subject=instance.subject, sanction=instance.sanction,
                                         starts_on=instance.starts_on).exists()  # fmt: skip
    if isinstance(instance, TaskRating):
        return TaskRating.objects.filter(subject=instance.subject, year=instance.year,
                                         rating=instance.rating).exists()  # fmt: skip
    return Membership.objects.filter(collective=instance.collective, member=instance.member,
                                     year=instance.year).exists()  # fmt: skip


def _save(actor, instance) -> None:
    if isinstance(instance, AwardRecord):
        history.record_award(actor=actor, record=instance)
    elif isinstance(instance, Initiative):
        history.record_initiative(actor=actor, initiative=instance)
    elif isinstance(instance, Discipline):
        history.record_discipline(actor=actor, discipline=instance)
    elif isinstance(instance, TaskRating):
        history.rate_year(actor=actor, subject=instance.subject, year=instance.year,
                          rating=instance.rating, source=Source.IMPORTED)  # fmt: skip
    else:
        history.add_member(actor=actor, collective=instance.collective, member=instance.member,
                           year=instance.year)  # fmt: skip


LABELS = {"Khen thưởng": "khen thưởng", "Sáng kiến": "sáng kiến", "Xếp loại": "xếp loại năm",
          "Kỷ luật": "kỷ luật", "Thành viên": "thành viên tập thể theo năm"}  # fmt: skip


@transaction.atomic
def write(*, actor, rows: list[Row]) -> list[tuple[str, int]]:
    """Write what the history lacks, through the history services (each row audited);
    a row already there (or twice in the file) is skipped."""
    added, skipped = dict.fromkeys(LABELS.values(), 0), 0
    with batched():  # the dashboards' tallies written once, at the end
        for row in rows:
            if _exists(row.instance):
                skipped += 1
                continue
            _save(actor, row.instance)
            added[LABELS[row.sheet]] += 1
    return [(label, count) for label, count in added.items() if count] + (
        [("dòng đã có sẵn nên bỏ qua", skipped)] if skipped else [])  # fmt: skip


def template_bytes() -> bytes:
    """The workbook officers fill: a sheet per kind of row, and a guide sheet listing the
    accepted values, read from the same fields and catalogue the checker uses."""
    from openpyxl import Workbook  # noqa: PLC0415 -- only for the download
    from openpyxl.styles import Font  # noqa: PLC0415

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet, columns in SHEETS.items():
        data = workbook.create_sheet(sheet)
        data.append([header for _key, header in columns])
        for index, cell in enumerate(data[1], 1):
            cell.font = Font(bold=True)
            data.column_dimensions[cell.column_letter].width = 12 if index in (1, 3) else 26
    guide = workbook.create_sheet("Hướng dẫn")
    for line in _guide_lines():
        guide.append(line)
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 28, 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _labels(model, key: str) -> str:
    return ", ".join(str(label) for _value, label in model._meta.get_field(key).choices)


def _guide_lines() -> list[list[str]]:
    awards = "; ".join(Award.objects.values_list("name", flat=True))
    return [
        ["Cột", "Cách điền"],
        ["Mã đơn vị", "Để trống: đơn vị đang nhập và các đơn vị trực thuộc. Hoặc mã đơn vị."],
        ["Họ và tên / Tên tập thể", "Đúng tên đã có trong thidua (không phân biệt dấu, hoa "
                                    "thường); ghi năm sinh khi hai người trùng tên."],
        ["Danh hiệu, hình thức", f"Tên theo quyết định. Tên trùng danh mục được tính khi xét "
                                 f"điều kiện: {awards}"],
        ["Loại hình", _labels(AwardRecord, "commendation_type") + " (để trống: theo công trạng)"],
        ["Phạm vi", _labels(Initiative, "scope")],
        ["Xếp loại", _labels(TaskRating, "rating")],
        ["Hình thức kỷ luật", _labels(Discipline, "sanction")],
        ["Ngày", "Ngày/tháng/năm, ví dụ 15/01/2024."],
        ["Ghi chú", "Nhập lại cùng tệp không tạo bản trùng; xếp loại khác của cùng năm thì "
                    "sửa xếp loại đã có. Có lỗi ở bất kỳ dòng nào thì không dòng nào được nhập."],
    ]  # fmt: skip


register(
    ImportKind(
        code="history",
        slug="lich-su-khen-thuong",
        heading="lịch sử khen thưởng",
        steps="Mỗi dòng ghi cho một cá nhân, tập thể đã có trong đơn vị: khen thưởng, sáng "
        "kiến, xếp loại hằng năm, kỷ luật, thành viên tập thể theo năm.",
        sheets=SHEETS,
        template=template_bytes,
        check=check,
        write=write,
        after_label="Xem ai đủ điều kiện",
        after=lambda job: reverse("awards:eligible") + f"?don_vi={job.unit_id}",
    )  # fmt: skip
)
