"""Inspections of emulation and commendation work (kiểm tra công tác thi đua, khen thưởng;
sample 001 asks the standing body to inspect units every year and follow up): planned by
a unit's officers for a unit below, with a checklist (copied from checklist.json, then
edited), findings per item, fixes requested with deadlines that the inspected unit
delivers and the inspectors accept or return, and the conclusion (kết luận kiểm tra)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class InspectionState(models.TextChoices):
    PLANNED = "planned", _("Đã lên kế hoạch")
    INSPECTED = "inspected", _("Đã kiểm tra")
    CONCLUDED = "concluded", _("Đã kết luận")


class InspectionAction(models.TextChoices):
    RECORD = "record", _("Ghi nhận đã kiểm tra")
    CONCLUDE = "conclude", _("Ban hành kết luận kiểm tra")
    REOPEN = "reopen", _("Mở lại để sửa")


class Inspection(models.Model):
    by_unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị kiểm tra"),
                                on_delete=models.PROTECT, related_name="+")  # fmt: skip
    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị được kiểm tra"),
                             on_delete=models.PROTECT, related_name="inspections")  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm"))
    planned_on = models.DateField(_("ngày kiểm tra"))
    inspectors = models.CharField(_("đoàn kiểm tra"), max_length=500)
    state = models.CharField(_("trạng thái"), max_length=10, choices=InspectionState.choices,
                             default=InspectionState.PLANNED)  # fmt: skip
    conclusion = models.TextField(_("kết luận"), blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["-planned_on", "-pk"]
        indexes = [
            models.Index(fields=["unit", "-planned_on"], name="inspection_unit_idx"),
            models.Index(fields=["by_unit", "-planned_on"], name="inspection_by_idx"),
        ]

    def __str__(self) -> str:
        return f"Kiểm tra {self.unit.name} năm {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("inspections:detail", args=[self.pk])


class CheckItem(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("nội dung kiểm tra"), max_length=500)
    met = models.BooleanField(_("đạt"), null=True, blank=True)
    finding = models.TextField(_("kết quả kiểm tra"), blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class FixState(models.TextChoices):
    PENDING = "pending", _("Chưa khắc phục")
    DELIVERED = "delivered", _("Đã báo cáo khắc phục")
    ACCEPTED = "accepted", _("Đã khắc phục")
    RETURNED = "returned", _("Yêu cầu khắc phục tiếp")


class FixAction(models.TextChoices):
    DELIVER = "deliver", _("Báo cáo kết quả khắc phục")
    ACCEPT = "accept", _("Xác nhận đã khắc phục")
    RETURN = "return", _("Yêu cầu khắc phục tiếp")


class Fix(models.Model):
    """What the inspected unit must put right by a day: owed like a plan's obligation."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="fixes")
    item = models.ForeignKey(CheckItem, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="fixes")  # fmt: skip
    text = models.CharField(_("yêu cầu khắc phục"), max_length=1000)
    due_on = models.DateField(_("hạn khắc phục"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=FixState.choices,
                             default=FixState.PENDING)  # fmt: skip
    report = models.TextField(_("báo cáo khắc phục"), blank=True)
    delivered_on = models.DateField(_("ngày báo cáo"), null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu khắc phục")
        verbose_name_plural = _("yêu cầu khắc phục")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("inspections:detail", args=[self.inspection_id]) + f"#fix-{self.pk}"


class ItemFile(models.Model):
    """A file the inspectors attach to a checklist item as evidence of what they found."""

    item = models.ForeignKey(CheckItem, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="kiem-tra/minh-chung/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
