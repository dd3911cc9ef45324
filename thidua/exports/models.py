"""A long list exported in the background: its source and query, for the worker to build it
again, and the file, which only the officer who asked may download."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse

from thidua.core.jobs import Job


class ExportJob(Job):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=30)  # a key of documents.reports.SOURCES
    fmt = models.CharField(max_length=4)  # xlsx or docx
    query = models.TextField(blank=True)  # the list's filters, as the page's query string
    arguments = models.JSONField(default=dict, blank=True)  # the page's own (a plan's id)
    title = models.CharField(max_length=300, blank=True)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField(max_length=200, blank=True)

    # 100,000 rows of Excel take about a minute, of Word a few.
    time_limit = datetime.timedelta(minutes=15)

    def __str__(self) -> str:
        return self.filename or self.title

    def get_absolute_url(self) -> str:
        return reverse("exports:job", args=[self.pk])

    def enqueue(self) -> None:
        from thidua.exports.tasks import run_export  # noqa: PLC0415 -- tasks import models

        run_export.enqueue(job_id=self.pk)
