"""Decisions (quyết định khen thưởng): issued by the unit whose head may grant the award, in
the state format, numbered per issuer and year; issuing writes the award history and closes
the nominations it decides (awards/decisions.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.nominations import Nomination
from thidua.documents.models import Capacity


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class Decision(models.Model):
    issuer = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cơ quan ban hành"))  # fmt: skip
    state = models.CharField(max_length=6, choices=DecisionState.choices,
                             default=DecisionState.DRAFT)  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm ban hành"))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=30, default="QĐ-UBND")
    signed_on = models.DateField(_("ngày ký"))
    summary = models.CharField(_("trích yếu"), max_length=500)
    authority = models.CharField(_("thẩm quyền ban hành"), max_length=255,
                                 help_text=_("Dòng in hoa dưới trích yếu, ví dụ «Chủ tịch Ủy "
                                             "ban nhân dân xã An Phú»."))  # fmt: skip
    grounds = models.TextField(_("căn cứ"), help_text=_("Mỗi dòng một căn cứ."))
    capacity = models.CharField(_("thẩm quyền ký"), max_length=3, choices=Capacity.choices,
                                blank=True)  # fmt: skip
    position = models.CharField(_("chức vụ người đứng đầu"), max_length=100, default="Chủ tịch")
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=100)
    recipients = models.TextField(_("nơi nhận"), default="Như Điều 3;\nLưu: VT.")
    conference = models.ForeignKey("conferences.Conference", on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="decisions",
                                   verbose_name=_("khen thưởng tại hội nghị"))  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-signed_on", "-pk"]
        constraints = [models.UniqueConstraint(
            fields=["issuer", "year", "number"], condition=Q(number__isnull=False),
            name="decision_number_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"Quyết định {self.reference}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415 -- models load before urls

        return reverse("awards:decision", args=[self.pk])

    @property
    def reference(self) -> str:
        # Numbers under 10 are written «01» (Decree 30/2020, Appendix I).
        return f"{self.number:02d}/{self.symbol}" if self.number else f"…/{self.symbol}"


class DecisionLine(models.Model):
    """One awardee of a decision: the nomination it decides and the reward in đồng."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines")
    nomination = models.OneToOneField(Nomination, on_delete=models.PROTECT,
                                      related_name="decision_line")  # fmt: skip
    amount = models.PositiveIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)

    class Meta:
        verbose_name = _("người, tập thể được khen thưởng")
        verbose_name_plural = _("người, tập thể được khen thưởng")

    def __str__(self) -> str:
        return str(self.nomination)


class DecisionCounter(models.Model):
    """The last number an issuer gave in a year: locked while a decision takes the next."""

    issuer = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="counter_once")]

    def __str__(self) -> str:
        return f"{self.issuer_id}/{self.year}: {self.last}"
