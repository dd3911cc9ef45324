"""Views of emulation clusters and blocks and their members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.units import group_services, permissions, selectors
from thidua.units.forms import AddMembersForm, GroupForm, MembershipForm
from thidua.units.models import GroupKind


@read_only
@login_required
def group_list(request):
    kind = request.GET.get("kind", "") if request.GET.get("kind") in GroupKind.values else ""
    q = request.GET.get("q", "").strip()
    groups = selectors.groups_list(request.user, q=q, kind=kind)
    context = {
        "page": paginate(request, groups), "query": query_without_page(request),
        "q": q, "kind": kind, "kinds": GroupKind.choices,
    }  # fmt: skip
    if request.htmx:
        return render(request, "units/group_list.html#results", context)
    return render(request, "units/group_list.html", context)


@read_only
@login_required
def group_detail(request, pk: int):
    group = selectors.get_group_for(request.user, pk)
    context = {
        "group": group,
        "page": paginate(request, selectors.members_of(group)),
        "query": query_without_page(request),
        "can_edit": permissions.can_edit_group(request.user, group),
    }
    return render(request, "units/group_detail.html", context)


def _save_group(request, form, owner, group=None):
    try:
        if group is None:
            return group_services.create_group(actor=request.user, owner=owner, **form.cleaned_data)
        return group_services.update_group(actor=request.user, group=group, **form.cleaned_data)
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


@form_view
@login_required
def group_create(request, pk: int):
    owner = selectors.get_unit_for(request.user, pk)
    if not permissions.can_manage_groups(request.user, owner):
        raise PermissionDenied
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = _save_group(request, form, owner)
        if group is not None:
            messages.success(request, f"Đã tạo {group}.")
            return redirect(group)
    return render(request, "units/group_form.html", {"form": form, "owner": owner})


@form_view
@login_required
def group_edit(request, pk: int):
    group = selectors.get_group_for(request.user, pk)
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied
    initial = {field: getattr(group, field) for field in GroupForm.base_fields}
    form = GroupForm(request.POST or None, initial=initial)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _save_group(request, form, group.owner, group)
    )
    if saved:
        messages.success(request, f"Đã lưu {saved}.")
        return redirect(saved)
    return render(
        request, "units/group_form.html", {"form": form, "owner": group.owner, "group": group}
    )


@form_view
@login_required
def group_delete(request, pk: int):
    group = selectors.get_group_for(request.user, pk)
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied
    if request.method == "POST":
        owner = group.owner
        try:
            group_services.delete_group(actor=request.user, group=group)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(group)
        messages.success(request, f"Đã xóa {group}.")
        return redirect(owner)
    return render(request, "units/group_confirm_delete.html", {"group": group})


@form_view
@login_required
def member_add(request, pk: int):
    group = selectors.get_group_for(request.user, pk)
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied
    form = AddMembersForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            added = group_services.add_members(
                actor=request.user, group=group, units=values.pop("unit"), **values
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            names = ", ".join(member.unit.name for member in added[:3])
            more = f" và {len(added) - 3} đơn vị khác" if len(added) > 3 else ""
            messages.success(request, f"Đã thêm {names}{more} vào {group}.")
            return redirect(group)
    return render(request, "units/member_form.html", {"form": form, "group": group})


@form_view
@login_required
def member_edit(request, pk: int):
    membership = selectors.get_membership_for(request.user, pk)
    group = membership.group
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied
    initial = {
        "unit": membership.unit, "cadence": membership.cadence,
        "min_exemplars": membership.min_exemplars, "joined_on": membership.joined_on,
    }  # fmt: skip
    form = MembershipForm(request.POST or None, initial=initial, group=group, membership=membership)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "unit"}
        data["cadence"] = data["cadence"] or group.default_cadence
        if data["min_exemplars"] is None:
            data["min_exemplars"] = group.default_min_exemplars
        group_services.update_member(actor=request.user, membership=membership, **data)
        messages.success(request, f"Đã lưu thành viên {membership.unit}.")
        return redirect(group)
    context = {"form": form, "group": group, "membership": membership}
    return render(request, "units/member_form.html", context)


@form_view
@login_required
def member_delete(request, pk: int):
    membership = selectors.get_membership_for(request.user, pk)
    group = membership.group
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied
    if request.method == "POST":
        try:
            group_services.remove_member(actor=request.user, membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã đưa {membership.unit} ra khỏi {group}.")
    return redirect(group)
