"""The yearly report's page (/bao-cao-tong-ket/hang-nam/?don-vi=&nam=): a unit the user
holds a role on (or below it, by id in scope), a year; its figures, each as Excel, and
the report in Word."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from thidua.core.http import read_only
from thidua.documents.docx import DOCX_TYPE
from thidua.documents.frame import file_name
from thidua.documents.response import attachment
from thidua.summaries.forms import offered_units
from thidua.summaries.report_docx import cell_text
from thidua.summaries.views import figure_xlsx
from thidua.summaries.yearly import TITLE, yearly_docx, yearly_figures
from thidua.units.models import Unit
from thidua.units.selectors import get_unit_for


class YearForm(forms.Form):
    don_vi = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(),
                                    empty_label=None)  # fmt: skip
    nam = forms.IntegerField(label="Năm", min_value=1990, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = offered_units(user, self.data.get("don_vi"))


def _chosen(request):
    """The form, and (unit, year) once valid; a unit is always one of the user's scope."""
    data = request.GET.copy()
    data.setdefault("nam", str(timezone.localdate().year))
    form = YearForm(data, user=request.user)
    if "don_vi" not in request.GET and form.fields["don_vi"].queryset.exists():
        data["don_vi"] = str(form.fields["don_vi"].queryset.first().pk)
        form = YearForm(data, user=request.user)
    if not form.is_valid():
        return form, None, None
    unit = get_unit_for(request.user, form.cleaned_data["don_vi"].pk)
    return form, unit, form.cleaned_data["nam"]


@read_only
@login_required
def yearly(request):
    form, unit, year = _chosen(request)
    shown = []
    if unit is not None:
        shown = [(f, [[cell_text(v) for v in row] for row in f.rows])
                 for f in yearly_figures(unit, year)]  # fmt: skip
    context = {"form": form, "unit": unit, "year": year, "figures": shown,
               "title": TITLE.format(year=year) if year else ""}  # fmt: skip
    return render(request, "summaries/yearly.html", context, status=200 if unit else 400)


@read_only
@login_required
def yearly_word(request):
    _form, unit, year = _chosen(request)
    if unit is None:
        raise Http404
    name = file_name("Báo cáo nhân rộng điển hình", str(year), unit.name, extension="docx")
    return attachment(yearly_docx(unit, year), DOCX_TYPE, name)


@read_only
@login_required
def yearly_table(request, key: str):
    _form, unit, year = _chosen(request)
    found = {f.key: f for f in yearly_figures(unit, year)} if unit is not None else {}
    if key not in found:
        raise Http404
    return figure_xlsx(found[key], f"{found[key].title} năm {year}", unit)
