"""Forms of conferences and delegates; a refused form keeps what was typed."""

from django import forms

from thidua.conferences.allotment import RULES
from thidua.conferences.models import AgendaItem, Conference, Delegate
from thidua.core.forms import CleanTextMixin, DateField, ModelChoiceField, SearchChoice
from thidua.exemplars.models import Exemplar, Subject
from thidua.plans.models import Plan
from thidua.units.models import Unit, UnitKind
from thidua.units.widgets import UnitsField


class ConferenceForm(CleanTextMixin, forms.ModelForm):
    plan = ModelChoiceField(Plan.objects.none(), required=False, label="Thực hiện kế hoạch")
    held_on = DateField(label="Ngày tổ chức", required=False)
    starts_at = forms.TimeField(
        label="Giờ khai mạc", required=False, input_formats=["%H:%M", "%Hh%M", "%H giờ %M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
        error_messages={"invalid": "Nhập giờ theo dạng 07:30."},
    )  # fmt: skip
    edition = forms.IntegerField(label="Lần thứ", min_value=1, max_value=50, initial=1)
    period_start = forms.IntegerField(label="Giai đoạn từ năm", min_value=1945, max_value=2100)
    period_end = forms.IntegerField(label="Đến năm", min_value=1945, max_value=2100)
    budget_estimate = forms.IntegerField(
        label="Dự toán (đồng)", min_value=0, max_value=10**15, required=False
    )
    budget_actual = forms.IntegerField(
        label="Quyết toán (đồng)", min_value=0, max_value=10**15, required=False
    )

    class Meta:
        model = Conference
        fields = [
            "plan",
            "kind",
            "form",
            "name",
            "edition",
            "period_start",
            "period_end",
            "held_on",
            "starts_at",
            "length",
            "venue",
            "is_pilot",
            "budget_estimate",
            "budget_actual",
            "feeds",
        ]
        help_texts = {
            "name": "Để trống để hệ thống đặt tên theo mẫu.",
            "form": "Một trong các hình thức quy định của kế hoạch cho phép.",
        }

    feeds = ModelChoiceField(
        Conference.objects.none(),
        required=False,
        label="Gửi đại biểu dự hội nghị, đại hội cấp trên",
    )

    def __init__(self, *args, plans, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["feeds"].queryset = Conference.objects.filter(unit_id__in=unit.ancestor_ids)
        self.fields["name"].required = False
        if self.instance.pk:
            del self.fields["plan"]


class DelegateForm(CleanTextMixin, forms.ModelForm):
    exemplar = ModelChoiceField(
        Exemplar.objects.none(), required=False, label="Từ điển hình (để trống nếu là khách mời)"
    )
    subject = ModelChoiceField(
        Subject.objects.none(), required=False, label="Hoặc từ cá nhân, tập thể đã có"
    )
    reviewed_on = DateField(label="Ngày bình xét", required=False)

    class Meta:
        model = Delegate
        fields = [
            "exemplar",
            "subject",
            "full_name",
            "category",
            "gender",
            "birth_year",
            "ethnicity",
            "position",
            "workplace",
            "origin_unit",
            "is_direct_labourer",
            "economic_sector",
            "is_presidium",
            "is_speaker",
            "is_honouree",
            "to_upper",
            "review_unit",
            "reviewed_on",
            "votes_for",
            "votes_total",
        ]

    def __init__(self, *args, exemplars, subjects, units, unit, **kwargs):
        super().__init__(*args, **kwargs)
        # Chosen by typing: a province congress could offer a million exemplars.
        self.fields["exemplar"].widget = SearchChoice("dien-hinh", {"trong": unit.pk})
        self.fields["exemplar"].queryset = exemplars
        self.fields["subject"].widget = SearchChoice("ca-nhan", {"trong": unit.pk})
        self.fields["subject"].queryset = subjects
        self.fields["full_name"].required = False
        for name in ("origin_unit", "review_unit"):  # a province has hundreds of units
            self.fields[name].widget = SearchChoice("don-vi", {"trong": unit.pk})
            self.fields[name].queryset = units

    def clean(self):
        data = super().clean()
        votes_for, total = data.get("votes_for"), data.get("votes_total")
        if votes_for is not None and total is not None and votes_for > total:
            self.add_error("votes_for", "Số phiếu đồng ý không thể lớn hơn tổng số phiếu.")
        if not data.get("full_name") and not data.get("exemplar") and not data.get("subject"):
            self.add_error("full_name", "Cần họ và tên, hoặc chọn một điển hình.")
        return data


class QuotaForm(CleanTextMixin, forms.Form):
    """The same quota for every unit ticked (or one unit, to adjust it)."""

    unit = UnitsField(label="Đơn vị cấp dưới", required=True)
    number = forms.IntegerField(label="Số đại biểu", min_value=1, max_value=2000)
    min_women = forms.IntegerField(
        label="Tối thiểu nữ", min_value=0, max_value=2000, required=False
    )
    min_direct_labourers = forms.IntegerField(
        label="Tối thiểu trực tiếp lao động", min_value=0, max_value=2000, required=False
    )

    def __init__(self, *args, conference_unit: Unit, **kwargs):
        """The units below the conference's, ticked in the tree picker or found by name."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].set_root(conference_unit)
        self.fields["unit"].queryset = self.fields["unit"].queryset.exclude(pk=conference_unit.pk)


AgendaFormSet = forms.modelformset_factory(
    AgendaItem, fields=["position", "title", "presenter", "minutes"], extra=2, can_delete=True
)


class OutcomeForm(forms.ModelForm):
    """What a held conference cost and how many came, recorded afterwards."""

    budget_actual = forms.IntegerField(
        label="Quyết toán (đồng)", min_value=0, max_value=10**15, required=False
    )
    attended = forms.IntegerField(
        label="Số đại biểu có mặt", min_value=0, max_value=100_000, required=False,
        help_text="Để trống: lấy theo điểm danh.",
    )  # fmt: skip

    class Meta:
        model = Conference
        fields = ["budget_actual", "attended"]


class AllotForm(CleanTextMixin, forms.Form):
    """All the units of a kind below the conference's at once, by a rule."""

    kind = forms.ChoiceField(label="Các đơn vị loại")
    rule = forms.ChoiceField(label="Quy tắc phân bổ", choices=list(RULES.items()))
    total = forms.IntegerField(label="Tổng số đại biểu phân bổ", min_value=1, max_value=20_000)
    women_pct = forms.IntegerField(label="Tỷ lệ nữ tối thiểu (%)", min_value=0, max_value=100,
                                   required=False)  # fmt: skip

    def __init__(self, *args, conference_unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = (Unit.objects.filter(parent=conference_unit, valid_to__isnull=True)
                 .values_list("kind", flat=True).distinct().order_by())  # fmt: skip
        labels = dict(UnitKind.choices)
        self.fields["kind"].choices = [(kind, labels.get(kind, kind)) for kind in sorted(kinds)]
