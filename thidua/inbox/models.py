from django.conf import settings
from django.db import models


class Notice(models.Model):
    """An in-app notice for a user: shown in the menu's count and on the notices page until
    read. Created by `services.notify_units` (and by the deadline reminders). The table kept
    its name when the model moved here from plans (migration inbox 0001)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notices")  # fmt: skip
    text = models.CharField(max_length=500)
    link = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "plans_notice"
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        indexes = [
            # The menu's unread count, and the notices page (newest first).
            models.Index(fields=["user", "read_at"], name="notice_user_unread_idx"),
            models.Index(fields=["user", "-created_at"], name="notice_user_created_idx"),
        ]

    def __str__(self) -> str:
        return self.text
