"""«Sổ khen thưởng»: every award recorded for the subjects in the user's scope, newest year
first, filtered by unit (with the units below), award, year and name (diacritics ignored,
a typo tolerated); paginated by keyset on (year, id) through its index, so that the
national administrator's first page over ten million records reads fifty of them; the
same list exported to Excel or Word (a job beyond EXPORT_INLINE_ROWS)."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.shortcuts import render

from thidua.awards.models import Award, AwardRecord
from thidua.core.forms import CleanTextMixin, ModelChoiceField, SearchChoice
from thidua.core.http import read_only
from thidua.core.pagination import bounded_count, paginate, query_without_page, rows_of
from thidua.core.search import tolerant_filter
from thidua.documents.reports import Column, Report, Table, source
from thidua.exemplars.selectors import visible_subjects
from thidua.exports.services import export_response
from thidua.units.models import Unit
from thidua.units.scope import scope_for
from thidua.units.selectors import clean_query, get_unit_for, scope_root_units


class RegisterFilter(CleanTextMixin, forms.Form):
    q = forms.CharField(label="Tên đối tượng", required=False, max_length=200)
    don_vi = ModelChoiceField(Unit.objects.none(), label="Đơn vị", required=False)
    danh_hieu = forms.ModelChoiceField(Award.objects.all(), label="Danh hiệu, hình thức",
                                       to_field_name="code", required=False)  # fmt: skip
    nam = forms.IntegerField(label="Năm", min_value=1945, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].widget = SearchChoice("don-vi")
        self.fields["don_vi"].queryset = Unit.objects.all()  # narrowed by get_unit_for


def register_rows(user, params) -> tuple[RegisterFilter, QuerySet[AwardRecord]]:
    """The filter form and the records it selects, in the list's order."""
    filters = RegisterFilter(params or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    records = AwardRecord.objects.filter(scope_for(user).q("unit__path"))
    if values.get("don_vi"):
        unit = get_unit_for(user, values["don_vi"].pk)
        records = records.filter(unit__in=Unit.objects.filter(
            path__startswith=unit.path).values("pk"))  # fmt: skip
    if values.get("danh_hieu"):
        records = records.filter(award=values["danh_hieu"])
    if values.get("nam"):
        records = records.filter(year=values["nam"])
    if query := clean_query(values.get("q", "")):
        found = tolerant_filter(visible_subjects(user), "search_name", query)
        # A subquery, not a list read first: fetching every match of common words ("nguyen
        # van") costs more than walking the year index until a page of them is found.
        records = records.filter(subject__in=found.values("pk"))
    records = records.select_related("subject__unit", "award")
    return filters, records.order_by("-year", "-id")


@read_only
@login_required
def award_register(request):
    filters, records = register_rows(request.user, request.GET)
    searched = bool(filters.is_valid() and filters.cleaned_data.get("q"))
    context = {"filters": filters, "page": paginate(request, records, counted=not searched),
               "query": query_without_page(request)}  # fmt: skip
    return render(request, "awards/register.html", context)


@read_only
@login_required
def register_export(request, fmt: str):
    return export_response(request, "award_register", fmt)


def _decision(record) -> str:
    day = f"{record.decision_date:%d/%m/%Y}" if record.decision_date else ""
    return " ngày ".join(part for part in (record.decision_number, day) if part)


REGISTER = Report(
    title="Sổ khen thưởng",
    columns=(
        Column("Năm", 7, lambda r: r.year, docx_mm=14),
        Column("Đối tượng", 28, lambda r: r.subject.name, docx_mm=42),
        Column("Đơn vị", 26, lambda r: r.subject.unit.name, docx_mm=38),
        Column("Danh hiệu, hình thức", 30, lambda r: r.title, docx_mm=45),
        Column("Loại hình", 16, lambda r: r.get_commendation_type_display(), docx_mm=26),
        Column("Quyết định", 24, _decision, docx_mm=36),
        Column("Cấp quyết định", 24, lambda r: r.issuer, docx_mm=36),
        Column(
            "Hủy bỏ", 12, lambda r: f"{r.revoked_on:%d/%m/%Y}" if r.revoked_on else "", docx_mm=20
        ),  # fmt: skip
    ),
)


@source("award_register")
def register_table(user, params) -> Table:
    _filters, records = register_rows(user, params)
    return Table(REGISTER, rows_of(records), size=bounded_count(records, settings.EXPORT_MAX_ROWS),
                 issuer=scope_root_units(user).select_related("parent").first())  # fmt: skip
