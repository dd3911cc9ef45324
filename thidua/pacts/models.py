"""The year of an emulation cluster or block (LAW.md §3.2; sample 001 §IV): each year its
members sign an emulation pact (giao ước thi đua) with criteria scored out of a maximum and
weighted, at a conference hosted by the year's head (trưởng cụm, khối), with a deputy; each
member registers its targets. The criteria are data, copied from the year before."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.units.models import EmulationGroup, GroupMembership


class HeadRule(models.TextChoices):
    """How the year's head is found (the province decides; practice varies, LAW.md §3.2)."""

    ROTATION = "rotation", _("Luân phiên theo thứ tự thành viên")
    VOTE = "vote", _("Các thành viên bầu")
    CHOSEN = "chosen", _("Cơ quan thường trực chỉ định")


class RankBy(models.TextChoices):
    """How the year-end ranking is made (LAW.md §3.2: members score or vote, bình xét,
    suy tôn; the province decides)."""

    SCORE = "score", _("Theo tổng điểm chấm")
    VOTE = "vote", _("Theo số phiếu suy tôn, rồi theo tổng điểm")


class PactState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SIGNED = "signed", _("Đã ký kết")


class PactAction(models.TextChoices):
    SIGN = "sign", _("Ghi nhận đã ký kết")
    REOPEN = "reopen", _("Mở lại để sửa")


class Pact(models.Model):
    # PROTECT here and below: a group, or a member, with pacts keeps their history; the
    # deletion is refused naming them (core.deletion.blocking_sentences).
    group = models.ForeignKey(EmulationGroup, on_delete=models.PROTECT, related_name="pacts")
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    head_rule = models.CharField(_("cách chọn cụm trưởng"), max_length=10,
                                 choices=HeadRule.choices, default=HeadRule.ROTATION)  # fmt: skip
    head = models.ForeignKey(GroupMembership, verbose_name=_("trưởng cụm, khối"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")  # fmt: skip
    deputy = models.ForeignKey(GroupMembership, verbose_name=_("phó cụm, khối"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="+")  # fmt: skip
    rank_by = models.CharField(_("cách xếp hạng cuối năm"), max_length=6,
                               choices=RankBy.choices, default=RankBy.SCORE)  # fmt: skip
    commended = models.PositiveSmallIntegerField(
        _("số đơn vị xếp sau được đề nghị Bằng khen"), default=2,
        validators=[MaxValueValidator(20)],
    )  # fmt: skip
    state = models.CharField(_("trạng thái"), max_length=10, choices=PactState.choices,
                             default=PactState.DRAFT)  # fmt: skip
    signed_on = models.DateField(_("ngày ký kết"), null=True, blank=True)
    place = models.CharField(_("địa điểm ký kết"), max_length=255, blank=True)
    scan = models.FileField(_("bản giao ước đã ký (bản chụp)"), upload_to="giao-uoc/",
                            blank=True)  # fmt: skip
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")
        constraints = [models.UniqueConstraint(fields=["group", "year"], name="pact_once_a_year")]
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Giao ước thi đua năm {self.year} – {self.group}"

    def get_absolute_url(self) -> str:
        return reverse("pacts:detail", args=[self.pk])


class PactCriterion(models.Model):
    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("nội dung tiêu chí"), max_length=500)
    max_points = models.DecimalField(
        _("điểm tối đa"), max_digits=6, decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )  # fmt: skip
    weight = models.DecimalField(
        _("hệ số"), max_digits=4, decimal_places=2, default=1,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )  # fmt: skip

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class PactTarget(models.Model):
    """What a member registers to achieve in the pact's year (đăng ký chỉ tiêu)."""

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="targets")
    membership = models.ForeignKey(GroupMembership, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("chỉ tiêu đăng ký"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chỉ tiêu đăng ký giao ước")
        constraints = [models.UniqueConstraint(fields=["pact", "membership"],
                                               name="pact_target_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.membership}: {self.text[:40]}"


class Review(models.TextChoices):
    """The pact's two reviews (LAW.md §3.2): mid-year, with the same form, and year-end,
    final (the ranking that proposes the flags)."""

    MID = "mid", _("Sơ kết 6 tháng")
    YEAR = "year", _("Tổng kết năm")


class CardState(models.TextChoices):
    DRAFT = "draft", _("Đang tự chấm")
    SUBMITTED = "submitted", _("Đã gửi điểm")


class CardAction(models.TextChoices):
    SUBMIT = "submit", _("Gửi điểm tự chấm")
    RETURN = "return", _("Trả lại để chấm lại")


class Scorecard(models.Model):
    """A member's scores against the pact's criteria at one review: its own, then as the
    head or the standing body adjusted them (each adjustment with its reason)."""

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="cards")
    membership = models.ForeignKey(GroupMembership, on_delete=models.PROTECT, related_name="+")
    review = models.CharField(_("kỳ"), max_length=4, choices=Review.choices)
    state = models.CharField(_("trạng thái"), max_length=10, choices=CardState.choices,
                             default=CardState.DRAFT)  # fmt: skip
    note = models.TextField(_("minh chứng, giải trình"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu chấm điểm giao ước")
        constraints = [models.UniqueConstraint(fields=["pact", "membership", "review"],
                                               name="scorecard_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"Điểm {self.get_review_display().lower()} – {self.membership.unit.name}"

    def get_absolute_url(self) -> str:
        return reverse("pacts:card", args=[self.pk])


class ScoreLine(models.Model):
    card = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="lines")
    criterion = models.ForeignKey(PactCriterion, on_delete=models.PROTECT, related_name="+")
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=6, decimal_places=2)
    adjusted_points = models.DecimalField(_("điểm sau thẩm định"), max_digits=6,
                                          decimal_places=2, null=True, blank=True)  # fmt: skip
    adjust_reason = models.CharField(_("lý do điều chỉnh"), max_length=500, blank=True)
    adjusted_by = models.CharField(_("người điều chỉnh"), max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["card", "criterion"],
                                               name="score_line_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"

    @property
    def points(self):
        return self.self_points if self.adjusted_points is None else self.adjusted_points


class RankingState(models.TextChoices):
    OPEN = "open", _("Đang chấm điểm")
    PUBLISHED = "published", _("Đã công bố")


class RankingAction(models.TextChoices):
    PUBLISH = "publish", _("Công bố kết quả xếp hạng")
    WITHDRAW = "withdraw", _("Thu hồi để chấm lại")


class Ranking(models.Model):
    """A review's ranking: open while members score; published by the standing body, with
    the order as it was then (`rows`), after which every member sees every score."""

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="rankings")
    review = models.CharField(_("kỳ"), max_length=4, choices=Review.choices)
    state = models.CharField(_("trạng thái"), max_length=10, choices=RankingState.choices,
                             default=RankingState.OPEN)  # fmt: skip
    rows = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pact", "review"], name="ranking_once")]

    def __str__(self) -> str:
        return f"Xếp hạng {self.get_review_display().lower()} – {self.pact}"

    def get_absolute_url(self) -> str:
        return reverse("pacts:review", args=[self.pact_id, self.review])


class Vote(models.Model):
    """A member's vote for the unit that leads the group at the year's end (suy tôn); a
    member does not vote for itself."""

    ranking = models.ForeignKey(Ranking, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(GroupMembership, on_delete=models.PROTECT, related_name="+")
    choice = models.ForeignKey(GroupMembership, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu suy tôn")
        constraints = [models.UniqueConstraint(fields=["ranking", "voter"], name="pact_vote_once")]

    def __str__(self) -> str:
        return f"{self.voter.unit.name} → {self.choice.unit.name}"


class CardFile(models.Model):
    """A file a member attaches to its card as evidence of its scores."""

    card = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="giao-uoc/minh-chung/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
