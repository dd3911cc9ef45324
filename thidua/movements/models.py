"""Emulation movements (phong trào thi đua), their special drives (đợt thi đua) and the works
units register to celebrate a drive (đăng ký công trình, việc làm chào mừng)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MovementStatus(models.TextChoices):
    ACTIVE = "active", _("Đang triển khai")
    REVIEWED = "reviewed", _("Đã sơ kết")
    CLOSED = "closed", _("Đã tổng kết")


class MovementAction(models.TextChoices):
    """What the officers of the launching unit do to a movement's status (workflows.py).
    Review (sơ kết) happens mid-way, possibly more than once; the final summing-up (tổng
    kết) at the end, and a movement that has been summed up is closed for good."""

    REVIEW = "review", _("Sơ kết")
    RESUME = "resume", _("Tiếp tục triển khai")
    CLOSE = "close", _("Tổng kết")


class MovementMethod(models.TextChoices):
    """How a movement is organised (Law 2022, Art. 16(1)): the year-round emulation or one
    on a theme or for a period; the yearly statistics count them apart (0601.N)."""

    REGULAR = "regular", _("Thi đua thường xuyên")
    THEMATIC = "thematic", _("Thi đua theo chuyên đề, theo đợt")


class Movement(models.Model):
    """A movement launched by a unit for a period. It concerns the launching unit's whole
    subtree, so it is visible from below as well as from above (see selectors)."""

    name = models.CharField(_("tên phong trào"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    launched_by = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị phát động"), on_delete=models.PROTECT,
        related_name="movements",
    )  # fmt: skip
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    theme = models.TextField(_("chủ đề, nội dung"), blank=True)
    method = models.CharField(_("hình thức tổ chức"), max_length=10,
                              choices=MovementMethod.choices,
                              default=MovementMethod.REGULAR)  # fmt: skip
    follower = models.ForeignKey(
        "units.Unit", verbose_name=_("cơ quan được giao theo dõi"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="followed_movements",
    )  # fmt: skip
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=MovementStatus.choices,
        default=MovementStatus.ACTIVE,
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="movement_dates"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("movements:detail", args=[self.pk])


class Drive(models.Model):
    """A special drive inside a movement, with its own dates and the anniversary it marks."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="drives")
    name = models.CharField(_("tên đợt thi đua"), max_length=255)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    anniversary = models.CharField(_("chào mừng sự kiện"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("đợt thi đua")
        verbose_name_plural = _("đợt thi đua")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="drive_dates"
            )
        ]

    def __str__(self) -> str:
        return self.name


class WorkRegistration(models.Model):
    """A work or deed a unit registers to celebrate a drive, and what came of it."""

    drive = models.ForeignKey(Drive, on_delete=models.CASCADE, related_name="registrations")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("công trình, việc làm"), max_length=255)
    registered_on = models.DateField(_("ngày đăng ký"))
    result = models.TextField(_("kết quả"), blank=True)

    class Meta:
        verbose_name = _("công trình, việc làm đăng ký")
        verbose_name_plural = _("công trình, việc làm đăng ký")
        ordering = ["registered_on", "pk"]

    def __str__(self) -> str:
        return f"{self.unit}: {self.title}"
