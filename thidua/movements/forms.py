from django import forms

from thidua.core.forms import CleanTextMixin, DateField, ModelChoiceField, SearchChoice
from thidua.movements.models import MovementMethod
from thidua.units.models import Unit, UnitKind
from thidua.units.selectors import visible_units


class MovementForm(CleanTextMixin, forms.Form):
    name = forms.CharField(label="Tên phong trào", max_length=255)
    starts_on = DateField(label="Từ ngày")
    ends_on = DateField(label="Đến ngày")
    theme = forms.CharField(label="Chủ đề, nội dung", widget=forms.Textarea(attrs={"rows": 3}),
                            required=False)  # fmt: skip
    method = forms.ChoiceField(label="Hình thức tổ chức", choices=MovementMethod.choices,
                               initial=MovementMethod.REGULAR, required=False)  # fmt: skip
    follower = ModelChoiceField(label="Cơ quan được giao theo dõi", queryset=Unit.objects.none(),
                                required=False)  # fmt: skip
    # No status here: it changes by the actions on the movement's page (workflows.py).

    def clean_method(self):
        # A client that does not send it (the API before the field, a script) means the
        # year-round kind, as the field's default.
        return self.cleaned_data.get("method") or MovementMethod.REGULAR

    def __init__(self, *args, launched_by: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        # The follower is an agency or body of the launching unit (sample 001 assigns the
        # Department of Home Affairs).
        self.fields["follower"].queryset = (
            launched_by.children.exclude(kind__in=[UnitKind.VILLAGE, UnitKind.COMMUNE])
            .filter(valid_to__isnull=True).order_by("sort_name")
        )  # fmt: skip


class TransitionForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label="Lý do, ghi chú", max_length=2000, required=False,
        error_messages={"max_length": "Lý do dài quá 2000 ký tự."},
    )  # fmt: skip


class DriveForm(CleanTextMixin, forms.Form):
    name = forms.CharField(label="Tên đợt thi đua", max_length=255)
    starts_on = DateField(label="Từ ngày")
    ends_on = DateField(label="Đến ngày")
    anniversary = forms.CharField(label="Chào mừng sự kiện", max_length=255, required=False)


class RegistrationForm(CleanTextMixin, forms.Form):
    drive = forms.ModelChoiceField(label="Đợt thi đua", queryset=None)
    unit = ModelChoiceField(label="Đơn vị đăng ký", queryset=Unit.objects.none())
    title = forms.CharField(label="Công trình, việc làm", max_length=255)
    registered_on = DateField(label="Ngày đăng ký")

    def __init__(self, *args, user, movement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drive"].queryset = movement.drives.all()
        # Chosen by typing: the nation's officer would otherwise get 23,000 options.
        self.fields["unit"].widget = SearchChoice("don-vi", {"khong": UnitKind.NATION})
        self.fields["unit"].queryset = (
            visible_units(user).filter(valid_to__isnull=True).exclude(kind=UnitKind.NATION)
            .order_by("depth", "sort_name")
        )  # fmt: skip
