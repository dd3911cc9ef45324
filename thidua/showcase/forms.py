from django import forms

from thidua.accounts.models import Role, UnitRole
from thidua.core.forms import CleanTextMixin, DateField, ModelMultipleChoiceField
from thidua.exemplars.enums import EvidenceKind
from thidua.exemplars.models import Evidence
from thidua.showcase.models import Publication, PublicationState
from thidua.showcase.services import MAX_PHOTOS
from thidua.units.models import Unit
from thidua.units.scope import scope_for


class ConsentForm(CleanTextMixin, forms.Form):
    given_on = DateField(label="Ngày đồng ý")
    note = forms.CharField(
        label="Hình thức đồng ý",
        max_length=255,
        help_text="Ví dụ: Giấy đồng ý có chữ ký, lưu tại bộ phận văn hóa – xã hội",
    )


class WithdrawConsentForm(CleanTextMixin, forms.Form):
    note = forms.CharField(
        label="Lý do rút lại",
        max_length=255,
        help_text="Mọi trang công khai của người này sẽ bị gỡ ngay.",
    )


class PublicationForm(CleanTextMixin, forms.Form):
    headline = forms.CharField(label="Tiêu đề", max_length=255)
    story = forms.CharField(
        label="Câu chuyện",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Viết cho bạn đọc: việc làm, cách làm, kết quả.",
    )
    photos = ModelMultipleChoiceField(
        label=f"Ảnh công khai (tối đa {MAX_PHOTOS})",
        queryset=Evidence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Ảnh được thu nhỏ và xóa thông tin vị trí chụp trước khi công khai.",
    )

    def __init__(self, *args, exemplar, **kwargs):
        super().__init__(*args, **kwargs)
        images = exemplar.evidence.filter(kind=EvidenceKind.IMAGE).order_by("pk")
        self.fields["photos"].queryset = images
        self.fields["photos"].label_from_instance = lambda e: e.note or e.original_name

    def clean_photos(self):
        photos = list(self.cleaned_data["photos"])
        if len(photos) > MAX_PHOTOS:
            raise forms.ValidationError(f"Chọn tối đa {MAX_PHOTOS} ảnh.")
        return photos


class UnpublishForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(label="Lý do thôi công khai", max_length=500)


PAGES_OFFERED = 300  # the booklet form lists this many published pages, newest first


class BookletForm(CleanTextMixin, forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị biên soạn", queryset=Unit.objects.none())
    title = forms.CharField(
        label="Tên ấn phẩm", max_length=255, initial="Những tấm gương điển hình tiên tiến"
    )
    foreword = forms.CharField(
        label="Lời giới thiệu", max_length=10_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    pages = ModelMultipleChoiceField(
        label="Gương điển hình đưa vào ấn phẩm",
        queryset=Publication.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Các trang đang công khai thuộc phạm vi của bạn ({PAGES_OFFERED} trang "
        "mới nhất). Ấn phẩm xếp theo địa phương, rồi theo tên.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        officer_units = Unit.objects.filter(
            pk__in=UnitRole.objects.filter(user=user, role=Role.OFFICER).values("unit_id")
        )
        self.fields["unit"].queryset = Unit.objects.all() if user.is_superuser else officer_units
        published = Publication.objects.filter(state=PublicationState.PUBLISHED)
        visible = published.filter(scope.q("exemplar__unit__path")).order_by("-published_at")
        ids = list(visible.values_list("pk", flat=True)[:PAGES_OFFERED])
        offered = Publication.objects.filter(pk__in=ids).select_related("exemplar__unit")
        self.fields["pages"].queryset = offered.order_by("place", "name")
        self.fields["pages"].label_from_instance = lambda p: f"{p.headline} — {p.name}, {p.place}"
