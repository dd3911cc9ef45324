"""Choosing many units of a subtree at once by ticking them in a tree (the owing units of a
milestone, a plan's pilot units): the page shows the root's children, each branch opens
on demand (htmx, `units:branch`), and the whole subtree is never rendered."""

from django import forms
from django.core.exceptions import ValidationError

from thidua.core.forms import ModelMultipleChoiceField, is_id
from thidua.units.models import Unit
from thidua.units.selectors import branch_nodes

MAX_TICKED = 500


class UnitTree(forms.Widget):
    """Checkboxes in a tree under `root`. A branch holding a ticked unit comes back open
    when the form is shown again, so nothing the officer ticked is hidden or lost."""

    template_name = "units/widgets/unit_tree.html"
    allow_multiple_selected = True
    use_fieldset = True

    def __init__(self, root: Unit | None = None, attrs=None):
        super().__init__(attrs)
        self.root = root

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
        context["widget"].update(nodes=nodes, ticked=len(ticked))
        return context


class UnitsField(ModelMultipleChoiceField):
    """Units ticked in a UnitTree: at most MAX_TICKED, all in force under `root`."""

    def __init__(self, *, root: Unit | None = None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(Unit.objects.none(), widget=UnitTree(), **kwargs)
        self.set_root(root)

    def set_root(self, root: Unit | None) -> None:
        self.widget.root = root
        if root is not None:
            self.queryset = Unit.objects.filter(path__startswith=root.path, valid_to__isnull=True)

    def clean(self, value):
        if value and len(value) > MAX_TICKED:
            raise ValidationError(f"Chọn tối đa {MAX_TICKED} đơn vị mỗi lần.")
        return list(super().clean(value).order_by("sort_name"))
