"""Choosing many units of a subtree at once by ticking them in a tree (the owing units of a
milestone, a plan's pilot units, delegate quotas, a cluster's members): the page shows the
root's children, each branch opens on demand (htmx, `units:branch`), and the whole subtree
is never rendered. The officer also finds units by name anywhere below (`units:tree_search`),
or ticks the root's children of one kind, or the members of one of its clusters, at once."""

from django import forms
from django.core.exceptions import ValidationError

from thidua.core.forms import ModelMultipleChoiceField, is_id
from thidua.units.models import GroupMembership, Unit, UnitKind
from thidua.units.selectors import branch_nodes

MAX_TICKED = 500


class UnitTree(forms.Widget):
    """Checkboxes in a tree under `root`. A branch holding a ticked unit comes back open
    when the form is shown again, so nothing the officer ticked is hidden or lost."""

    template_name = "units/widgets/unit_tree.html"
    allow_multiple_selected = True
    use_fieldset = True

    def __init__(self, root: Unit | None = None, attrs=None, *, children_only=False):
        super().__init__(attrs)
        self.root = root
        self.children_only = children_only  # a cluster's members: the root's children only
        self.taken: set[int] = set()  # shown greyed with `taken_note`, never ticked
        self.taken_note = ""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])

    def value_omitted_from_data(self, data, files, name):
        return False  # an empty tree is a choice of none, not a missing field

    def format_value(self, value):
        items = value if isinstance(value, list | tuple | set) else [value]
        return [str(getattr(item, "pk", item)) for item in items if item not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ticked = {int(pk) for pk in context["widget"]["value"] if is_id(pk)}
        nodes = branch_nodes(self.root, ticked=ticked) if self.root else []
        _mark_taken(nodes, self.taken)
        context["widget"].update(nodes=nodes, ticked=len(ticked), leaves=self.children_only,
                                 root=self.root, taken_note=self.taken_note,
                                 kinds=_kinds(nodes), clusters=_clusters(self.root))  # fmt: skip
        return context


def _mark_taken(nodes, taken: set[int]) -> None:
    for node in nodes:
        node["taken"] = node["unit"].pk in taken
        _mark_taken(node["children"] or [], taken)


def _kinds(nodes) -> list[tuple[str, str, int]]:
    """(kind, label, how many) of the root's children, when there is more than one kind."""
    labels, counts = dict(UnitKind.choices), {}
    for node in nodes:
        counts[node["unit"].kind] = counts.get(node["unit"].kind, 0) + 1
    return [(kind, labels.get(kind, kind), n) for kind, n in sorted(counts.items())
            ] if len(counts) > 1 else []  # fmt: skip


def _clusters(root: Unit | None) -> list[tuple[str, str]]:
    """(name, member ids) of the clusters and blocks the root manages: one query."""
    if root is None:
        return []
    rows = (GroupMembership.objects.filter(group__owner=root).select_related("group")
            .order_by("group__kind", "group__number", "group_id"))  # fmt: skip
    found: dict[int, tuple[object, list[str]]] = {}
    for row in rows:
        found.setdefault(row.group_id, (row.group, []))[1].append(str(row.unit_id))
    return [(str(group), " ".join(ids)) for group, ids in found.values()]


class UnitsField(ModelMultipleChoiceField):
    """Units ticked in a UnitTree: at most MAX_TICKED, all in force under `root`."""

    def __init__(self, *, root: Unit | None = None, children_only=False, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"required": "Đánh dấu ít nhất một đơn vị."})
        widget = UnitTree(children_only=children_only)
        super().__init__(Unit.objects.none(), widget=widget, **kwargs)
        self.set_root(root)

    def set_root(self, root: Unit | None, *, taken=(), taken_note: str = "") -> None:
        """Offer the units in force under `root`, except `taken` (ids: a cluster's members
        already in), which the tree shows greyed with `taken_note`."""
        self.widget.root = root
        self.widget.taken, self.widget.taken_note = set(taken), taken_note
        if root is not None:
            below = Unit.objects.filter(path__startswith=root.path, valid_to__isnull=True)
            below = below.filter(parent=root) if self.widget.children_only else below
            self.queryset = below.exclude(pk__in=self.widget.taken)

    def clean(self, value):
        if value and len(value) > MAX_TICKED:
            raise ValidationError(f"Chọn tối đa {MAX_TICKED} đơn vị mỗi lần.")
        taken = {int(pk) for pk in value or [] if is_id(pk)} & self.widget.taken
        if taken:  # a unit found by name, or ticked in another tab, that is already in
            names = ", ".join(Unit.objects.filter(pk__in=taken).order_by("sort_name")
                              .values_list("name", flat=True))  # fmt: skip
            raise ValidationError(f"{names} {self.widget.taken_note}.")
        return list(super().clean(value).order_by("sort_name"))
