"""Certificates from an issued decision: numbered in the issuer's register, a code nobody can
guess, rendered to one PDF page each by a job, with the names and diacritics in its text;
a test print draws the fields; the layout is the issuer's, adjusted in millimetres."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from thidua.awards import decisions
from thidua.certificates import services
from thidua.certificates.models import CODE_ALPHABET, Certificate, CertificateLayout

pytestmark = pytest.mark.django_db


def _start(client, decision, **extra):
    return client.post(reverse("certificates:start", args=[decision.pk]), extra)


def _pdf_text(job) -> tuple[int, str]:
    job.refresh_from_db()
    reader = PdfReader(io.BytesIO(job.file.read()))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


def test_a_batch_numbers_renders_and_reads_back(client, officer_a, issued,
                                                 django_capture_on_commit_callbacks):  # fmt: skip
    client.force_login(officer_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = _start(client, issued)

    job = issued.certificate_jobs.get()
    pages, text = _pdf_text(job)
    numbers = list(Certificate.objects.order_by("number").values_list("number", "name"))
    assert response.status_code == 302
    assert (job.state, job.done_count, job.total) == ("done", 2, 2)
    assert numbers == [("0001/2025", "Đặng Thị Ngọc Ánh"), ("0002/2025", "Vũ Văn Hải")]
    assert pages == 2
    for words in ("Đặng Thị Ngọc Ánh", "Vũ Văn Hải", "GIẤY CHỨNG NHẬN", "0001/2025",
                  "Quyết định số 01/QĐ-UBND", "Nguyễn Văn Chủ"):  # fmt: skip
        assert words in text
    page = client.get(reverse("certificates:job", args=[issued.pk, job.pk])).content.decode()
    assert "Đã tạo xong 2 giấy khen, bằng khen." in page


def test_codes_cannot_be_guessed_and_a_second_batch_keeps_them(officer_a, issued):
    services.number_certificates(decision=issued)
    first = dict(Certificate.objects.values_list("pk", "code"))

    again = services.number_certificates(decision=issued)

    codes = list(first.values())
    assert again == 0
    assert dict(Certificate.objects.values_list("pk", "code")) == first
    assert all(len(code) == 12 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert codes[0][:6] != codes[1][:6]  # random, not a counter


def test_a_draft_gives_no_certificates(officer_a, commune_a):
    from tests.awards.test_decisions import approved

    nominated = [approved(officer_a, commune_a, "Lê Văn An")]
    draft = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=nominated)

    with pytest.raises(Exception, match="đã ban hành"):
        services.number_certificates(decision=draft)


def test_a_test_print_draws_every_field(client, officer_a, issued,
                                        django_capture_on_commit_callbacks):  # fmt: skip
    client.force_login(officer_a)

    with django_capture_on_commit_callbacks(execute=True):
        _start(client, issued, thu="1")

    pages, text = _pdf_text(issued.certificate_jobs.get())
    assert pages == 1
    assert "Họ tên, tên tập thể (20,0; 70,0; rộng 257,0 mm)" in text
    assert not Certificate.objects.exists()


def test_the_layout_is_adjusted_in_millimetres_and_used(
    client, officer_a, issued, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)
    url = reverse("certificates:layout", args=[issued.pk])
    form = client.get(url)
    values = {f"{field}_{i}": v for field, row in {
        "emblem": (138.5, 8, 20), "authority": (20, 30, 257), "heading": (20, 46, 257),
        "name": (30, 80, 237), "body": (40, 96, 217), "place_date": (160, 126, 120),
        "signature": (160, 134, 120), "qr": (20, 150, 30), "number": (55, 158, 100),
    }.items() for i, v in enumerate(row)}  # fmt: skip

    body = "Đã hoàn thành tốt nhiệm vụ năm {nam}."
    saved = client.post(url, {"heading": "Giấy khen", "body": body, "paper": "a3", **values})
    bad = client.post(url, {"paper": "a4", **values, "name_1": "900"})
    with django_capture_on_commit_callbacks(execute=True):
        _start(client, issued)

    layout = CertificateLayout.objects.get()
    _pages, text = _pdf_text(issued.certificate_jobs.get())
    assert form.status_code == 200
    assert saved.status_code == 302
    assert (layout.paper, layout.positions["name"]) == ("a3", [30.0, 80.0, 237.0])
    assert bad.status_code == 400
    assert "Họ tên, tên tập thể: y (mm): Tối đa 420 mm" in bad.content.decode()
    assert "GIẤY KHEN" in text
    assert "Đã hoàn thành tốt nhiệm vụ năm 2025." in text


def test_a_sibling_officer_and_a_reader_cannot_print(client, officer_b, leader, issued):
    client.force_login(officer_b)
    sibling = _start(client, issued)
    client.force_login(leader)
    reader = _start(client, issued)

    assert sibling.status_code == 404
    assert reader.status_code in (403, 404)
    assert not Certificate.objects.exists()


def test_an_emblem_that_is_not_an_image_is_refused(client, officer_a, issued):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer_a)
    fake = SimpleUploadedFile("quoc-huy.png", b"MZ\x90\x00 not an image", content_type="image/png")

    response = client.post(reverse("certificates:layout", args=[issued.pk]),
                           {"paper": "a4", "emblem": fake})  # fmt: skip

    assert response.status_code == 400
    assert "không phải ảnh PNG hoặc JPEG" in response.content.decode()
    assert not CertificateLayout.objects.exists()


def test_an_emblem_is_printed(client, officer_a, issued, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(buffer, "PNG")
    client.force_login(officer_a)

    from thidua.certificates.layout import FIELDS

    placed = {f"{f}_{i}": v for f, (_l, *row) in FIELDS.items() for i, v in enumerate(row)}
    emblem = SimpleUploadedFile("quoc-huy.png", buffer.getvalue())
    url = reverse("certificates:layout", args=[issued.pk])
    saved = client.post(url, {"paper": "a4", "emblem": emblem, **placed})
    with django_capture_on_commit_callbacks(execute=True):
        _start(client, issued)

    job = issued.certificate_jobs.get()
    reader = PdfReader(io.BytesIO(job.file.read()))
    assert saved.status_code == 302
    assert CertificateLayout.objects.get().emblem.name.endswith(".png")
    assert job.state == "done"
    assert (40, 40) in [image.image.size for image in reader.pages[0].images]  # the emblem
