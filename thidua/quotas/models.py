"""Exemplars that members of clusters and blocks send each period to the province's standing
body, which accepts or returns each (sample 001 §IV.1); the workflow is in workflows.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionState(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ xem xét")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


class SubmissionAction(models.TextChoices):
    """The actions of the workflow declared in workflows.py (who may take each, from
    which state): sending a new submission is not one of them, it creates the row."""

    ACCEPT = "accept", _("Chấp nhận")
    RETURN = "return", _("Trả lại")
    RESUBMIT = "resubmit", _("Gửi lại")


class Submission(models.Model):
    """An exemplar a member sends for a period; accepted ones count towards its minimum."""

    membership = models.ForeignKey(
        "units.GroupMembership", on_delete=models.PROTECT, related_name="submissions"
    )
    period_key = models.CharField(max_length=10)
    exemplar = models.ForeignKey(
        "exemplars.Exemplar", on_delete=models.PROTECT, related_name="quota_submissions"
    )
    state = models.CharField(
        max_length=10, choices=SubmissionState.choices, default=SubmissionState.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    # The reason of the last decision, shown beside the submission; every decision, with
    # who took it and when, is in the transition ledger (`history(submission)`).
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("điển hình gửi theo chỉ tiêu")
        verbose_name_plural = _("điển hình gửi theo chỉ tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "period_key", "exemplar"], name="submission_unique"
            )
        ]
        indexes = [models.Index(fields=["membership", "period_key"], name="submission_period_idx")]

    def __str__(self) -> str:
        return f"{self.exemplar} ({self.period_key})"
