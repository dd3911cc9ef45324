from django import forms

from thidua.core.forms import CleanTextMixin, DateField, ModelChoiceField, ModelMultipleChoiceField
from thidua.units.models import (
    MAX_GROUP_NUMBER,
    MAX_MIN_EXEMPLARS,
    MAX_WORKFORCE,
    Cadence,
    EconomicSector,
    EmulationGroup,
    GroupKind,
    Unit,
    UnitKind,
)
from thidua.units.permissions import OFFICER_CREATABLE_KINDS
from thidua.units.selectors import visible_units
from thidua.units.services import allowed_parent_kinds
from thidua.units.widgets import UnitsField


class UnitForm(CleanTextMixin, forms.Form):
    name = forms.CharField(label="Tên đơn vị", max_length=255)
    kind = forms.ChoiceField(label="Loại đơn vị", choices=())
    subtype = forms.CharField(
        label="Loại hình", max_length=60, required=False,
        help_text="Ví dụ: sở, ban, công ty cổ phần, trường THCS, công an xã.",
    )  # fmt: skip
    code = forms.CharField(label="Mã đơn vị", max_length=10, required=False)
    economic_sector = forms.ChoiceField(
        label="Thành phần kinh tế", choices=[("", "—"), *EconomicSector.choices], required=False
    )
    workforce = forms.IntegerField(
        label="Số cán bộ, người lao động", min_value=0, max_value=MAX_WORKFORCE, required=False
    )
    email = forms.EmailField(label="Thư điện tử", max_length=254, required=False)
    address = forms.CharField(label="Địa chỉ", max_length=255, required=False)
    valid_from = DateField(label="Hiệu lực từ ngày", required=False)
    valid_to = DateField(label="Hết hiệu lực từ ngày", required=False)
    predecessors = ModelMultipleChoiceField(
        label="Đơn vị trước sắp xếp", queryset=Unit.objects.none(), required=False,
        help_text="Các đơn vị đã hết hiệu lực được sáp nhập vào đơn vị này.",
    )  # fmt: skip

    def __init__(self, *args, user, parent: Unit | None, unit: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        under = parent if unit is None else unit.parent
        kinds = [
            k for k in OFFICER_CREATABLE_KINDS if under and under.kind in allowed_parent_kinds(k)
        ]
        if unit is not None:
            kinds = [unit.kind]
        self.fields["kind"].choices = [(k, UnitKind(k).label) for k in kinds]
        self.fields["predecessors"].queryset = (
            visible_units(user).filter(valid_to__isnull=False).order_by("sort_name")
        )
        if unit is not None and unit.is_official:
            for name in ("name", "kind", "code"):
                self.fields[name].disabled = True

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class GroupForm(CleanTextMixin, forms.Form):
    """A plain form, not a ModelForm: it never writes onto the group before the service
    has validated the change."""

    kind = forms.ChoiceField(label="Loại", choices=GroupKind.choices)
    number = forms.IntegerField(label="Số", min_value=1, max_value=MAX_GROUP_NUMBER)
    name = forms.CharField(label="Tên", max_length=255, required=False)
    default_cadence = forms.ChoiceField(label="Kỳ báo cáo mặc định", choices=Cadence.choices)
    default_min_exemplars = forms.IntegerField(
        label="Số điển hình tối thiểu mỗi kỳ (mặc định)", min_value=0,
        max_value=MAX_MIN_EXEMPLARS, initial=1,
    )  # fmt: skip
    note = forms.CharField(
        label="Ghi chú", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class MembershipForm(CleanTextMixin, forms.Form):
    unit = ModelChoiceField(label="Đơn vị thành viên", queryset=Unit.objects.none())
    cadence = forms.ChoiceField(
        label="Kỳ báo cáo", choices=[("", "Theo mặc định của cụm, khối"), *Cadence.choices],
        required=False,
    )  # fmt: skip
    min_exemplars = forms.IntegerField(
        label="Số điển hình tối thiểu mỗi kỳ", min_value=0, max_value=MAX_MIN_EXEMPLARS,
        required=False,
        help_text="Để trống để dùng mức mặc định của cụm, khối.",
    )  # fmt: skip
    joined_on = DateField(label="Tham gia từ ngày", required=False)

    def __init__(self, *args, group: EmulationGroup, membership=None, **kwargs):
        super().__init__(*args, **kwargs)
        if membership is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=membership.unit_id)
            self.fields["unit"].disabled = True
            return
        # Clusters gather the province's communes; blocks its agencies and enterprises:
        # both are the owner's direct children that are still in force.
        taken = group.members.values("unit_id")
        self.fields["unit"].queryset = (
            group.owner.children.filter(valid_to__isnull=True)
            .exclude(pk__in=taken)
            .order_by("kind", "sort_name")
        )


class AddMembersForm(MembershipForm):
    """Members added at once, ticked in the tree picker among the owner's children (a
    cluster's communes, a block's agencies), by kind or found by name; each takes the
    cadence and minimum given, or the group's defaults."""

    unit = UnitsField(label="Đơn vị thành viên", required=True, children_only=True)

    def __init__(self, *args, group: EmulationGroup, **kwargs):
        super().__init__(*args, group=group, **kwargs)
        taken = set(group.members.values_list("unit_id", flat=True))
        self.fields["unit"].set_root(group.owner, taken=taken, taken_note="đã là thành viên")
