"""Forms of plans: reading a document, correcting a draft, milestones, owing units, rule
sets, deliveries. Each keeps what the officer typed when a field is refused."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.forms import CleanTextMixin, DateField, ModelChoiceField
from thidua.core.text import sort_key
from thidua.documents.frame import TYPE_CODES
from thidua.documents.uploads import inspect_document
from thidua.plans.models import Milestone, Plan
from thidua.plans.rules import REPRESENTATION, ConferenceRuleSet
from thidua.units.models import EmulationGroup, Level, Unit, UnitKind
from thidua.units.widgets import UnitsField

MAX_CODES = 500


PASTED_NAME = "van-ban-dan.txt"  # the name a pasted text is kept under, as a .txt file
MAX_PASTED = 500_000  # characters: a long plan is some 60,000


class UploadForm(CleanTextMixin, forms.Form):
    """A plan document, or its text pasted from a web page or an e-mail (issue 17, part
    5): the pasted text goes through the same checks and reader as a .txt file."""

    file = forms.FileField(label="Văn bản kế hoạch (.docx, .pdf, .txt, hoặc ảnh chụp, bản quét "
                                 ".jpg, .png)", required=False)  # fmt: skip
    text = forms.CharField(label="Hoặc dán nội dung văn bản (từ trang web, thư điện tử)",
                           required=False, max_length=MAX_PASTED,
                           widget=forms.Textarea(attrs={"rows": 8}))  # fmt: skip

    def clean(self):
        from thidua.plans.reading import check_plan_document  # noqa: PLC0415 -- import cycle

        data = super().clean()
        upload, text = data.get("file"), (data.get("text") or "").strip()
        if upload and text:
            raise ValidationError("Chọn một tệp hoặc dán nội dung, không cả hai.")
        if not upload and not text:
            if not self.errors:
                self.add_error("file", "Cần chọn tệp văn bản hoặc dán nội dung.")
            return data
        if text:
            upload = SimpleUploadedFile(PASTED_NAME, text.encode("utf-8"), "text/plain")
        try:
            check_plan_document(upload)
        except ValidationError as error:
            self.add_error("text" if text else "file", error.message_dict["file"])
        data["file"] = upload
        return data


class AttachForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label="Tệp đính kèm (PDF, Word, Excel, ảnh)")

    def clean_file(self):
        inspect_document(self.cleaned_data["file"])
        return self.cleaned_data["file"]


# The document types of Decree 30/2020 (Appendix III), and the công văn, which has none.
DOC_TYPE_NAMES = {"CV": "Công văn"} | {code: name.capitalize() for name, code in TYPE_CODES.items()}


class PlanForm(CleanTextMixin, forms.ModelForm):
    doc_type = forms.ChoiceField(label="Loại văn bản", choices=sorted(
        DOC_TYPE_NAMES.items(), key=lambda item: sort_key(item[1])))  # fmt: skip
    issued_on = DateField(label="Ngày ban hành", required=False)
    implements = ModelChoiceField(Plan.objects.none(), required=False,
                                  label="Thực hiện kế hoạch cấp trên")  # fmt: skip

    class Meta:
        model = Plan
        fields = ["doc_type", "symbol", "issued_on", "issuer_name", "title", "kind",
                  "implements", "outside_basis"]  # fmt: skip
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, higher_plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        if higher_plans is not None:
            self.fields["implements"].queryset = higher_plans


class MilestoneForm(CleanTextMixin, forms.ModelForm):
    window_start = DateField(label="Từ ngày", required=False)
    due_on = DateField(label="Hạn")

    class Meta:
        model = Milestone
        fields = ["title", "deliverable", "window_start", "due_on"]


class OwingUnitsForm(CleanTextMixin, forms.Form):
    """Who owes a milestone: every unit of the issuer's subtree that matches the filters
    given, or the units ticked in the tree or whose codes are listed (pasted from a sheet)."""

    level = forms.ChoiceField(label="Cấp", required=False,
                              choices=[("", "Mọi cấp"), *Level.choices])  # fmt: skip
    kind = forms.ChoiceField(label="Loại", required=False,
                             choices=[("", "Mọi loại"), *UnitKind.choices])  # fmt: skip
    group = ModelChoiceField(EmulationGroup.objects.none(), required=False,
                             label="Cụm, khối thi đua")  # fmt: skip
    units = UnitsField(label="Hoặc đánh dấu từng đơn vị")
    codes = forms.CharField(
        label="Hoặc nhập mã từng đơn vị (cách nhau bởi dấu phẩy)", required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args, issuer: Unit, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.issuer = issuer
        self.fields["group"].queryset = groups
        self.fields["units"].set_root(issuer)

    def chosen_units(self) -> list[Unit]:
        """The units named one by one: ticked in the tree and listed by code."""
        ticked = self.cleaned_data["units"] + self.cleaned_data["codes"]
        return list({unit.pk: unit for unit in ticked}.values())

    def clean_codes(self):
        codes = [code.strip() for code in self.cleaned_data["codes"].split(",") if code.strip()]
        if len(codes) > MAX_CODES:
            raise ValidationError(f"Tối đa {MAX_CODES} mã mỗi lần.")
        found = list(Unit.objects.filter(path__startswith=self.issuer.path, code__in=codes))
        if missing := sorted(set(codes) - {unit.code for unit in found}):
            raise ValidationError(
                f"Không có đơn vị mã {', '.join(missing[:10])} thuộc {self.issuer.name}."
            )
        return found


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class RuleSetForm(CleanTextMixin, forms.ModelForm):
    kinds = forms.MultipleChoiceField(label="Loại đơn vị", required=False,
                                      choices=UnitKind.choices,
                                      widget=forms.CheckboxSelectMultiple)  # fmt: skip
    representation = forms.MultipleChoiceField(
        label="Cơ cấu phải báo cáo", required=False, choices=list(REPRESENTATION.items()),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    allowed_forms_text = forms.CharField(
        label="Hình thức được chọn (mỗi dòng một hình thức)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    dossier_text = forms.CharField(
        label="Hồ sơ sau hội nghị (mỗi dòng một văn bản)", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    window_start = DateField(label="Hoàn thành từ ngày", required=False)
    window_end = DateField(label="Hoàn thành trước ngày")
    pilot_deadline = DateField(label="Hạn hội nghị điểm", required=False)
    dossier_deadline = DateField(label="Hạn nộp hồ sơ", required=False)
    pilot_units = UnitsField(label="Đơn vị làm điểm")

    class Meta:
        model = ConferenceRuleSet
        fields = ["name", "kinds", "level", "min_size", "max_size", "window_start",
                  "window_end", "length", "delegate_cap", "plenary_below",
                  "exemplary_share_pct", "share_tolerance_pct", "representation",
                  "presidium_min", "presidium_max", "pilot_deadline", "pilot_needs_appraisal",
                  "dossier_deadline"]  # fmt: skip
        help_texts = {"min_size": "Số cán bộ hoặc người lao động của đơn vị.",
                      "max_size": "Để trống nếu không giới hạn."}  # fmt: skip

    field_order = ["name", "kinds", "level", "min_size", "max_size", "allowed_forms_text",
                   "window_start", "window_end", "length", "delegate_cap", "plenary_below",
                   "exemplary_share_pct", "share_tolerance_pct", "presidium_min",
                   "presidium_max", "representation", "dossier_text", "dossier_deadline",
                   "pilot_units", "pilot_deadline", "pilot_needs_appraisal"]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rules = self.instance
        self.fields["allowed_forms_text"].initial = "\n".join(rules.allowed_forms)
        self.fields["dossier_text"].initial = "\n".join(rules.dossier_documents)
        self.fields["pilot_units"].set_root(rules.plan.issuer)
        if rules.pk:
            pilots = rules.pilot_units.values_list("pk", flat=True)
            self.fields["pilot_units"].initial = list(pilots)

    def _post_clean(self):
        super()._post_clean()
        self.instance.allowed_forms = _lines(self.cleaned_data.get("allowed_forms_text", ""))
        self.instance.dossier_documents = _lines(self.cleaned_data.get("dossier_text", ""))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern of Django's documentation)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class DeliverForm(CleanTextMixin, forms.Form):
    note = forms.CharField(label="Ghi chú", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    linked_plan = ModelChoiceField(Plan.objects.none(), required=False,
                                   label="Kế hoạch của đơn vị")  # fmt: skip
    files = MultipleFileField(label="Tệp (PDF, Word, Excel, ảnh; chọn được nhiều tệp)",
                              required=False)  # fmt: skip

    def __init__(self, *args, own_plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linked_plan"].queryset = own_plans
