"""Forms of the catalogue (what the administrator corrects) and of a subject's history
(what officers record). Dates are typed dd/mm/yyyy; each form keeps what was typed when a
field is refused."""

from django import forms

from thidua.awards.models import (
    Award,
    AwardAuthority,
    AwardRecord,
    AwardRule,
    BaseSalary,
    Block,
    Category,
    CommendationType,
    Decision,
    Discipline,
    DocumentKind,
    Initiative,
    Period,
    ProcessingLimit,
    Rating,
)
from thidua.core.forms import CleanTextMixin, DateField, ModelChoiceField, SearchChoice
from thidua.exemplars.enums import SubjectKind
from thidua.exemplars.models import Subject

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
    documents = forms.MultipleChoiceField(
        label="Tài liệu bắt buộc trong hồ sơ", choices=DocumentKind.choices, widget=CHECKS,
        required=False, help_text="Kiểm tra khi đề nghị được gửi lên cấp khác.",
    )  # fmt: skip

    class Meta:
        model = AwardRule
        fields = ["valid_from", "valid_to", "name", "periods", "commendation_types",
                  "reward_multiple", "reward_objects", "criteria", "documents", "notice_days",
                  "legal_basis", "certainty", "note"]  # fmt: skip
        widgets = {"criteria": forms.Textarea(attrs={"rows": 4}),
                   "note": forms.Textarea(attrs={"rows": 2})}  # fmt: skip
        help_texts = {"name": "Chỉ điền khi trong giai đoạn này danh hiệu mang tên khác.",
                      "notice_days": "Để trống nếu không phải công khai danh sách trước khi gửi.",
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


class CatalogueFilter(CleanTextMixin, forms.Form):
    ngay = DateField(label="Quy định áp dụng ngày", required=False)
    nhom = forms.ChoiceField(label="Nhóm", required=False,
                             choices=[("", "Tất cả"), *Category.choices])  # fmt: skip


# A subject's history (models.history).

YEARS = {"min_value": 1945, "max_value": 2100}


class AwardRecordForm(CleanTextMixin, forms.ModelForm):
    decision_date = DateField(label="Ngày quyết định", required=False)

    class Meta:
        model = AwardRecord
        fields = ["award", "title", "year", "commendation_type", "decision_number",
                  "decision_date", "issuer"]  # fmt: skip
        help_texts = {"title": "Để trống khi đã chọn trong danh mục."}

    def __init__(self, *args, subject, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.subject = subject
        # The catalogue is a few dozen rows: its subject kinds are read here, the same way
        # on SQLite (no JSON containment) and PostgreSQL.
        given = [
            a.pk for a in Award.objects.only("subject_kinds") if subject.kind in a.subject_kinds
        ]
        self.fields["award"].queryset = Award.objects.filter(pk__in=given)
        self.fields["award"].required = False
        self.fields["title"].required = False
        self.fields["year"].widget.attrs.update(min=1945, max=2100)

    def clean(self):
        data = super().clean()
        if not data.get("award") and not data.get("title"):
            self.add_error("title", "Chọn danh hiệu, hình thức trong danh mục hoặc ghi tên.")
        return data


class InitiativeForm(CleanTextMixin, forms.ModelForm):
    recognised_on = DateField(label="Ngày công nhận")

    class Meta:
        model = Initiative
        fields = ["title", "recognised_by", "scope", "recognised_on", "decision_number"]


class RatingForm(CleanTextMixin, forms.Form):
    year = forms.IntegerField(label="Năm", **YEARS)
    rating = forms.TypedChoiceField(label="Xếp loại", choices=Rating.choices, coerce=int)


class DisciplineForm(CleanTextMixin, forms.ModelForm):
    starts_on = DateField(label="Từ ngày")
    ends_on = DateField(label="Đến ngày")

    class Meta:
        model = Discipline
        fields = ["sanction", "starts_on", "ends_on", "decision_number", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class BlockForm(CleanTextMixin, forms.ModelForm):
    since = DateField(label="Từ ngày")

    class Meta:
        model = Block
        fields = ["reason", "since", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class MemberForm(CleanTextMixin, forms.Form):
    member = ModelChoiceField(Subject.objects.none(), label="Cá nhân")
    year = forms.IntegerField(label="Năm", **YEARS)

    def __init__(self, *args, collective, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].widget = SearchChoice("ca-nhan", {"trong": collective.unit_id})
        self.fields["member"].queryset = Subject.objects.filter(
            unit__path__startswith=collective.unit.path, kind=SubjectKind.INDIVIDUAL)  # fmt: skip


class RevokeForm(CleanTextMixin, forms.Form):
    on = DateField(label="Ngày hủy bỏ")
    note = forms.CharField(label="Lý do, số quyết định hủy bỏ", max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class DecisionForm(CleanTextMixin, forms.ModelForm):
    signed_on = DateField(label="Ngày ký")

    class Meta:
        model = Decision
        fields = ["symbol", "signed_on", "summary", "authority", "grounds", "conference",
                  "capacity", "position", "signer_title", "signer_name", "recipients"]  # fmt: skip
        widgets = {"grounds": forms.Textarea(attrs={"rows": 4}),
                   "recipients": forms.Textarea(attrs={"rows": 3})}  # fmt: skip
        help_texts = {"conference": "Khen thưởng tại hội nghị của đơn vị (mẫu 002, 003)."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The issuer's own conferences: the honours given at one of them.
        field = self.fields["conference"]
        field.queryset = field.queryset.filter(unit=self.instance.issuer_id).order_by(
            "-period_start"
        )


class ProcessingLimitForm(CleanTextMixin, forms.ModelForm):
    valid_from = DateField(label="Áp dụng từ ngày")
    valid_to = DateField(label="Hết áp dụng từ ngày", required=False)

    class Meta:
        model = ProcessingLimit
        fields = ["level", "days", "working_days", "valid_from", "valid_to", "legal_basis",
                  "certainty"]  # fmt: skip
