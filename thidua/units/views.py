"""Views of the organisation tree: browse, search, and the officer's create/edit/delete.
Each view: scoped get → form → service → render or redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.units import permissions, selectors, services
from thidua.units.forms import UnitForm
from thidua.units.models import Level, UnitKind


@read_only
@login_required
def tree(request):
    roots = list(selectors.scope_root_units(request.user))
    if len(roots) == 1:
        return redirect(roots[0])
    return render(request, "units/tree.html", {"roots": selectors.attach_lineage(roots)})


@read_only
@login_required
def unit_detail(request, pk: int):
    unit = selectors.get_unit_for(request.user, pk)
    kinds = selectors.child_kind_counts(unit)
    kind = request.GET.get("kind") or (kinds[0][0] if kinds else "")
    page = paginate(request, selectors.children_of(unit, kind=kind))
    page.object_list = selectors.with_child_counts(page.object_list)
    context = {
        "unit": unit,
        "breadcrumb": selectors.breadcrumb(request.user, unit),
        "kinds": kinds,
        "kind": kind,
        "page": page,
        "query": query_without_page(request),
        "memberships": selectors.memberships_of_unit(unit),
        "owned_groups": selectors.groups_list(request.user, owner=unit),
        "predecessors": selectors.predecessors_of(request.user, unit),
        "successors": selectors.successors_of(request.user, unit),
        "can_add": permissions.can_add_child(request.user, unit),
        "can_edit": permissions.can_edit_unit(request.user, unit),
        "can_delete": permissions.can_delete_unit(request.user, unit),
        "can_manage_groups": permissions.can_manage_groups(request.user, unit),
    }
    if request.htmx and request.htmx.target == "children":
        return render(request, "units/detail.html#children", context)
    return render(request, "units/detail.html", context)


@read_only
@login_required
def unit_search(request):
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "") if request.GET.get("kind") in UnitKind.values else ""
    level = request.GET.get("level", "") if request.GET.get("level") in Level.values else ""
    units = selectors.search_units(request.user, q=q, kind=kind, level=level)
    if not (q or kind or level):
        units = units.none()  # an empty search lists nothing rather than the whole subtree
    page = paginate(request, units)
    page.object_list = selectors.attach_lineage(page.object_list)
    context = {
        "q": q, "kind": kind, "level": level, "page": page,
        "query": query_without_page(request), "kinds": UnitKind.choices, "levels": Level.choices,
    }  # fmt: skip
    if request.htmx:
        return render(request, "units/search.html#results", context)
    return render(request, "units/search.html", context)


def _form_data(form: UnitForm) -> dict:
    data = dict(form.cleaned_data)
    data["workforce"] = data.get("workforce")
    return data


@form_view
@login_required
def unit_create(request, pk: int):
    parent = selectors.get_unit_for(request.user, pk)
    if not permissions.can_add_child(request.user, parent):
        raise PermissionDenied
    form = UnitForm(request.POST or None, user=request.user, parent=parent)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.create_unit(actor=request.user, parent=parent, **_form_data(form))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm {unit.name}.")
            return redirect(unit)
    crumbs = [*selectors.breadcrumb(request.user, parent), parent]
    context = {"form": form, "parent": parent, "breadcrumb": crumbs}
    return render(request, "units/form.html", context)


@form_view
@login_required
def unit_edit(request, pk: int):
    unit = selectors.get_unit_for(request.user, pk)
    if not permissions.can_edit_unit(request.user, unit):
        raise PermissionDenied
    initial = {f: getattr(unit, f) for f in ["name", "kind", "code", *services.DETAIL_FIELDS]}
    initial["predecessors"] = list(selectors.predecessors_of(request.user, unit))
    form = UnitForm(
        request.POST or None, initial=initial, user=request.user, parent=unit.parent, unit=unit
    )
    if request.method == "POST" and form.is_valid():
        data = _form_data(form)
        data.pop("kind", None)
        # Predecessors the officer cannot see are not on the form; keep them.
        hidden = unit.predecessors.exclude(pk__in=[p.pk for p in initial["predecessors"]])
        data["predecessors"] = [*data["predecessors"], *hidden]
        try:
            services.update_unit(actor=request.user, unit=unit, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu {unit.name}.")
            return redirect(unit)
    context = {"form": form, "unit": unit, "breadcrumb": selectors.breadcrumb(request.user, unit)}
    return render(request, "units/form.html", context)


@form_view
@login_required
def unit_delete(request, pk: int):
    unit = selectors.get_unit_for(request.user, pk)
    if not permissions.can_delete_unit(request.user, unit):
        raise PermissionDenied
    blockers = services.deletion_blockers(unit)
    if request.method == "POST" and not blockers:
        parent = unit.parent
        try:
            services.delete_unit(actor=request.user, unit=unit)
        except ValidationError as error:  # something came to depend on it meanwhile
            blockers = error.messages
        else:
            messages.success(request, f"Đã xóa {unit.name}.")
            return redirect(parent)
    crumbs = selectors.breadcrumb(request.user, unit)
    context = {"unit": unit, "blockers": blockers, "breadcrumb": crumbs}
    return render(request, "units/confirm_delete.html", context)


@read_only
@login_required
def branch(request, pk: int):
    """One branch of the tree picker (units.widgets.UnitTree), opened by the officer: the
    unit's children in force, as checkboxes named as the form's field. 404 outside scope."""
    unit = selectors.get_unit_for(request.user, pk)
    name = request.GET.get("ten", "")[:100]
    context = {"nodes": selectors.branch_nodes(unit), "name": name}
    return render(request, "units/widgets/unit_tree_nodes.html", context)


TREE_FOUND = 30


@read_only
@login_required
def tree_search(request, pk: int):
    """Units in force below the picker's root whose name holds every word typed (diacritics
    ignored), as checkboxes named as the form's field; only the root's children when the
    picker takes no deeper unit (`con`). 404 outside scope; at most TREE_FOUND shown."""
    root = selectors.get_unit_for(request.user, pk)
    query = selectors.clean_query(request.GET.get("tim-don-vi", ""))[:100]
    found, more = [], False
    if query:
        units = selectors.search_units(request.user, q=query, current_only=True)
        units = units.filter(path__startswith=root.path).exclude(pk=root.pk)
        if request.GET.get("con"):
            units = units.filter(parent=root)
        found = selectors.attach_lineage(units[: TREE_FOUND + 1])
        found, more = found[:TREE_FOUND], len(found) > TREE_FOUND
    context = {
        "found": found,
        "more": more,
        "query": query,
        "name": request.GET.get("ten", "")[:100],
    }
    return render(request, "units/widgets/unit_tree_found.html", context)
