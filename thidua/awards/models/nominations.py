"""Nominations (đề nghị khen thưởng): a unit proposes one of its subjects for an award of a
year; the nomination climbs, level by level, to the unit whose head may grant the award
(the catalogue's authorities), which reviews, approves and decides. The states and actions
are declared on the workflow core (awards/workflows.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.catalogue import Award, CommendationType
from thidua.exemplars.models import Subject


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi, chờ tiếp nhận")
    IN_REVIEW = "in_review", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    APPROVED = "approved", _("Đã được đồng ý")
    REJECTED = "rejected", _("Không đồng ý")
    DECIDED = "decided", _("Đã có quyết định")
    WITHDRAWN = "withdrawn", _("Đã rút")


class NominationAction(models.TextChoices):
    SUBMIT = "submit", _("Gửi đề nghị")
    RECEIVE = "receive", _("Tiếp nhận, thẩm định")
    FORWARD = "forward", _("Trình cấp trên")
    RETURN = "return", _("Trả lại")
    APPROVE = "approve", _("Đồng ý khen thưởng")
    REJECT = "reject", _("Không đồng ý")
    CANCEL_APPROVAL = "cancel_approval", _("Hủy đồng ý")
    RESUBMIT = "resubmit", _("Gửi lại")
    WITHDRAW = "withdraw", _("Rút đề nghị")
    DECIDE = "decide", _("Ra quyết định")


# A nomination in these states still stands: the same subject, award and year once only.
N = NominationState
STANDING = [N.DRAFT, N.SUBMITTED, N.IN_REVIEW, N.RETURNED, N.APPROVED, N.DECIDED]


class Nomination(models.Model):
    """`unit` proposes (its officers draft, submit, withdraw); `at_unit` holds it now (its
    officers receive, forward, return, approve); `deciding_unit` is where it ends."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị đề nghị"))  # fmt: skip
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="nominations",
                                verbose_name=_("đối tượng"))  # fmt: skip
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="nominations",
                              verbose_name=_("danh hiệu, hình thức"))  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    commendation_type = models.CharField(_("loại hình"), max_length=10,
                                         choices=CommendationType.choices,
                                         default=CommendationType.MERIT)  # fmt: skip
    achievement = models.TextField(_("tóm tắt thành tích"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=NominationState.choices,
                             default=NominationState.DRAFT)  # fmt: skip
    at_unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                                null=True, blank=True, verbose_name=_("đang ở"))  # fmt: skip
    deciding_unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("cấp quyết định"),
    )
    reason = models.TextField(_("lý do gần nhất"), blank=True)
    submitted_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    at_since = models.DateField(_("đến cấp đang xử lý ngày"), null=True, blank=True)
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "award", "year"], condition=Q(state__in=STANDING),
                name="nomination_once_standing",
            )
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["at_unit", "state"], name="nomination_inbox_idx"),
            models.Index(fields=["unit", "year"], name="nomination_unit_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.award.name} {self.year} – {self.subject.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415 -- models load before urls

        return reverse("awards:nomination", args=[self.pk])
