"""Yearly emulation registration (đăng ký thi đua): at the start of the year a unit records
which of its people and collectives commit to which title. Optional for a unit; where it is
used, «Ai đủ điều kiện» shows who registered."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.catalogue import Award
from thidua.exemplars.models import Subject


class Registration(models.Model):
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="registrations")
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="registrations",
                              verbose_name=_("danh hiệu đăng ký"))  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm"))
    registered_on = models.DateField(_("ngày đăng ký"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [models.UniqueConstraint(fields=["subject", "award", "year"],
                                               name="registration_once")]  # fmt: skip
        indexes = [models.Index(fields=["award", "year"], name="registration_award_idx")]

    def __str__(self) -> str:
        return f"{self.subject.name}: {self.award.name} {self.year}"
