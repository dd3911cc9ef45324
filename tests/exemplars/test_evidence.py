import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.exemplars import services

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def test_a_pdf_and_an_image_are_accepted(exemplar_a, officer_a):
    pdf = services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                                upload=SimpleUploadedFile("bao-cao.pdf", PDF))  # fmt: skip
    png = services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                                upload=SimpleUploadedFile("anh.png", PNG))  # fmt: skip

    assert [(e.kind, e.content_type) for e in (pdf, png)] == [
        ("pdf", "application/pdf"), ("image", "image/png"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.pdf", EXE, "không phải hình ảnh"),
        ("anh.pdf", PNG, "phần mở rộng «.pdf» không khớp"),
        ("rong.pdf", b"", "rỗng"),
        ("ghi-chu.txt", b"chi la van ban", "không phải hình ảnh"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(exemplar_a, officer_a, name, content, message):
    with pytest.raises(ValidationError) as error:
        services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                              upload=SimpleUploadedFile(name, content))  # fmt: skip

    assert message in error.value.messages[0]
    assert name in error.value.messages[0]
    assert not exemplar_a.evidence.exists()


def test_an_oversized_file_is_refused(exemplar_a, officer_a, settings):
    settings.EVIDENCE_MAX_MB = {"image": 1, "pdf": 1, "video": 1}
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024))

    with pytest.raises(ValidationError) as error:
        services.add_evidence(actor=officer_a, exemplar=exemplar_a, upload=big)

    assert "vượt quá 1 MB" in error.value.messages[0]


def test_the_same_content_is_not_attached_twice(exemplar_a, officer_a):
    services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                          upload=SimpleUploadedFile("bao-cao.pdf", PDF))  # fmt: skip

    with pytest.raises(ValidationError) as error:
        services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                              upload=SimpleUploadedFile("ban-sao.pdf", PDF))  # fmt: skip
    other = services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                                  upload=SimpleUploadedFile("anh.png", PNG))  # fmt: skip

    assert "«ban-sao.pdf» trùng nội dung với minh chứng «bao-cao.pdf»" in error.value.messages[0]
    assert exemplar_a.evidence.count() == 2
    assert len(other.sha256) == 64


def test_the_officer_removes_evidence_with_a_reason_kept_in_the_audit(
    client, exemplar_a, officer_a, officer_b, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415

    from thidua.audit.models import AuditEvent  # noqa: PLC0415

    evidence = services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                                     upload=SimpleUploadedFile("bao-cao.pdf", PDF))  # fmt: skip
    url = reverse("exemplars:evidence_remove", args=[exemplar_a.pk, evidence.pk])
    client.force_login(officer_b)
    sibling = client.post(url, {"reason": "Nhầm"}).status_code
    client.force_login(officer_a)
    no_reason = client.post(url, {"reason": " "}, follow=True).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Tải nhầm tệp của mô hình khác"})

    assert sibling == 404
    assert "Cần nêu lý do gỡ minh chứng." in no_reason
    assert not exemplar_a.evidence.exists()
    assert not default_storage.exists(evidence.file.name)
    event = AuditEvent.objects.get(target_type="exemplars.evidence", action="delete")
    assert event.note == "Tải nhầm tệp của mô hình khác"
    assert event.changes == {"file": ["bao-cao.pdf", None]}
