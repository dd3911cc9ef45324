"""Forms of the catalogue: what the administrator corrects. Dates are typed dd/mm/yyyy;
each form keeps what was typed when a field is refused."""

from django import forms

from thidua.awards.models import (
    AwardAuthority,
    AwardRule,
    BaseSalary,
    Category,
    CommendationType,
    Period,
)
from thidua.core.forms import CleanTextMixin, DateField

CHECKS = forms.CheckboxSelectMultiple


class RuleForm(CleanTextMixin, forms.ModelForm):
    valid_from = DateField(label="Áp dụng từ ngày")
    valid_to = DateField(label="Hết áp dụng từ ngày", required=False,
                         help_text="Để trống nếu đang áp dụng.")  # fmt: skip
    periods = forms.MultipleChoiceField(label="Thời điểm xét", choices=Period.choices,
                                        widget=CHECKS)  # fmt: skip
    commendation_types = forms.MultipleChoiceField(
        label="Loại hình khen thưởng", choices=CommendationType.choices, widget=CHECKS
    )

    class Meta:
        model = AwardRule
        fields = ["valid_from", "valid_to", "name", "periods", "commendation_types",
                  "reward_multiple", "reward_objects", "criteria", "legal_basis", "certainty",
                  "note"]  # fmt: skip
        widgets = {"criteria": forms.Textarea(attrs={"rows": 4}),
                   "note": forms.Textarea(attrs={"rows": 2})}  # fmt: skip
        help_texts = {"name": "Chỉ điền khi trong giai đoạn này danh hiệu mang tên khác.",
                      "reward_multiple": "Để trống nếu chưa rõ."}  # fmt: skip


class NewRuleForm(RuleForm):
    """A new version from a date: it ends where the next version begins."""

    class Meta(RuleForm.Meta):
        fields = [name for name in RuleForm.Meta.fields if name != "valid_to"]


class AuthorityForm(CleanTextMixin, forms.ModelForm):
    valid_from = DateField(label="Áp dụng từ ngày")
    valid_to = DateField(label="Hết áp dụng từ ngày", required=False)

    class Meta:
        model = AwardAuthority
        fields = ["issuer_kind", "issuer_level", "issuer_title", "valid_from", "valid_to",
                  "legal_basis", "certainty"]  # fmt: skip


class BaseSalaryForm(CleanTextMixin, forms.ModelForm):
    valid_from = DateField(label="Áp dụng từ ngày")
    valid_to = DateField(label="Hết áp dụng từ ngày", required=False,
                         help_text="Để trống: mức mới chấm dứt mức đang áp dụng.")  # fmt: skip

    class Meta:
        model = BaseSalary
        fields = ["amount", "valid_from", "valid_to", "legal_basis", "certainty"]


class CatalogueFilter(forms.Form):
    ngay = DateField(label="Quy định áp dụng ngày", required=False)
    nhom = forms.ChoiceField(label="Nhóm", required=False,
                             choices=[("", "Tất cả"), *Category.choices])  # fmt: skip
