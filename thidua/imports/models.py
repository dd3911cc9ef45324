from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    CHECKING = "checking", _("Đang kiểm tra")
    WRITING = "writing", _("Đang ghi dữ liệu")
    DONE = "done", _("Hoàn tất")
    INVALID = "invalid", _("Có lỗi, chưa nhập gì")
    FAILED = "failed", _("Lỗi hệ thống, chưa nhập gì")


class ImportJob(models.Model):
    """One uploaded workbook of subjects and exemplars, checked then imported as a whole by a
    background task; the page polls its progress."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    state = models.CharField(max_length=10, choices=ImportState.choices, default=ImportState.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    checked_rows = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_subjects = models.PositiveIntegerField(default=0)
    created_exemplars = models.PositiveIntegerField(default=0)
    skipped_rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("imports:job", args=[self.pk])

    @property
    def percent(self) -> int:
        if self.state in {ImportState.DONE, ImportState.INVALID}:
            return 100
        if not self.total_rows:
            return 0
        return min(99, round(90 * self.checked_rows / self.total_rows))

    @property
    def finished(self) -> bool:
        return self.state in {ImportState.DONE, ImportState.INVALID, ImportState.FAILED}
