"""The exemplar and subject lists as officers export them (documents/reports.py), and their
sources: the same lists, with the same filters, for a page or an export job."""

from django.db.models import QuerySet

from thidua.core.pagination import bounded_count, rows_of
from thidua.documents.reports import Column, Report, Table, choice_label, source
from thidua.exemplars import forms, selectors
from thidua.exemplars.enums import SubjectKind
from thidua.exemplars.models import Exemplar, Subject
from thidua.movements.selectors import visible_movements
from thidua.units.selectors import get_unit_for, scope_root_units

KIND, GENDER = choice_label(Subject, "kind"), choice_label(Subject, "gender")
OCCUPATION, STAGE = choice_label(Subject, "occupation"), choice_label(Exemplar, "stage")

EXEMPLARS = Report(
    title="Danh sách điển hình tiên tiến",
    columns=(
        Column("Đối tượng", 28, lambda e: e.subject.name, docx_mm=45),
        Column("Loại", 12, lambda e: KIND(e.subject.kind), docx_mm=20),
        Column("Mô hình, cách làm hay", 40, lambda e: e.title, docx_mm=65),
        Column("Lĩnh vực", 24, lambda e: e.field.name, docx_mm=35),
        Column("Đơn vị", 24, lambda e: e.unit.name, docx_mm=35),
        Column("Từ năm", 8, lambda e: e.year_from, docx_mm=15),
        Column("Giai đoạn", 16, lambda e: STAGE(e.stage), docx_mm=25),
    ),
)

SUBJECTS = Report(
    title="Danh sách cá nhân, tập thể, hộ gia đình",
    columns=(
        Column("Tên", 30, lambda s: s.name),
        Column("Đối tượng", 12, lambda s: KIND(s.kind)),
        Column("Giới tính", 9, lambda s: GENDER(s.gender)),
        Column("Năm sinh", 9, lambda s: s.birth_year),
        Column("Dân tộc", 10, lambda s: s.ethnicity),
        Column("Nghề nghiệp", 22, lambda s: OCCUPATION(s.occupation)),
        Column("Đơn vị", 26, lambda s: s.unit.name),
    ),
)


def filtered_exemplars(user, params) -> tuple[forms.FilterForm, QuerySet, object]:
    """The exemplar list's filter form, its exemplars and the unit chosen, from a query."""
    filters = forms.FilterForm(params or None, movements=visible_movements(user))
    values = filters.cleaned_data if filters.is_valid() else {}
    unit = get_unit_for(user, values["unit"]) if values.get("unit") else None
    exemplars = selectors.exemplar_list(
        user, q=values.get("q", ""), stage=values.get("stage", ""), field=values.get("field"),
        kind=values.get("kind", ""), year=values.get("year"), unit=unit,
        movement=values.get("movement"),
    )  # fmt: skip
    return filters, exemplars, unit


def _issuer(user):
    return scope_root_units(user).select_related("parent").first()


@source("exemplars")
def exemplar_table(user, params) -> Table:
    _filters, exemplars, _unit = filtered_exemplars(user, params)
    return Table(EXEMPLARS, rows_of(exemplars), size=_size(exemplars),
                 issuer=_issuer(user))  # fmt: skip


@source("subjects")
def subject_table(user, params) -> Table:
    kind = params.get("kind", "") if params.get("kind") in SubjectKind.values else ""
    subjects = selectors.subject_list(user, q=params.get("q", ""), kind=kind)
    return Table(SUBJECTS, rows_of(subjects), size=_size(subjects),
                 issuer=_issuer(user))  # fmt: skip


def _size(rows) -> int:
    from django.conf import settings  # noqa: PLC0415 -- read at each export (tests change it)

    return bounded_count(rows, settings.EXPORT_MAX_ROWS)
