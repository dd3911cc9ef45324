"""Who sees an inspection: the inspecting unit's users and those above it, and the
inspected unit's (they see what was found and owe the fixes); never a sibling's."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from thidua.accounts.models import Role
from thidua.inspections.models import Fix, FixState, Inspection
from thidua.units.models import Unit
from thidua.units.scope import has_role, scope_for


def visible_inspections(user):
    scope = scope_for(user)
    if scope.everything:
        return Inspection.objects.all()
    units = Unit.objects.filter(scope.q("path")).values("pk")
    return Inspection.objects.filter(Q(by_unit__in=units) | Q(unit__in=units))


def get_inspection_for(user, pk: int) -> Inspection:
    return get_object_or_404(visible_inspections(user).select_related("by_unit", "unit"), pk=pk)


def inspects(user, inspection) -> bool:
    """The inspecting unit's officers (or above): they plan, record and conclude."""
    return has_role(user, inspection.by_unit.path, Role.OFFICER)


def open_fixes(unit):
    """What the unit still owes from its inspections, soonest first."""
    return (Fix.objects.filter(inspection__unit=unit,
                               state__in=[FixState.PENDING, FixState.RETURNED])
            .select_related("inspection").order_by("due_on", "pk"))  # fmt: skip
