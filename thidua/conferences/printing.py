"""Invitations and badges as PDF (WeasyPrint), each with a QR code (segno) that leads to
the delegate's check-in page. Run by a background task that reports its progress."""

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from thidua.conferences.models import Conference, PrintJob
from thidua.core.jobs import finish, progress

STEP = 20  # progress is saved every STEP delegates


def check_in_url(delegate) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("conferences:scanned", args=[delegate.token])


def qr_data_uri(delegate) -> str:
    return segno.make(check_in_url(delegate), error="m").png_data_uri(scale=4, border=2)


@transaction.atomic
def start_print(*, actor, conference: Conference, kind: str) -> PrintJob:
    """Queue the rendering; the page polls the job for its progress."""
    job = PrintJob.objects.create(
        conference=conference, kind=kind, created_by=actor, total=conference.delegates.count()
    )
    transaction.on_commit(job.enqueue)
    return job


def render_job(job: PrintJob) -> None:
    """QR codes first (counted in the progress), then the PDF in one pass."""
    from weasyprint import HTML  # noqa: PLC0415 -- heavy import, only in the worker

    conference = job.conference
    cards = []
    delegates = conference.delegates.select_related("origin_unit").order_by("sort_name", "pk")
    for n, delegate in enumerate(delegates.iterator(chunk_size=200), start=1):
        cards.append((delegate, qr_data_uri(delegate)))
        if n % STEP == 0:
            progress(job, done_count=n)
    progress(job, done_count=len(cards), total=len(cards), stage="layout")
    html = render_to_string(
        f"conferences/print_{job.kind}.html",
        {
            "conference": conference,
            "cards": cards,
            "today": timezone.localdate(),
        },
    )
    pdf = HTML(string=html).write_pdf()
    job.file.save(f"{job.kind}-{conference.pk}.pdf", ContentFile(pdf), save=False)
    finish(job, file=job.file.name)
