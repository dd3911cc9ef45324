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


class PactState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SIGNED = "signed", _("Đã ký kết")


class PactAction(models.TextChoices):
    SIGN = "sign", _("Ghi nhận đã ký kết")
    REOPEN = "reopen", _("Mở lại để sửa")


class Pact(models.Model):
    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="pacts")
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    head_rule = models.CharField(_("cách chọn cụm trưởng"), max_length=10,
                                 choices=HeadRule.choices, default=HeadRule.ROTATION)  # fmt: skip
    head = models.ForeignKey(GroupMembership, verbose_name=_("trưởng cụm, khối"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    deputy = models.ForeignKey(GroupMembership, verbose_name=_("phó cụm, khối"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+")  # fmt: skip
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
    membership = models.ForeignKey(GroupMembership, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("chỉ tiêu đăng ký"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pact", "membership"],
                                               name="pact_target_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.membership}: {self.text[:40]}"
