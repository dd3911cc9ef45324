"""What a user may see and do: the subtrees under the units they hold a role on.

Roles are held on units (accounts.UnitRole); a role applies to the unit's whole subtree,
and to the units merged into it. Every scoped read and every permission check asks here.
"""

from dataclasses import dataclass

from django.db.models import Q

from thidua.accounts.models import Role, UnitRole
from thidua.units.models import Unit


@dataclass(frozen=True)
class Scope:
    """The grants of one user: (unit path, role) pairs, or everything for the site admin."""

    everything: bool
    grants: tuple[tuple[str, str], ...]

    @property
    def roots(self) -> list[str]:
        """The top paths of the scope, without the ones nested inside another."""
        paths = sorted({path for path, _role in self.grants}, key=len)
        roots: list[str] = []
        for path in paths:
            if not any(path.startswith(root) for root in roots):
                roots.append(path)
        return roots

    def covers(self, path: str) -> bool:
        return self.everything or any(path.startswith(root) for root in self.roots)

    def roles_on(self, path: str) -> set[str]:
        """Roles that apply at `path`: those granted on it or on any unit above it."""
        if self.everything:
            return set(Role.values)
        return {role for granted, role in self.grants if path.startswith(granted)}

    def q(self, field: str = "path") -> Q:
        """A filter for rows whose `field` (a unit path) lies inside the scope. Through a
        relation ("unit__path"), it is written as the relation's ids among the scope's
        units (`unit_id IN (…)`), so that the database reads the relation's own index
        rather than joining the unit table for every row of a long list."""
        if self.everything:
            return Q()
        if not self.grants:
            return Q(pk__in=[])
        relation = field.removesuffix("__path")
        column = "path" if relation != field else field
        prefixes = Q()
        for root in self.roots:
            prefixes |= Q(**{f"{column}__startswith": root})
        if relation == field:
            return prefixes
        return Q(**{f"{relation}__in": Unit.objects.filter(prefixes).values("pk")})


EMPTY_SCOPE = Scope(everything=False, grants=())


def scope_for(user) -> Scope:
    """The user's scope, read once per request (kept on the user object).

    A role on a unit applies to its whole subtree; the site administrator
    (`is_superuser`) sees the whole nation. Everyone else sees nothing else.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(everything=True, grants=())
    else:
        rows = list(UnitRole.objects.filter(user=user).values_list("unit__path", "role"))
        scope = Scope(everything=False, grants=tuple(rows + _inherited_history(rows)))
    user._thidua_scope = scope
    return scope


# A unit merged twice (2019, then 2025) has predecessors of predecessors; deeper chains do
# not occur, the bound only keeps a bad record from looping.
MAX_MERGER_GENERATIONS = 5


def _inherited_history(grants: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Grants on the predecessors of the granted units and of their subtrees' units.

    A unit keeps the history of the units merged into it (domain README §2): the officer of
    Xã Đại Sơn works with the records of its pre-merger communes, which sit in the tree
    under a legacy district beside it. One query per merger generation.
    """
    inherited: list[tuple[str, str]] = []
    frontier = grants
    for _ in range(MAX_MERGER_GENERATIONS):
        if not frontier:
            break
        query = Q()
        for path, _role in frontier:
            query |= Q(successors__path__startswith=path)
        rows = Unit.objects.filter(query).values_list("path", "successors__path").distinct()
        found = {
            (path, role)
            for path, successor in rows
            for granted, role in frontier
            if successor.startswith(granted) and (path, role) not in inherited
        }
        inherited += sorted(found)
        frontier = sorted(found)
    return inherited


def has_role(user, path: str, *roles: str) -> bool:
    """Whether the user holds one of `roles` on the unit at `path` or above it."""
    return bool(scope_for(user).roles_on(path) & set(roles))


def is_officer(user, unit) -> bool:
    """Officers write; council members and leaders only read."""
    return has_role(user, unit.path, Role.OFFICER)


def is_officer_somewhere(user) -> bool:
    """Whether the user is an officer of any unit (or the site administrator): the gate of
    actions that belong to no one unit, such as reading a plan document."""
    if user.is_superuser:
        return True
    return UnitRole.objects.filter(user=user, role=Role.OFFICER).exists()
