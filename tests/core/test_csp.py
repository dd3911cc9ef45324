"""The Content-Security-Policy: sent with every HTML page, and kept honest by the templates,
which carry no inline script, style or event handler for it to block."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.core.middleware import CONTENT_SECURITY_POLICY
from thidua.exemplars import services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data

TEMPLATE_ROOT = Path(settings.BASE_DIR) / "thidua"
# Rendered to PDF by WeasyPrint in the worker (conferences/printing.py,
# certificates/rendering.py), never sent to a browser: their <style> is the print layout.
PDF_ONLY = {
    "conferences/print_badges.html",
    "conferences/print_invitations.html",
    "certificates/print.html",
    "showcase/booklet_print.html",
    "contests/story_pdf.html",
}
# What the policy refuses in a page: a script without src (a JSON data block is inert), a
# <style> element or attribute, an event handler, htmx's hx-on (run through eval), a
# javascript: address.
INLINE = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"
    r"|<style\b|\sstyle\s*=|\son[a-z]+\s*=|\shx-on|javascript:",
    re.IGNORECASE,
)


def _templates():
    for path in sorted(TEMPLATE_ROOT.glob("**/templates/**/*.html")):
        name = path.as_posix().split("/templates/", 1)[1]
        if name not in PDF_ONLY:
            yield name, path


def test_the_scanner_sees_what_the_policy_blocks():
    blocked = ['<script>alert(1)</script>', '<p style="color:red">', '<a onclick="x()">',
               "<style>p{}</style>", '<b hx-on:click="x">', '<a href="javascript:x">']  # fmt: skip
    allowed = ['<script src="/static/app.js" defer></script>', '<div class="stylish">',
               '<script type="application/json" id="s">{}</script>', "<p>Hà Nội</p>"]  # fmt: skip

    assert all(INLINE.search(html) for html in blocked)
    assert not any(INLINE.search(html) for html in allowed)


def test_no_template_has_an_inline_script_style_or_handler():
    found = [
        f"{name}:{text[: match.start()].count(chr(10)) + 1}: {match.group(0)}"
        for name, path in _templates()
        for text in [path.read_text()]
        for match in INLINE.finditer(text)
    ]

    assert len(list(_templates())) > 40
    assert all((TEMPLATE_ROOT / name.split("/")[0] / "templates" / name).exists()
               for name in PDF_ONLY)  # fmt: skip
    assert found == []


@pytest.mark.django_db
def test_pages_carry_the_policy(client, officer_a):
    anonymous = client.get(reverse("login"))
    client.force_login(officer_a)
    home = client.get(reverse("home"))
    missing = client.get("/khong-co-trang-nay/")

    for response in (anonymous, home, missing):
        assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def test_a_pdf_is_served_without_it_so_that_the_browser_viewer_shows_it(
    client, officer_a, commune_a
):
    load_reference_data(Field, Criterion)
    subject = services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                      name="Trần Thị Bình")  # fmt: skip
    exemplar = services.create_exemplar(actor=officer_a, subject=subject, year_from=2024,
                                        title="Mô hình", field=Field.objects.first())  # fmt: skip
    evidence = services.add_evidence(actor=officer_a, exemplar=exemplar,
                                     upload=SimpleUploadedFile("bien-ban.pdf", PDF))  # fmt: skip
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:evidence", args=[exemplar.pk, evidence.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_the_api_docs_use_the_vendored_swagger_ui_within_the_policy(client, officer_a):
    client.force_login(officer_a)

    page = client.get("/api/v1/docs")
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    served = [client.get(url) for url in assets]

    assert page["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert all(url.startswith("/static/") for url in assets), assets
    assert [response.status_code for response in served] == [200] * len(assets)
    assert INLINE.search(html) is None
    assert '"validatorUrl": null' in html
