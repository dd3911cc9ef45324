from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.movements import selectors, services
from thidua.movements.forms import DriveForm, MovementForm, RegistrationForm, TransitionForm
from thidua.movements.models import MovementAction, MovementStatus
from thidua.units.scope import is_officer
from thidua.units.selectors import get_unit_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition


@read_only
@login_required
def movement_list(request):
    q = request.GET.get("q", "")
    status = request.GET.get("status", "")
    status = status if status in MovementStatus.values else ""
    movements = selectors.movement_list(request.user, q=q, status=status)
    context = {"page": paginate(request, movements), "query": query_without_page(request),
               "q": q, "status": status, "statuses": MovementStatus.choices}  # fmt: skip
    return render(request, "movements/movement_list.html", context)


def _detail(request, movement, *, drive_form=None, registration_form=None, status=200):
    """The movement's page; a form that came back with errors is shown as typed."""
    actions = allowed_actions(request.user, movement)
    context = {
        "movement": movement, "can_manage": is_officer(request.user, movement.launched_by),
        "actions": actions, "changes": history(movement),
        # Closing before the last day needs a reason (workflows.py): say so beside the field.
        "early": "close" in dict(actions) and timezone.localdate() < movement.ends_on,
        "drives": movement.drives.all(),
        "registrations": selectors.registrations_for(request.user, movement),
        "drive_form": drive_form or DriveForm(), "can_register": movement.drives.exists(),
        "registration_form": registration_form
        or RegistrationForm(user=request.user, movement=movement),
    }  # fmt: skip
    return render(request, "movements/movement_detail.html", context, status=status)


@read_only
@login_required
def movement_detail(request, pk: int):
    return _detail(request, selectors.get_movement_for(request.user, pk))


def _save(request, form, call):
    if request.method == "POST" and form.is_valid():
        try:
            return call(**form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
    return None


@form_view
@login_required
def movement_create(request, unit_pk: int):
    unit = get_unit_for(request.user, unit_pk)
    if not is_officer(request.user, unit):
        raise PermissionDenied
    form = MovementForm(request.POST or None, launched_by=unit)
    movement = _save(request, form, lambda **data: services.launch_movement(
        actor=request.user, launched_by=unit, **data))  # fmt: skip
    if movement is not None:
        messages.success(request, f"Đã ghi nhận phong trào «{movement.name}».")
        return redirect(movement)
    return render(request, "movements/movement_form.html", {"form": form, "unit": unit})


@form_view
@login_required
def movement_edit(request, pk: int):
    movement = selectors.get_movement_for(request.user, pk)
    if not is_officer(request.user, movement.launched_by):
        raise PermissionDenied
    initial = {f: getattr(movement, f) for f in MovementForm.base_fields}
    form = MovementForm(request.POST or None, initial=initial, launched_by=movement.launched_by)
    saved = _save(request, form, lambda **data: services.update_movement(
        actor=request.user, movement=movement, **data))  # fmt: skip
    if saved is not None:
        messages.success(request, "Đã lưu phong trào.")
        return redirect(saved)
    context = {"form": form, "unit": movement.launched_by, "movement": movement}
    return render(request, "movements/movement_form.html", context)


@post_only
@login_required
def movement_action(request, pk: int, action: str):
    """Review, resume or close the movement: who may, from which status and with what
    reason is the workflow's to say (workflows.py)."""
    movement = selectors.get_movement_for(request.user, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(movement)
    try:
        movement = transition(movement, action, by=request.user,
                              reason=form.cleaned_data["reason"])  # fmt: skip
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Đã {MovementAction(action).label.lower()} phong trào.")
    return redirect(movement)


@post_only
@login_required
def drive_add(request, pk: int):
    movement = selectors.get_movement_for(request.user, pk)
    if request.method != "POST" or not is_officer(request.user, movement.launched_by):
        raise PermissionDenied
    form = DriveForm(request.POST)
    saved = _save(request, form, lambda **data: services.add_drive(
        actor=request.user, movement=movement, **data))  # fmt: skip
    if saved is None:
        return _detail(request, movement, drive_form=form, status=400)
    messages.success(request, f"Đã thêm đợt «{saved.name}».")
    return redirect(movement)


@post_only
@login_required
def registration_add(request, pk: int):
    movement = selectors.get_movement_for(request.user, pk)
    if request.method != "POST":
        raise PermissionDenied
    form = RegistrationForm(request.POST, user=request.user, movement=movement)
    if form.is_valid() and not is_officer(request.user, form.cleaned_data["unit"]):
        raise PermissionDenied
    if _save(request, form, lambda **data: services.register_work(actor=request.user, **data)):
        messages.success(request, "Đã ghi nhận đăng ký.")
        return redirect(movement)
    return _detail(request, movement, registration_form=form, status=400)
