"""Invitations and badges as PDF (WeasyPrint), each with a QR code (segno) that leads to
the delegate's check-in page. Run by a background task that reports its progress."""

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from thidua.conferences.models import Conference, PrintJob
from thidua.core.jobs import finish, progress
from thidua.documents.frame import file_name, frame_for

STEP = 20  # progress is saved every STEP delegates
WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def when(conference) -> str:
    """«07 giờ 30, thứ Bảy, ngày 05/12/2026»: the time of day first, as invitations say it."""
    day = conference.held_on
    if day is None:
        return "sẽ thông báo sau"
    at = conference.starts_at
    hour = f"{at:%H} giờ {at:%M}, " if at else ""
    return f"{hour}{WEEKDAYS[day.weekday()]}, ngày {day:%d/%m/%Y}"


def print_name(conference, kind: str) -> str:
    return file_name(dict(PrintJob.KINDS)[kind], conference.name, extension="pdf")


def invitation_frame(conference):
    return frame_for(conference.unit, kind="GIẤY MỜI", summary=f"Dự {conference.name}",
                     recipients=["Như trên"])  # fmt: skip


def print_html(conference, kind: str, cards) -> str:
    """The page WeasyPrint lays out: one invitation (in the frame of the unit's documents,
    with the time of day and the venue) or one badge per (delegate, QR code)."""
    context = {"conference": conference, "cards": cards, "today": timezone.localdate(),
               "frame": invitation_frame(conference), "when": when(conference)}  # fmt: skip
    return render_to_string(f"conferences/print_{kind}.html", context)


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
    from weasyprint import CSS, HTML  # noqa: PLC0415 -- heavy import, only in the worker

    conference = job.conference
    cards = []
    delegates = conference.delegates.select_related("origin_unit").order_by("sort_name", "pk")
    for n, delegate in enumerate(delegates.iterator(chunk_size=200), start=1):
        cards.append((delegate, qr_data_uri(delegate)))
        if n % STEP == 0:
            progress(job, done_count=n)
    progress(job, done_count=len(cards), total=len(cards), stage="layout")
    frame_css = CSS(filename=finders.find("css/document.css"))
    pdf = HTML(string=print_html(conference, job.kind, cards)).write_pdf(stylesheets=[frame_css])
    job.file.save(f"{job.kind}-{conference.pk}.pdf", ContentFile(pdf), save=False)
    finish(job, file=job.file.name)
