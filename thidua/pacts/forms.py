from django import forms
from django.utils import timezone

from thidua.core.forms import CleanTextMixin, DateField
from thidua.pacts.models import HeadRule, RankBy


class OpenPactForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    head_rule = forms.ChoiceField(label="Cách chọn trưởng cụm, khối", choices=HeadRule.choices)
    rank_by = forms.ChoiceField(label="Cách xếp hạng cuối năm", choices=RankBy.choices,
                                initial=RankBy.SCORE, required=False)  # fmt: skip
    commended = forms.IntegerField(label="Số đơn vị xếp sau được đề nghị Bằng khen",
                                   min_value=0, max_value=20, initial=2,
                                   required=False)  # fmt: skip

    def clean_rank_by(self):  # not sent (an older page, a script): the field's default
        return self.cleaned_data.get("rank_by") or RankBy.SCORE

    def clean_commended(self):
        value = self.cleaned_data.get("commended")
        return 2 if value is None else value

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)


class HeadsForm(forms.Form):
    head = forms.ModelChoiceField(label="Trưởng cụm, khối", queryset=None,
                                  empty_label="— Chọn —")  # fmt: skip
    deputy = forms.ModelChoiceField(label="Phó cụm, khối", queryset=None, required=False,
                                    empty_label="— Không —")  # fmt: skip

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("head", "deputy"):
            self.fields[name].queryset = members
            self.fields[name].label_from_instance = lambda m: m.unit.name


class SignForm(CleanTextMixin, forms.Form):
    signed_on = DateField(label="Ngày ký kết")
    place = forms.CharField(label="Địa điểm", max_length=255)


class TargetForm(CleanTextMixin, forms.Form):
    text = forms.CharField(label="Chỉ tiêu đăng ký", max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip


class ReasonForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(label="Lý do", max_length=2000, required=False)


class ScanForm(forms.Form):
    file = forms.FileField(label="Bản giao ước đã ký (PDF, JPEG, PNG)")
