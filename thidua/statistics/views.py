"""The statutory statistics (/thong-ke/?bieu=&don_vi=&nam=): a form in force for the year,
filled in for a unit the user may see, shown in the form's layout with its legal basis and
how sure that layout is, and downloaded as Excel in the same layout."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thidua.core.http import read_only
from thidua.documents.xlsx import XLSX_TYPE
from thidua.statistics.definitions import default_year, forms_for, get_form
from thidua.statistics.layout import header_rows
from thidua.statistics.tables import failed_checks, fill
from thidua.statistics.xlsx import form_xlsx
from thidua.summaries.forms import offered_units
from thidua.units.models import Unit
from thidua.units.selectors import get_unit_for


class StatisticsForm(forms.Form):
    bieu = forms.ChoiceField(label="Biểu")
    don_vi = forms.ModelChoiceField(label="Đơn vị báo cáo", queryset=Unit.objects.none(),
                                    empty_label=None)  # fmt: skip
    nam = forms.IntegerField(label="Năm báo cáo", min_value=2000, max_value=2100)

    def __init__(self, *args, user, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bieu"].choices = [(f.slug, f"{f.code} – {f.title.capitalize()}")
                                       for f in forms_for(year)]  # fmt: skip
        self.fields["don_vi"].queryset = offered_units(user, self.data.get("don_vi"))


def _year(request) -> int:
    asked = request.GET.get("nam", "")
    if asked.isascii() and asked.isdigit() and 2000 <= int(asked) <= 2100:
        return int(asked)
    return default_year(timezone.localdate())


def _chosen(request):
    year = _year(request)
    data = request.GET.copy()
    data.setdefault("nam", str(year))
    form = StatisticsForm(data, user=request.user, year=year)
    for name, choices in (
        ("bieu", [c for c, _l in form.fields["bieu"].choices]),
        ("don_vi", [u.pk for u in form.fields["don_vi"].queryset[:1]]),
    ):
        if name not in request.GET and choices:
            data[name] = str(choices[0])
    form = StatisticsForm(data, user=request.user, year=year)
    if not form.is_valid():
        return form, None
    unit = get_unit_for(request.user, form.cleaned_data["don_vi"].pk)
    return form, fill(get_form(form.cleaned_data["bieu"]), unit, form.cleaned_data["nam"])


@read_only
@login_required
def statistics(request):
    form, table = _chosen(request)
    context = {"form": form, "table": table, "query": request.GET.urlencode()}
    if table is not None:
        context |= {"heads": header_rows(table.form.columns), "wrong": failed_checks(table),
                    "period": table.form.period(table.year)}  # fmt: skip
    return render(request, "statistics/form.html", context, status=200 if table else 400)


@read_only
@login_required
def statistics_xlsx(request):
    _form, table = _chosen(request)
    if table is None:
        raise Http404
    name = f"{table.form.code.split('/')[0]}-{table.year}.xlsx"
    response = HttpResponse(form_xlsx(table), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="bieu-{name}"'
    return response
