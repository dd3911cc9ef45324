"""«Ai đủ điều kiện»: a unit's subjects (its own and those of the units below it) judged for
one title or form in one year, each criterion explained; ready to nominate from. Scoped: a
unit outside the user's subtree answers 404."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from thidua.awards import eligibility
from thidua.awards.eligibility import MET, NOT_MET, UNKNOWN
from thidua.awards.models import Award, Registration
from thidua.core.forms import CleanTextMixin, ModelChoiceField, SearchChoice
from thidua.core.http import read_only
from thidua.exemplars.permissions import can_add_subject
from thidua.exports.services import export_response
from thidua.units.models import Unit
from thidua.units.selectors import chosen_unit

SHOW = [("", "Tất cả"), (MET, "Đủ điều kiện"), (NOT_MET, "Chưa đủ"), (UNKNOWN, "Cần xem xét")]


class EligibilityFilter(CleanTextMixin, forms.Form):
    don_vi = ModelChoiceField(Unit.objects.none(), label="Đơn vị", required=False)
    danh_hieu = forms.ModelChoiceField(Award.objects.all(), label="Danh hiệu, hình thức",
                                       to_field_name="code", required=False)  # fmt: skip
    nam = forms.IntegerField(label="Năm", min_value=1945, max_value=2100, required=False)
    hien = forms.ChoiceField(label="Hiện", choices=SHOW, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].widget = SearchChoice("don-vi")
        self.fields["don_vi"].queryset = Unit.objects.all()  # the view narrows to the scope


@read_only
@login_required
def eligible_export(request, fmt: str):
    """The same list as Excel or Word; a province's becomes a job with progress."""
    return export_response(request, "eligibility", fmt)


def _registered(award, year: int, verdicts) -> set[int]:
    """The subjects of the page registered for the award that year (đăng ký thi đua)."""
    if not verdicts:
        return set()
    found = Registration.objects.filter(award=award, year=year,
                                        subject__in=[v.subject.pk for v in verdicts])  # fmt: skip
    return set(found.values_list("subject_id", flat=True))


@read_only
@login_required
def who_is_eligible(request):
    filters = EligibilityFilter(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    unit = chosen_unit(request.user, data.get("don_vi"))
    award = data.get("danh_hieu") or Award.objects.filter(code="ldtt").first()
    year = data.get("nam") or timezone.localdate().year
    verdicts, more = eligibility.eligible_in(unit, award, year) if unit and award else ([], False)
    counts = {
        status: sum(v.status == status for v in verdicts) for status in (MET, NOT_MET, UNKNOWN)
    }
    if data.get("hien"):
        verdicts = [v for v in verdicts if v.status == data["hien"]]
    context = {"filters": filters, "unit": unit, "award": award, "year": year,
               "verdicts": verdicts, "more": more, "counts": counts,
               "limit": eligibility.LIST_LIMIT,
               "caps": eligibility.caps_of(unit, award, year) if unit and award else [],
               "registered": _registered(award, year, verdicts),
               "can_nominate": bool(unit) and can_add_subject(request.user, unit)}  # fmt: skip
    return render(request, "awards/eligible.html", context)
