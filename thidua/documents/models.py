"""What a unit prints on its documents (Decree 30/2020/NĐ-CP, Art. 8 and Appendix I): the
body above it, its name as issuer, the abbreviation in «Số: …/KH-UBND», the place of the
date line, the standing recipients and who signs, in what capacity. Every field may be left
empty: the frame then derives it from the unit (thidua/documents/frame.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Capacity(models.TextChoices):
    """How the signer signs (Decree 30/2020, Art. 13): in their own name, for the head
    (KT.), on behalf of the collective body (TM.), or acting (Q.)."""

    OWN = "", _("Người đứng đầu ký")
    DEPUTY = "KT.", _("Ký thay (KT.)")
    COLLECTIVE = "TM.", _("Thay mặt tập thể (TM.)")
    ACTING = "Q.", _("Quyền (Q.)")


class Letterhead(models.Model):
    unit = models.OneToOneField("units.Unit", on_delete=models.CASCADE, primary_key=True,
                                related_name="letterhead")  # fmt: skip
    parent_body = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True,
        help_text=_("Dòng in thường phía trên tên cơ quan ban hành, ví dụ «Ủy ban nhân dân "
                    "tỉnh Thanh Hóa» trên «Sở Nội vụ». Để trống: lấy theo đơn vị cấp trên."),
    )  # fmt: skip
    issuer_name = models.CharField(
        _("tên cơ quan ban hành"), max_length=255, blank=True,
        help_text=_("Để trống: «Ủy ban nhân dân …» với xã, tỉnh; tên đơn vị với cơ quan khác."),
    )  # fmt: skip
    symbol = models.CharField(
        _("chữ viết tắt tên cơ quan"), max_length=30, blank=True,
        help_text=_("Dùng trong số, ký hiệu «Số: …/KH-UBND». Để trống: «UBND» với xã, tỉnh; "
                    "chữ đầu của tên với cơ quan khác."),
    )  # fmt: skip
    place = models.CharField(_("địa danh"), max_length=100, blank=True,
                             help_text=_("Ghi trước ngày tháng, ví dụ «Đại Sơn»."))  # fmt: skip
    capacity = models.CharField(_("thẩm quyền ký"), max_length=3, choices=Capacity.choices,
                                blank=True, default=Capacity.OWN)  # fmt: skip
    position = models.CharField(_("chức vụ người đứng đầu"), max_length=100, blank=True,
                                help_text=_("Ví dụ «Chủ tịch», «Giám đốc»."))  # fmt: skip
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=100, blank=True,
        help_text=_("Khi ký thay (KT.), ví dụ «Phó Chủ tịch»."),
    )  # fmt: skip
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    recipients = models.TextField(
        _("nơi nhận thường gửi"), blank=True,
        help_text=_("Mỗi dòng một nơi nhận, thêm vào «Nơi nhận» của mọi văn bản."),
    )  # fmt: skip
    drafting_unit = models.CharField(
        _("bộ phận soạn thảo"), max_length=30, blank=True,
        help_text=_("Viết tắt, ghi sau «Lưu: VT,», ví dụ «VHXH»."),
    )  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thông tin văn bản")
        verbose_name_plural = _("thông tin văn bản")

    def __str__(self) -> str:
        return str(self.unit)

    def clean(self):
        if self.capacity == Capacity.DEPUTY and not self.signer_title.strip():
            raise ValidationError({"signer_title": _("Ký thay (KT.) cần chức vụ của người ký, "
                                                     "ví dụ «Phó Chủ tịch».")})  # fmt: skip
