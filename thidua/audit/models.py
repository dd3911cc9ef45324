"""The audit trail: who changed what, when, and from what to what."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    LOAD = "load", _("Nạp dữ liệu")


class AuditEvent(models.Model):
    """One change. `scope_path` is the path of the unit the change belongs to, so the trail
    is scoped like everything else and survives the deletion of that unit."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    actor_name = models.CharField(_("người thực hiện"), max_length=150)
    action = models.CharField(_("thao tác"), max_length=10, choices=Action.choices)
    target_type = models.CharField(_("loại đối tượng"), max_length=60)
    target_id = models.CharField(max_length=40)
    target_repr = models.CharField(_("đối tượng"), max_length=255)
    scope_path = models.CharField(max_length=255, db_index=True)
    changes = models.JSONField(_("nội dung thay đổi"), default=dict, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.action} {self.target_repr}"
