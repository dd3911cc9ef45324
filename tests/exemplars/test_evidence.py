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
