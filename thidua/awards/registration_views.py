"""«Đăng ký thi đua»: a unit's subjects of the kinds a title is given to, each with a tick
for the year's registration, saved in one post («Chọn tất cả» ticks the page). Officers of
the unit write; others in scope read; a sibling's unit answers 404."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.awards import registrations
from thidua.awards.models import Award, Category, Registration
from thidua.awards.rating_views import RATING_PAGE, SheetFilter
from thidua.core.forms import is_id
from thidua.core.http import form_view
from thidua.core.pagination import paginate, query_without_page
from thidua.exemplars.models import Subject
from thidua.exemplars.permissions import can_add_subject
from thidua.units.selectors import chosen_unit


class RegistrationFilter(SheetFilter):
    danh_hieu = forms.ModelChoiceField(Award.objects.filter(category=Category.TITLE),
                                       label="Danh hiệu", to_field_name="code",
                                       required=False)  # fmt: skip


def _chosen(request):
    filters = RegistrationFilter(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    unit = chosen_unit(request.user, data.get("don_vi"))
    award = data.get("danh_hieu") or Award.objects.filter(code="ldtt").first()
    return filters, unit, award, data.get("nam") or timezone.localdate().year


@form_view
@login_required
def registration_sheet(request):
    filters, unit, award, year = _chosen(request)
    can_edit = bool(unit) and can_add_subject(request.user, unit)
    rows = (Subject.objects.filter(unit=unit, kind__in=award.subject_kinds)
            .order_by("sort_name", "pk")) if unit and award else Subject.objects.none()  # fmt: skip
    page = paginate(request, rows, RATING_PAGE)
    subjects = list(page.object_list)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Chỉ cán bộ của đơn vị được ghi đăng ký thi đua.")
        # The rows the officer saw (posted with the ticks), not the page as it is now: a
        # subject added meanwhile must not lose a registration it was never shown with.
        shown = {int(pk) for pk in request.POST.getlist("hien") if is_id(pk)}
        ticked = {int(pk) for pk in request.POST.getlist("dang_ky") if is_id(pk)}
        try:
            changed = registrations.set_registrations(
                actor=request.user, unit=unit, award=award, year=year, shown=shown,
                ticked=ticked)  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã ghi đăng ký thi đua năm {year}: {changed} thay đổi.")
        return redirect(request.get_full_path())
    registered = set(Registration.objects.filter(subject__in=subjects, award=award, year=year)
                     .values_list("subject_id", flat=True))  # fmt: skip
    context = {"filters": filters, "unit": unit, "award": award, "year": year,
               "can_edit": can_edit, "page": page, "query": query_without_page(request),
               "rows": [(s, s.pk in registered) for s in subjects],
               "count": len(registered)}  # fmt: skip
    return render(request, "awards/registrations.html", context)
