"""The dashboard (/bao-cao-tong-ket/tong-quan/?don_vi=&tu_nam=&den_nam=&linh_vuc=): for a
unit the user holds a role on, a period and a field, each chart with its table and an
Excel download of the table."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from thidua.core.http import read_only
from thidua.exemplars.models import Field
from thidua.summaries.dashboard import charts
from thidua.summaries.forms import default_period, offered_units
from thidua.summaries.report_docx import cell_text
from thidua.summaries.views import figure_xlsx
from thidua.units.models import Unit
from thidua.units.selectors import get_unit_for


class DashboardForm(forms.Form):
    don_vi = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(),
                                    empty_label=None)  # fmt: skip
    tu_nam = forms.IntegerField(label="Từ năm", min_value=1990, max_value=2100)
    den_nam = forms.IntegerField(label="Đến năm", min_value=1990, max_value=2100)
    linh_vuc = forms.ModelChoiceField(label="Lĩnh vực (điển hình)", required=False,
                                      queryset=Field.objects.order_by("position"),
                                      empty_label="— Mọi lĩnh vực —")  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = offered_units(user, self.data.get("don_vi"))

    def clean(self):
        data = super().clean()
        start, end = data.get("tu_nam"), data.get("den_nam")
        if start and end and not 0 <= end - start < 15:
            self.add_error("den_nam", "Từ 1 đến 15 năm, không trước năm bắt đầu.")
        return data


def _chosen(request):
    start, end = default_period()
    data = request.GET.copy()
    data.setdefault("tu_nam", str(start))
    data.setdefault("den_nam", str(end))
    form = DashboardForm(data, user=request.user)
    units = form.fields["don_vi"].queryset
    if "don_vi" not in request.GET and units.exists():
        data["don_vi"] = str(units.first().pk)
        form = DashboardForm(data, user=request.user)
    if not form.is_valid():
        return form, None
    values = form.cleaned_data
    unit = get_unit_for(request.user, values["don_vi"].pk)
    return form, (unit, values["tu_nam"], values["den_nam"], values.get("linh_vuc"))


@read_only
@login_required
def dashboard(request):
    form, chosen = _chosen(request)
    shown = []
    if chosen is not None:
        shown = [(f, chart, [[cell_text(v) for v in row] for row in f.rows])
                 for f, chart in charts(*chosen)]  # fmt: skip
    context = {"form": form, "chosen": chosen, "charts": shown,
               "query": request.GET.urlencode()}  # fmt: skip
    return render(request, "summaries/dashboard.html", context, status=200 if chosen else 400)


@read_only
@login_required
def dashboard_table(request, key: str):
    _form, chosen = _chosen(request)
    found = {f.key: f for f, _chart in charts(*chosen)} if chosen else {}
    if key not in found:
        raise Http404
    unit, start, end, _field = chosen
    return figure_xlsx(found[key], f"{found[key].title} giai đoạn {start}–{end}", unit)
