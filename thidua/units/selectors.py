"""Scoped reads of units and groups. Every lookup by id goes through a `get_*_for` helper,
which answers 404 for anything outside the user's subtrees, so that a sibling unit's data
is never shown and its existence never confirmed."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from thidua.core.text import fold
from thidua.units.models import EmulationGroup, GroupMembership, Unit, UnitKind
from thidua.units.scope import scope_for


def visible_units(user) -> QuerySet[Unit]:
    """All units inside the user's scope."""
    return Unit.objects.filter(scope_for(user).q("path"))


def get_unit_for(user, pk) -> Unit:
    """The unit `pk` if the user may see it, else Http404."""
    return get_object_or_404(visible_units(user).select_related("parent"), pk=pk)


def chosen_unit(user, unit: Unit | None) -> Unit | None:
    """The unit a page's filter chose, checked against the user's scope (404 outside it),
    or else the first unit the user's roles sit on; None for a user without any."""
    unit = unit or scope_root_units(user).first()
    return get_unit_for(user, unit.pk) if unit is not None else None


def scope_root_units(user) -> QuerySet[Unit]:
    """Where the tree browser starts: the units the user's roles sit on (the nation for the
    site administrator)."""
    scope = scope_for(user)
    if scope.everything:
        return Unit.objects.filter(parent__isnull=True).order_by("sort_name")
    return Unit.objects.filter(path__in=scope.roots).order_by("depth", "sort_name")


def breadcrumb(user, unit: Unit) -> list[Unit]:
    """The unit's ancestors that the user may see, from the top down (one query)."""
    ancestors = visible_units(user).filter(pk__in=unit.ancestor_ids).only("name", "path")
    return sorted(ancestors, key=lambda ancestor: len(ancestor.path))


def children_of(unit: Unit, *, kind: str = "") -> QuerySet[Unit]:
    """The unit's direct children, in Vietnamese dictionary order. The caller has already
    checked that the unit is visible; the children are then visible too."""
    children = unit.children.all()
    if kind:
        children = children.filter(kind=kind)
    return children.order_by("sort_name", "pk")


def with_child_counts(units) -> list[Unit]:
    """The units shown, each with `child_count` (its direct children): one grouped query
    over the page's rows only, not a count joined into the whole list before paging."""
    units = list(units)
    counts = dict(
        Unit.objects.filter(parent_id__in=[u.pk for u in units]).order_by()
        .values_list("parent_id").annotate(n=Count("pk"))
    )  # fmt: skip
    for unit in units:
        unit.child_count = counts.get(unit.pk, 0)
    return units


def child_kind_counts(unit: Unit) -> list[tuple[str, str, int]]:
    """(kind, label, count) of the unit's direct children, for the drill-down tabs."""
    rows = unit.children.values("kind").annotate(total=Count("pk")).order_by()
    return ordered_kind_counts(rows)


# Current administrative units first, the bodies beside them next, legacy districts last.
KIND_DISPLAY_ORDER = [
    UnitKind.NATION, UnitKind.PROVINCE, UnitKind.COMMUNE, UnitKind.VILLAGE, UnitKind.AGENCY,
    UnitKind.MASS_ORG, UnitKind.ENTERPRISE, UnitKind.SCHOOL, UnitKind.HOSPITAL,
    UnitKind.ARMED_FORCES, UnitKind.DISTRICT,
]  # fmt: skip


def ordered_kind_counts(rows) -> list[tuple[str, str, int]]:
    """(kind, label, total) from rows of {"kind", "total"}, in display order."""
    labels = dict(UnitKind.choices)
    order = {kind: index for index, kind in enumerate(KIND_DISPLAY_ORDER)}
    rows = sorted(rows, key=lambda row: order.get(row["kind"], len(order)))
    return [(row["kind"], labels.get(row["kind"], row["kind"]), row["total"]) for row in rows]


def current_kind_counts(user) -> list[tuple[str, int]]:
    """(label, count) of the units in effect in the user's subtrees, per kind, in display
    order: the dashboard's figures, in one grouped query."""
    current = visible_units(user).filter(valid_to__isnull=True)
    rows = current.values("kind").annotate(total=Count("pk")).order_by()
    return [(label, total) for _kind, label, total in ordered_kind_counts(rows)]


def predecessors_of(user, unit: Unit) -> QuerySet[Unit]:
    """The units merged into `unit` that the user may see."""
    return visible_units(user).filter(successors=unit).order_by("sort_name")


def successors_of(user, unit: Unit) -> QuerySet[Unit]:
    """The units `unit` was merged into that the user may see."""
    return visible_units(user).filter(predecessors=unit).order_by("sort_name")


def under(unit, field: str = "unit") -> Q:
    """Rows whose `field` lies in `unit`'s subtree or in a unit merged into it: a merged
    commune works with its former communes' records (domain README §2)."""
    paths = (unit.path, *unit.predecessors.values_list("path", flat=True))
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{field}__path__startswith": path})
    return condition


def clean_query(text: str, max_length: int = 200) -> str:
    """A search string safe for any database: no NUL characters, bounded length."""
    return (text or "").replace("\x00", "")[:max_length].strip()


def search_units(
    user, *, q: str = "", kind: str = "", level: str = "", parent=None, current_only=False
) -> QuerySet[Unit]:
    """Units in scope whose name contains every word of `q`, ignoring case and diacritics
    ("dai son" finds "Xã Đại Sơn"), or whose official code is `q`."""
    units = visible_units(user)
    q = clean_query(q)
    words = fold(q).split()
    if words:
        by_name = Q()
        for word in words:
            by_name &= Q(search_name__contains=word)
        units = units.filter(by_name | Q(code=q))
    if kind:
        units = units.filter(kind=kind)
    if level:
        units = units.filter(level=level)
    if parent is not None:
        units = units.filter(parent=parent)
    if current_only:
        units = units.filter(valid_to__isnull=True)
    return units.order_by("depth", "sort_name", "pk")


def attach_lineage(units) -> list[Unit]:
    """Give each unit a `lineage`: the names of its ancestors below the nation, so that two
    communes with one name ("Xã Đại Sơn") can be told apart. One query for the whole page."""
    units = list(units)
    ids = {pk for unit in units for pk in unit.ancestor_ids}
    names = dict(
        Unit.objects.filter(pk__in=ids).exclude(kind=UnitKind.NATION).values_list("pk", "name")
    )
    for unit in units:
        unit.lineage = [names[pk] for pk in reversed(unit.ancestor_ids) if pk in names]
    return units


def visible_groups(user) -> QuerySet[EmulationGroup]:
    """Groups owned by a unit inside the user's scope. A member unit's officer does not see
    the group itself, since it lists sibling units; they see their own membership."""
    return EmulationGroup.objects.filter(scope_for(user).q("owner__path"))


def get_group_for(user, pk) -> EmulationGroup:
    return get_object_or_404(visible_groups(user).select_related("owner"), pk=pk)


def groups_list(user, *, q: str = "", kind: str = "", owner=None) -> QuerySet[EmulationGroup]:
    groups = visible_groups(user).select_related("owner")
    for word in fold(clean_query(q)).split():
        groups = groups.filter(search_name__contains=word)
    if kind:
        groups = groups.filter(kind=kind)
    if owner is not None:
        groups = groups.filter(owner=owner)
    return groups.annotate(member_count=Count("members")).order_by("owner__path", "kind", "number")


def members_of(group: EmulationGroup) -> QuerySet[GroupMembership]:
    return group.members.select_related("unit").order_by("unit__sort_name", "pk")


def get_membership_for(user, pk) -> GroupMembership:
    memberships = GroupMembership.objects.filter(scope_for(user).q("group__owner__path"))
    return get_object_or_404(memberships.select_related("group", "unit"), pk=pk)


def memberships_of_unit(unit: Unit) -> QuerySet[GroupMembership]:
    """The groups a unit belongs to, with its own cadence: shown on the unit's page."""
    return unit.group_memberships.select_related("group", "group__owner").order_by(
        "group__kind", "group__number"
    )


BRANCH_LIMIT = 1000  # a province's communes and bodies fit; more is a case for the filters


def branch_nodes(unit: Unit, *, ticked: frozenset[int] | set[int] = frozenset()) -> list[dict]:
    """The tree picker's view of `unit`: its children in force, in dictionary order, each
    {"unit", "ticked", "children"}; a child whose subtree holds a ticked unit comes with
    its own children (open), and so on down. One query for the ticked units' paths, one for
    all the children shown, whatever their number."""
    opened = {unit.pk}
    if ticked:
        paths = Unit.objects.filter(pk__in=ticked, path__startswith=unit.path).values_list(
            "path", flat=True
        )
        depth = len(unit.ancestor_ids)
        opened |= {pk for path in paths for pk in _path_ids(path)[depth:-1]}
    rows = (
        Unit.objects.filter(parent_id__in=opened, valid_to__isnull=True)
        .annotate(child_count=Count("children", filter=Q(children__valid_to__isnull=True)))
        .order_by("parent_id", "sort_name", "pk")
    )
    by_parent: dict[int, list[Unit]] = {}
    for child in rows:
        by_parent.setdefault(child.parent_id, []).append(child)
    return _nodes(unit.pk, by_parent, ticked, opened)


def _path_ids(path: str) -> list[int]:
    return [int(part) for part in path.strip("/").split("/") if part]


def _nodes(parent: int, by_parent, ticked, opened) -> list[dict]:
    return [
        {"unit": child, "ticked": child.pk in ticked,
         "children": _nodes(child.pk, by_parent, ticked, opened) if child.pk in opened else None}
        for child in by_parent.get(parent, [])[:BRANCH_LIMIT]
    ]  # fmt: skip
