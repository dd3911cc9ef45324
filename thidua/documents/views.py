"""The page where an officer sets what the unit prints on its documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view
from thidua.documents.forms import LetterheadForm
from thidua.documents.frame import derived, frame_for, letterhead_of
from thidua.documents.services import save_letterhead
from thidua.units import permissions, selectors


@form_view
@login_required
def letterhead_edit(request, pk: int):
    unit = selectors.get_unit_for(request.user, pk)
    if not permissions.can_edit_unit(request.user, unit):
        raise PermissionDenied
    letterhead, defaults = letterhead_of(unit), derived(unit)
    if letterhead._state.adding:
        letterhead.capacity = defaults.get("capacity", "")
    form = LetterheadForm(request.POST or None, instance=letterhead, derived=defaults)
    if request.method == "POST" and form.is_valid():
        try:
            save_letterhead(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu thông tin văn bản của {unit.name}.")
            return redirect("documents:letterhead", pk=unit.pk)
    context = {"form": form, "unit": unit, "breadcrumb": selectors.breadcrumb(request.user, unit),
               "frame": frame_for(unit, kind="GIẤY MỜI", summary="Văn bản mẫu")}  # fmt: skip
    return render(request, "documents/letterhead_form.html", context)
