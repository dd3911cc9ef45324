"""The PDF of a decision's certificates (WeasyPrint): one page per certificate, each field
placed in millimetres as the layout says, with a QR code (segno) to its verification page.
A test print draws and names the box of every field instead."""

import base64

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse

from thidua.awards.decision_docx import decision_frame
from thidua.certificates.layout import FIELDS, heading_for, layout_for, positions
from thidua.certificates.models import PAPER_MM, Certificate, CertificateJob
from thidua.core.jobs import finish, progress

STEP = 20  # progress is saved every STEP certificates
QR_SCALE, QR_BORDER = 6, 1  # pixels per module, modules of quiet zone


def verification_url(certificate: Certificate) -> str:
    path = reverse("public:verify", args=[certificate.code])
    return settings.SITE_URL.rstrip("/") + path


def _qr(url: str) -> str:
    return segno.make(url, error="m").png_data_uri(scale=QR_SCALE, border=QR_BORDER)


def _emblem(layout) -> str:
    """The emblem as a data URI (the worker reads storage; the PDF carries the image)."""
    if not layout.emblem:
        return ""
    with layout.emblem.open("rb") as handle:
        data = handle.read()
    kind = "png" if data[:4] == b"\x89PNG" else "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"


def page_context(decision, layout, award) -> dict:
    """What every page of the decision shares: the paper, the places, the text blocks (the
    date line and the signature block as the decision's own, Decree 30/2020 Art. 13)."""
    width, height = PAPER_MM[layout.paper]
    frame = decision_frame(decision)
    places = positions(layout)
    boxes = [(field, FIELDS[field][0], *places[field]) for field in FIELDS]
    return {"decision": decision, "layout": layout, "width": width, "height": height,
            "at": places, "boxes": boxes, "heading": heading_for(layout, award),
            "authority": decision.authority.upper(), "emblem": _emblem(layout),
            "date_line": frame.date_line, "signature": frame.signature.lines(),
            "signer": decision.signer_name, "scale": width / 297}  # fmt: skip


def award_of(decision):
    """A decision is for one award (awards.decisions): its first line's."""
    return decision.lines.select_related("nomination__award").first().nomination.award


def render_job(job: CertificateJob) -> None:
    """QR codes first (counted in the progress), then the pages in one pass."""
    from weasyprint import HTML  # noqa: PLC0415 -- heavy import, only in the worker

    decision = job.decision
    award = award_of(decision)
    layout = layout_for(decision.issuer, award)
    context = page_context(decision, layout, award)
    cards = []
    if not job.test:
        certificates = decision.certificates.select_related("line__nomination")
        for n, certificate in enumerate(certificates.order_by("number"), start=1):
            body = layout.body.replace("{nam}", str(certificate.line.nomination.year))
            # The QR is also a link: a certificate sent as a file is verified by a click.
            url = verification_url(certificate)
            cards.append((certificate, _qr(url), url, body.splitlines()))
            if n % STEP == 0:
                progress(job, done_count=n)
    progress(job, done_count=job.total, stage="layout")
    html = render_to_string("certificates/print.html", {**context, "cards": cards,
                                                        "test": job.test})  # fmt: skip
    pdf = HTML(string=html).write_pdf()
    job.file.save(f"giay-khen-{decision.pk}.pdf", ContentFile(pdf), save=False)
    finish(job, file=job.file.name, done_count=job.total)
