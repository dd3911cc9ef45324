from django import forms
from django.utils import timezone

from thidua.core.forms import (
    CleanTextMixin,
    DateField,
    ModelChoiceField,
    ModelMultipleChoiceField,
    SearchChoice,
)
from thidua.exemplars.enums import (
    Gender,
    Leadership,
    Occupation,
    RecognitionLevel,
    Stage,
    SubjectKind,
    SupportKind,
)
from thidua.exemplars.models import Field
from thidua.movements.models import Movement
from thidua.units.models import Unit, UnitKind
from thidua.units.selectors import visible_units

YEAR = {"min_value": 1900, "max_value": 2100}


class SubjectForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label="Đối tượng", choices=SubjectKind.choices)
    name = forms.CharField(label="Họ và tên / tên tập thể", max_length=255)
    gender = forms.ChoiceField(
        label="Giới tính", choices=[("", "—"), *Gender.choices], required=False
    )
    birth_year = forms.IntegerField(label="Năm sinh", required=False, **YEAR)
    ethnicity = forms.CharField(label="Dân tộc", max_length=60, required=False, initial="Kinh")
    occupation = forms.ChoiceField(
        label="Nhóm nghề nghiệp", choices=[("", "—"), *Occupation.choices], required=False
    )
    is_direct_labourer = forms.BooleanField(label="Trực tiếp lao động, sản xuất", required=False)
    position = forms.CharField(label="Chức vụ", max_length=255, required=False)
    leadership = forms.ChoiceField(label="Cấp lãnh đạo", choices=[("", "— Không —"),
                                                                  *Leadership.choices],
                                   required=False)  # fmt: skip
    collective_kind = forms.CharField(label="Loại tập thể", max_length=100, required=False)
    size = forms.IntegerField(
        label="Số thành viên", min_value=1, max_value=2_000_000, required=False
    )
    note = forms.CharField(
        label="Ghi chú", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    confirm_duplicate = forms.BooleanField(
        label="Tôi đã kiểm tra: đây là người/tập thể khác, vẫn thêm mới", required=False
    )

    # The fields that describe one kind of subject, shown together (and only for that kind
    # where the page runs JavaScript); what was typed for another kind is not kept.
    GROUPS = [
        ("Đối tượng", (), ["kind", "name"]),
        ("Thông tin cá nhân", (SubjectKind.INDIVIDUAL,),
         ["gender", "birth_year", "ethnicity", "occupation", "is_direct_labourer", "position",
          "leadership"]),
        ("Thông tin tập thể", (SubjectKind.COLLECTIVE,), ["collective_kind"]),
        ("Quy mô", (SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD), ["size"]),
        ("", (), ["note", "confirm_duplicate"]),
    ]  # fmt: skip

    def groups(self):
        """(legend, kinds it is for — empty for every kind —, bound fields) per group."""
        return [(legend, " ".join(kinds), [self[name] for name in names])
                for legend, kinds, names in self.GROUPS]  # fmt: skip

    def clean(self):
        """Drop what was typed in another kind's fields, with its errors: a birth year
        mistyped while «Cá nhân» was chosen must not block saving a collective."""
        data = super().clean()
        kind = data.get("kind")
        for _legend, kinds, names in self.GROUPS:
            if kinds and kind and kind not in kinds:
                for name in names:
                    data[name] = self.fields[name].to_python(None)
                    self._errors.pop(name, None)
        return data


class ExemplarForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label="Mô hình, cách làm hay", max_length=255)
    field = forms.ModelChoiceField(label="Lĩnh vực", queryset=Field.objects.all())
    description = forms.CharField(
        label="Mô tả", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    achievements = forms.CharField(
        label="Thành tích", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    year_from = forms.IntegerField(label="Từ năm", **YEAR)
    year_to = forms.IntegerField(label="Đến năm", required=False, **YEAR)
    movements = ModelMultipleChoiceField(
        label="Phong trào thi đua", queryset=Movement.objects.none(), required=False
    )

    def __init__(self, *args, movements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if movements is not None:
            self.fields["movements"].queryset = movements

    def clean(self):
        data = super().clean()
        if data.get("year_to") and data.get("year_from") and data["year_to"] < data["year_from"]:
            self.add_error("year_to", "Năm kết thúc phải từ năm bắt đầu trở đi.")
        return data


class FilterForm(CleanTextMixin, forms.Form):
    def __init__(self, *args, movements=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Searched as typed: a national administrator sees every movement of the nation,
        # which a <select> would render whole on every list page. (The queryset, set after
        # the widget, gives the widget its choices.)
        self.fields["movement"].widget = SearchChoice("phong-trao")
        self.fields["movement"].queryset = (
            movements if movements is not None else self.fields["movement"].queryset
        )

    q = forms.CharField(label="Tìm", max_length=200, required=False)
    stage = forms.ChoiceField(
        label="Giai đoạn", choices=[("", "Tất cả"), *Stage.choices], required=False
    )
    field = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=Field.objects.all(), required=False, empty_label="Tất cả"
    )
    kind = forms.ChoiceField(
        label="Đối tượng", choices=[("", "Tất cả"), *SubjectKind.choices], required=False
    )
    year = forms.IntegerField(label="Năm", required=False, **YEAR)
    movement = ModelChoiceField(
        label="Phong trào", queryset=Movement.objects.none(), required=False, empty_label="Tất cả"
    )
    unit = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1,
                              max_value=10**15)  # fmt: skip


class TransitionForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label="Lý do, ghi chú", max_length=2000, required=False,
        error_messages={"max_length": "Lý do dài quá 2000 ký tự."},
    )  # fmt: skip


class EvidenceForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label="Tệp minh chứng (ảnh, PDF, video)")
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)


class NurturingForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label="Hình thức hỗ trợ", choices=SupportKind.choices)
    on = DateField(label="Ngày")
    by = forms.CharField(label="Đơn vị, người hỗ trợ", max_length=255)
    note = forms.CharField(
        label="Nội dung", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class RecognitionForm(CleanTextMixin, forms.Form):
    level = forms.ChoiceField(label="Cấp", choices=RecognitionLevel.choices)
    occasion = forms.CharField(label="Dịp, hình thức", max_length=255)
    on = DateField(label="Ngày")
    decision = forms.CharField(
        label="Số quyết định", max_length=100, required=False, help_text="Ví dụ: 125/QĐ-UBND"
    )

    def clean_on(self):
        """Shown under the date (the workflow refuses it too, for the API and others)."""
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError("Ngày công nhận không được sau hôm nay.")
        return on


class ReplicationForm(CleanTextMixin, forms.Form):
    unit = ModelChoiceField(label="Đơn vị áp dụng", queryset=Unit.objects.none())
    adopted_on = DateField(label="Ngày áp dụng")
    result = forms.CharField(
        label="Kết quả", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Any current unit the officer can see, but not villages: models spread between
        # communes, agencies and enterprises.
        self.fields["unit"].widget = SearchChoice("don-vi", {"khong": "village,nation"})
        self.fields["unit"].queryset = (
            visible_units(user)
            .filter(valid_to__isnull=True)
            .exclude(kind__in=[UnitKind.VILLAGE, UnitKind.NATION])
            .order_by("depth", "sort_name")
        )
