import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse

from thidua.core.jobs import Job


class ImportJob(Job):
    """One uploaded workbook of subjects and exemplars, checked then imported as a whole by a
    background task; the page polls its progress (`done_count` of `total` rows checked,
    then the stage "writing"). The file is kept until the job ends well, for a retry."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255)
    errors = models.JSONField(default=list, blank=True)
    created_subjects = models.PositiveIntegerField(default=0)
    created_exemplars = models.PositiveIntegerField(default=0)
    skipped_rows = models.PositiveIntegerField(default=0)
    # "" for the subjects-and-exemplars template, else a registered kind (kinds.py) whose
    # job ends with `summary`: [[label, count], …].
    kind = models.CharField(max_length=20, blank=True)
    summary = models.JSONField(default=list, blank=True)
    # The object a kind imports into, where it is not the unit itself (a conference).
    target = models.PositiveBigIntegerField(null=True, blank=True)

    # 20,000 rows are checked in a minute and written in a few (every row audited).
    time_limit = datetime.timedelta(minutes=30)
    over_time_advice = "Hãy chia nhỏ tệp rồi thử lại."

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("imports:job", args=[self.pk])

    def enqueue(self) -> None:
        from thidua.imports.tasks import run_import  # noqa: PLC0415 -- tasks import models

        run_import.enqueue(job_id=self.pk)
