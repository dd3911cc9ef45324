"""Meetings of the Emulation–Commendation Council (họp Hội đồng Thi đua – Khen thưởng):
who sat, who was present, who stood aside for which nomination, and each member's vote on
each nominee. Quorum and the pass threshold are fractions set per meeting (defaults: two
thirds present, more than half of the votes of those who may vote)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.nominations import Nomination


class MeetingState(models.TextChoices):
    OPEN = "open", _("Đang họp")
    CLOSED = "closed", _("Đã chốt kết quả")


class Choice(models.TextChoices):
    FOR = "for", _("Đồng ý")
    AGAINST = "against", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không biểu quyết")


class CouncilMeeting(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("hội đồng của đơn vị"))  # fmt: skip
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    chair = models.CharField(_("chủ trì"), max_length=100, blank=True)
    secretary = models.CharField(_("thư ký"), max_length=100, blank=True)
    quorum_num = models.PositiveSmallIntegerField(default=2)
    quorum_den = models.PositiveSmallIntegerField(default=3)
    pass_num = models.PositiveSmallIntegerField(default=1)
    pass_den = models.PositiveSmallIntegerField(default=2)
    pass_strict = models.BooleanField(default=True, help_text=_("«Trên» (không tính bằng)"))
    state = models.CharField(max_length=6, choices=MeetingState.choices, default=MeetingState.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Họp Hội đồng TĐKT {self.unit.name} ngày {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415 -- models load before urls

        return reverse("awards:meeting", args=[self.pk])


class Seat(models.Model):
    """A council member at a meeting: present or not."""

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="seats")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")  # fmt: skip
    present = models.BooleanField(_("có mặt"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="seat_once")]

    def __str__(self) -> str:
        return str(self.member)


class Item(models.Model):
    """A nomination put to the vote, with the recused members and the result once closed."""

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="votes_at")
    recused = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    passed = models.BooleanField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "nomination"],
                                               name="item_once")]  # fmt: skip

    def __str__(self) -> str:
        return str(self.nomination)


class Vote(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")  # fmt: skip
    choice = models.CharField(max_length=7, choices=Choice.choices)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="vote_once")]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()}"
