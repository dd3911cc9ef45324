from django import forms
from django.core.exceptions import ValidationError

from thidua.certificates.layout import FIELDS, MAX_MM, positions
from thidua.certificates.models import CertificateLayout
from thidua.core.forms import CleanTextMixin
from thidua.documents.uploads import check_content

EMBLEM_TYPES = {"image/png": ("image", {"png"}), "image/jpeg": ("image", {"jpg", "jpeg"})}
EMBLEM_MB = 2
MM_ERRORS = {
    "required": "Cần nhập vị trí (mm).",
    "invalid": "Nhập số mi-li-mét, ví dụ 20 hoặc 20,5.",
    "min_value": "Không được âm.",
    "max_value": f"Tối đa {MAX_MM} mm (cạnh dài của khổ A3).",
    "max_decimal_places": "Chỉ một chữ số sau dấu phẩy.",
    "max_digits": "Số quá dài.",
}


class LayoutForm(CleanTextMixin, forms.ModelForm):
    """The layout's text blocks, emblem and paper, and three numbers per field (x, y and
    width in millimetres), shown with the paper's defaults where the officer set none."""

    # Checked by content here (documents.uploads), not by the image field's own decoder.
    emblem = forms.FileField(label="Quốc huy, biểu trưng (PNG, JPEG, tối đa 2 MB)",
                             required=False)  # fmt: skip

    class Meta:
        model = CertificateLayout
        fields = ["heading", "body", "emblem", "paper", "preprinted"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"body": "«{nam}» được thay bằng năm thành tích."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        placed = positions(self.instance)
        for field, (label, *_default) in FIELDS.items():
            for index, axis in enumerate(("x", "y", "rộng")):
                self.fields[f"{field}_{index}"] = forms.DecimalField(
                    label=f"{label}: {axis} (mm)", min_value=0, max_value=MAX_MM,
                    decimal_places=1, initial=placed[field][index], localize=True,
                    error_messages=MM_ERRORS,
                )  # fmt: skip

    def position_rows(self):
        """(label, [x, y, width bound fields]) per field, for the page's table."""
        return [(label, [self[f"{field}_{i}"] for i in range(3)])
                for field, (label, *_rest) in FIELDS.items()]  # fmt: skip

    def clean_emblem(self):
        emblem = self.cleaned_data.get("emblem")
        if emblem and hasattr(emblem, "content_type"):  # a new upload, not the stored file
            try:
                check_content(emblem, accepted=EMBLEM_TYPES, limit_mb=lambda _kind: EMBLEM_MB,
                              refused="không phải ảnh PNG hoặc JPEG")  # fmt: skip
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return emblem

    def clean(self):
        data = super().clean()
        self.instance.positions = {
            field: [float(data[f"{field}_{i}"]) for i in range(3)]
            for field in FIELDS if all(data.get(f"{field}_{i}") is not None for i in range(3))
        }  # fmt: skip
        return data
