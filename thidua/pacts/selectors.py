"""Who sees a pact: the officers, council and leaders of the group's owner and above (they
run the group), and those of each member unit, who see their group's pact, its heads and
criteria, and their own targets only (the other members' are the owner's to read)."""

from django.shortcuts import get_object_or_404

from thidua.accounts.models import Role
from thidua.pacts.models import Pact
from thidua.units.scope import has_role, scope_for


def visible_pacts(user):
    scope = scope_for(user)
    mine = scope.q("group__owner__path") | scope.q("group__members__unit__path")
    return Pact.objects.filter(pk__in=Pact.objects.filter(mine).values("pk"))


def get_pact_for(user, pk: int) -> Pact:
    """A pact the user may see; 404 otherwise (a sibling group's too)."""
    found = visible_pacts(user).select_related("group__owner", "head__unit", "deputy__unit")
    return get_object_or_404(found, pk=pk)


def runs_group(user, pact: Pact) -> bool:
    """The owner's standing body (its officers) or above."""
    return has_role(user, pact.group.owner.path, Role.OFFICER)


def own_memberships(user, pact: Pact):
    """The members of the pact's group whose unit the user is an officer of."""
    members = pact.group.members.select_related("unit").order_by("unit__sort_name", "pk")
    return [m for m in members if has_role(user, m.unit.path, Role.OFFICER)]


def hosts(user, pact: Pact) -> bool:
    """The officers of the head's unit (who host the signing) or of the owner and above."""
    host = pact.head.unit if pact.head_id else pact.group.owner
    return has_role(user, host.path, Role.OFFICER)
