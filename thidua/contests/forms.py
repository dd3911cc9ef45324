import re

from django import forms

from thidua.accounts.models import Role, UnitRole, User
from thidua.contests.models import Category
from thidua.core.forms import CleanTextMixin, DateField
from thidua.documents.uploads import check_content
from thidua.units.models import Unit

MAX_PHOTOS, PHOTO_MAX_MB, MAX_TEXT = 3, 5, 20_000
IMAGES = {
    "image/jpeg": ("ảnh", {"jpg", "jpeg"}),
    "image/png": ("ảnh", {"png"}),
    "image/webp": ("ảnh", {"webp"}),
}
# The number at the end of a line, after «:» or a dash. Searched from its separator: a
# pattern anchored at the line's start backtracks over long runs of spaces (a line of
# 40,000 took seconds); this one reads each character a bounded number of times.
NUMBER_AT_END = re.compile(r"[:–-]\s*(\d{1,4})$")
MAX_LINES_TEXT = 4000


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _numbered(text: str, label: str, top: int) -> list[tuple[str, int]]:
    """Lines «name: number», each checked; the error names the line."""
    rows = []
    for n, line in enumerate(_lines(text), start=1):
        found = NUMBER_AT_END.search(line)
        name = line[: found.start()].strip() if found else ""
        if not name or not 1 <= int(found[1]) <= top:
            raise forms.ValidationError(
                f"Dòng {n} («{line[:40]}»): viết «{label}: số» với số từ 1 đến {top}."
            )
        rows.append((name[:150], int(found[1])))
    return rows


class ContestForm(CleanTextMixin, forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị tổ chức", queryset=Unit.objects.none())
    title = forms.CharField(
        label="Tên cuộc thi", max_length=255, initial="Cuộc thi viết «Gương người tốt quanh ta»"
    )
    rules = forms.CharField(
        label="Thể lệ", max_length=20_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    opens_on = DateField(label="Nhận bài từ ngày")
    closes_on = DateField(label="Đến hết ngày")
    categories = forms.CharField(
        label="Thể loại (mỗi dòng một thể loại)",
        max_length=MAX_LINES_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    prizes = forms.CharField(
        label="Giải thưởng (mỗi dòng «tên giải: số giải»)",
        max_length=MAX_LINES_TEXT,
        initial="Giải Nhất: 1\nGiải Nhì: 2\nGiải Ba: 3",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    criteria = forms.CharField(
        label="Tiêu chí chấm (mỗi dòng «tiêu chí: điểm tối đa»)",
        max_length=MAX_LINES_TEXT,
        initial="Nội dung, tính chân thực: 50\nTính lan tỏa: 30\nHình thức thể hiện: 20",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    judges = forms.ModelMultipleChoiceField(
        label="Giám khảo", queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = UnitRole.objects.filter(user=user, role=Role.OFFICER).values("unit_id")
        if contest is not None:  # an edit keeps its unit (its officer may serve above it)
            units = Unit.objects.filter(pk=contest.unit_id).values("pk")
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=units)
        # The judges are people with an account on the organising unit(s) (council
        # members, leaders, officers), named in full; judges chosen before stay offered.
        people = UnitRole.objects.filter(unit_id__in=units).values("user_id")
        ids = list(
            User.objects.filter(pk__in=people, is_active=True)
            .order_by("username")
            .values_list("pk", flat=True)[:200]
        )
        if contest is not None:
            ids += list(contest.judges.values_list("pk", flat=True))
        self.fields["judges"].queryset = User.objects.filter(pk__in=ids).order_by("username")
        self.fields["judges"].label_from_instance = lambda u: u.get_full_name() or u.username

    def clean_categories(self):
        return [name[:150] for name in _lines(self.cleaned_data["categories"])][:20]

    def clean_prizes(self):
        return _numbered(self.cleaned_data["prizes"], "tên giải", 100)

    def clean_criteria(self):
        return _numbered(self.cleaned_data["criteria"], "tiêu chí", 100)

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "Ngày kết thúc phải từ ngày bắt đầu trở đi.")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS images, each checked by its content and size."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(f"Gửi tối đa {MAX_PHOTOS} ảnh.")
        for upload in files:
            check_content(
                upload,
                accepted=IMAGES,
                limit_mb=lambda _kind: PHOTO_MAX_MB,
                refused="không phải ảnh JPEG, PNG hay WebP",
            )
        return files


class EntryForm(CleanTextMixin, forms.Form):
    """A visitor's story. `website` is a honeypot: hidden from people (public.css), a
    robot that fills every field fills it too, and the story is refused."""

    category = forms.ModelChoiceField(
        label="Thể loại", queryset=Category.objects.none(), required=False
    )
    author_name = forms.CharField(label="Họ và tên của bạn", max_length=150)
    author_contact = forms.CharField(
        label="Điện thoại hoặc thư điện tử của bạn",
        max_length=150,
        help_text="Chỉ ban tổ chức thấy, để liên hệ khi cần.",
    )
    person_name = forms.CharField(label="Người tốt bạn viết về", max_length=150)
    person_place = forms.CharField(label="Nơi ở, nơi làm việc của người đó", max_length=255)
    title = forms.CharField(label="Tên bài viết", max_length=255)
    text = forms.CharField(
        label="Bài viết",
        min_length=200,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    photos = PhotosField(
        label=f"Ảnh (tối đa {MAX_PHOTOS} ảnh, mỗi ảnh đến {PHOTO_MAX_MB} MB)", required=False
    )
    agree = forms.BooleanField(
        label="Tôi là tác giả bài viết và đồng ý để ban tổ chức sử dụng bài viết cho cuộc thi"
    )
    website = forms.CharField(label="Trang web (để trống)", required=False)

    def __init__(self, *args, contest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = contest.categories.all()
        if not contest.categories.exists():
            del self.fields["category"]

    def clean(self):
        data = super().clean()
        if data.get("website"):  # shown above the form, not under a field nobody sees
            raise forms.ValidationError("Không gửi được bài.")
        return data


class ResubmitForm(EntryForm):
    """The same story, edited by its author after changes were asked (photos are kept)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("photos", "agree", "category"):
            self.fields.pop(name, None)


class ReasonForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(label="Lý do", max_length=1000, required=False)
