import io
import os

import pytest
from django.urls import reverse
from pypdf import PdfReader

from thidua.conferences import delegates
from thidua.conferences.models import PrintJob


def _weasyprint_missing() -> bool:
    try:
        import weasyprint  # noqa: F401
    except OSError:  # Pango is not installed on this machine
        return True
    return False


@pytest.mark.skipif(
    _weasyprint_missing() and not os.environ.get("REQUIRE_BROWSER"),
    reason="Pango is missing for WeasyPrint (CI sets REQUIRE_BROWSER and installs it)",
)
def test_badges_are_rendered_in_the_background_with_a_qr_code(
    client, conference, officer_a, django_capture_on_commit_callbacks
):
    for name in ("Nguyễn Thị Hằng", "Đặng Văn Đức"):
        delegates.add_delegate(
            actor=officer_a, conference=conference, full_name=name, category="exemplary"
        )
    client.force_login(officer_a)

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("conferences:print", args=[conference.pk, "badges"]))
    page = client.get(started["Location"])
    pdf = client.get(started["Location"], {"download": "1"})

    job = PrintJob.objects.get()
    assert (job.state, job.done_count) == ("done", 2)
    assert "Tải tệp PDF" in page.content.decode()
    text = PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages[0].extract_text()
    assert "Nguyễn Thị Hằng" in text
    assert "Đặng Văn Đức" in text


def test_a_sibling_cannot_print(client, conference, officer_b):
    client.force_login(officer_b)

    assert (
        client.post(reverse("conferences:print", args=[conference.pk, "badges"])).status_code == 404
    )
