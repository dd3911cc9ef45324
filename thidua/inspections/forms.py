from django import forms

from thidua.core.forms import CleanTextMixin, DateField, ModelChoiceField
from thidua.units.models import Unit


class PlanForm(CleanTextMixin, forms.Form):
    unit = ModelChoiceField(label="Đơn vị được kiểm tra", queryset=Unit.objects.none())
    planned_on = DateField(label="Ngày kiểm tra")
    inspectors = forms.CharField(label="Đoàn kiểm tra (trưởng đoàn, thành viên)",
                                 max_length=500)  # fmt: skip

    def __init__(self, *args, by_unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.filter(path__startswith=by_unit.path, valid_to__isnull=True)
            .exclude(pk=by_unit.pk)
            .order_by("depth", "sort_name")
        )


class FixForm(CleanTextMixin, forms.Form):
    text = forms.CharField(label="Yêu cầu khắc phục", max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    due_on = DateField(label="Hạn khắc phục")


class ReasonForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(label="Lý do", max_length=2000, required=False)
    conclusion = forms.CharField(label="Nội dung kết luận", required=False, max_length=20000,
                                 widget=forms.Textarea(attrs={"rows": 6}))  # fmt: skip
    report = forms.CharField(label="Kết quả đã khắc phục", required=False, max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
