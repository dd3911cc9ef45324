"""The five-year summary report (báo cáo tổng kết, samples 000 and 003): a unit's report
for a period. Its figures are computed from the data each time it is shown or written
(summaries.figures); only the parts the officer writes are stored, kept between drafts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.jobs import Job

# The parts the officer writes, in the samples' outline: (field, heading).
WRITTEN = (
    ("movements_effect", "Kết quả, tác động của các phong trào thi đua"),
    ("commendation_quality", "Chất lượng công tác khen thưởng"),
    ("leadership", "Công tác lãnh đạo, chỉ đạo"),
    ("shortcomings", "Tồn tại, hạn chế, nguyên nhân và bài học kinh nghiệm"),
    ("directions", "Phương hướng, mục tiêu, nhiệm vụ và giải pháp giai đoạn tới"),
)


class SummaryReport(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                             related_name="summary_reports")  # fmt: skip
    period_start = models.PositiveSmallIntegerField(_("giai đoạn từ năm"))
    period_end = models.PositiveSmallIntegerField(_("đến năm"))
    movements_effect = models.TextField(blank=True)
    commendation_quality = models.TextField(blank=True)
    leadership = models.TextField(blank=True)
    shortcomings = models.TextField(blank=True)
    directions = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo tổng kết")
        verbose_name_plural = _("báo cáo tổng kết")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period_start", "period_end"],
                                    name="summary_once_per_period"),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="summary_period_ordered"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"Báo cáo tổng kết {self.period_start}–{self.period_end} của {self.unit}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415

        return reverse("summaries:detail", args=[self.pk])


class SummaryJob(Job):
    """The Word report written in the background: a province's figures read hundreds of
    thousands of rows (issue 15: with progress, within a minute on the national data)."""

    report = models.ForeignKey(SummaryReport, on_delete=models.CASCADE, related_name="jobs")
    file = models.FileField(upload_to="summaries/%Y/%m/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta(Job.Meta):
        indexes = [models.Index(fields=["state"], name="summary_job_state")]

    def __str__(self) -> str:
        return f"Bản Word của {self.report}"

    def enqueue(self) -> None:
        from thidua.summaries.tasks import write_summary  # noqa: PLC0415

        write_summary.enqueue(job_id=self.pk)
