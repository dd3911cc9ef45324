"""A nomination's dossier: the files its form requires (dated data on the rule) before it
goes to another level; drafts of the tờ trình, list and achievement report written as Word
in the state format; files attached by the holding unit's officers only, checked like every
upload, one stored copy for a batch, audited; never seen by a sibling."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tests.awards.conftest import PDF
from tests.conftest import _person
from thidua.accounts.models import Role
from thidua.audit.models import AuditEvent
from thidua.awards import dossier, history, nominations
from thidua.awards.models import Award, AwardRecord, AwardRule, DossierFile, NominationAction
from thidua.documents.frame import in_text
from thidua.exemplars import services as exemplar_services
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db
A = NominationAction


@pytest.fixture
def people(officer_a, commune_a):
    make = exemplar_services.create_subject
    return [make(actor=officer_a, unit=commune_a, kind="individual", name=name,
                 position="Công chức văn hóa – xã hội")
            for name in ("Lê Thị Mai", "Trần Văn Nam")]  # fmt: skip


def _nominate(officer, unit, subject, code="bang_khen_tinh", year=2025):
    return nominations.create_nomination(actor=officer, unit=unit, subject=subject,
                                         award=Award.objects.get(code=code), year=year,
                                         achievement="Dẫn đầu phong trào.")  # fmt: skip


def _pdf(name="to-trinh.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _text(response) -> str:
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_nomination_for_another_level_needs_its_forms_files(officer_a, commune_a, people):
    nomination = _nominate(officer_a, commune_a, people[0])

    with pytest.raises(Refused, match="Hồ sơ còn thiếu: Tờ trình.*Biên bản.*Báo cáo thành tích"):
        transition(nomination, A.SUBMIT, by=officer_a)
    for kind in ("to_trinh", "bien_ban", "bao_cao"):
        dossier.attach_file(actor=officer_a, nominations=[nomination], kind=kind, upload=_pdf())
    nomination = transition(nomination, A.SUBMIT, by=officer_a)

    assert nomination.at_unit.kind == "province"


def test_one_the_unit_decides_itself_needs_none_and_the_rule_is_data(officer_a, commune_a, people):
    own = transition(_nominate(officer_a, commune_a, people[0], "ldtt"), A.SUBMIT, by=officer_a)
    AwardRule.objects.filter(award__code="bang_khen_tinh").update(documents=[])
    up = transition(_nominate(officer_a, commune_a, people[1]), A.SUBMIT, by=officer_a)

    assert own.at_unit == commune_a
    assert up.at_unit.kind == "province"
    assert dossier.required_kinds(own) == ["to_trinh", "bien_ban"]


def test_one_file_for_a_batch_is_stored_once_and_audited(client, officer_a, commune_a, people):
    client.force_login(officer_a)
    batch = [_nominate(officer_a, commune_a, person) for person in people]

    response = client.post(reverse("awards:dossier_attach_many"),
                           {"chon": [n.pk for n in batch], "kind": "to_trinh",
                            "file": _pdf()})  # fmt: skip

    files = DossierFile.objects.all()
    assert response.status_code == 302
    assert files.count() == 2
    assert len({f.file.name for f in files}) == 1
    assert AuditEvent.objects.filter(target_type="awards.dossierfile").count() == 2
    assert all(dossier.missing_kinds(n) == ["bien_ban", "bao_cao"] for n in batch)


def test_a_hostile_or_mislabelled_file_is_refused_and_nothing_is_kept(
    client, officer_a, commune_a, people
):
    client.force_login(officer_a)
    nomination = _nominate(officer_a, commune_a, people[0])
    url = reverse("awards:dossier_attach", args=[nomination.pk])

    client.post(url, {"kind": "to_trinh", "file": _pdf("to-trinh.pdf", b"MZ\x90\x00" * 64)})
    response = client.post(url, {"kind": "to_trinh", "file": _pdf("to-trinh.docx")}, follow=True)

    assert not DossierFile.objects.exists()
    assert "không khớp" in response.content.decode()


def test_only_the_holding_units_officers_change_the_dossier(
    client, officer_a, officer_b, province_officer, commune_a, people
):
    nomination = _nominate(officer_a, commune_a, people[0])
    reader = _person(commune_a, Role.COUNCIL, "uy_vien")
    client.force_login(reader)
    attach = reverse("awards:dossier_attach", args=[nomination.pk])
    assert client.post(attach, {"kind": "khac", "file": _pdf()}).status_code == 403
    client.force_login(officer_b)
    assert client.post(attach, {"kind": "khac", "file": _pdf()}).status_code == 404
    for kind in ("to_trinh", "bien_ban", "bao_cao"):
        dossier.attach_file(actor=officer_a, nominations=[nomination], kind=kind, upload=_pdf())
    transition(nomination, A.SUBMIT, by=officer_a)
    client.force_login(officer_a)  # sent: the province holds it now
    assert client.post(attach, {"kind": "khac", "file": _pdf()}).status_code == 403
    client.force_login(province_officer)
    client.post(attach, {"kind": "khac", "file": _pdf("to-trinh-tinh.pdf")})
    assert nomination.files.filter(kind="khac").count() == 1


def test_a_sibling_sees_no_draft_or_file(client, officer_a, officer_b, commune_a, people):
    nomination = _nominate(officer_a, commune_a, people[0])
    (file,) = dossier.attach_file(actor=officer_a, nominations=[nomination], kind="to_trinh",
                                  upload=_pdf())  # fmt: skip
    client.force_login(officer_b)

    for url in (reverse("awards:dossier_draft", args=[nomination.pk, "to-trinh"]),
                reverse("awards:dossier_file", args=[nomination.pk, file.pk]),
                reverse("awards:nomination", args=[nomination.pk])):  # fmt: skip
        assert client.get(url).status_code == 404
    client.force_login(officer_a)
    download = client.get(reverse("awards:dossier_file", args=[nomination.pk, file.pk]))
    assert b"".join(download.streaming_content) == PDF


def test_the_proposal_covers_the_batch_in_the_state_format(client, officer_a, commune_a, people):
    client.force_login(officer_a)
    batch = [_nominate(officer_a, commune_a, person) for person in people]

    text = _text(client.get(reverse("awards:dossier_draft", args=[batch[0].pk, "to-trinh"])))
    listed = _text(client.get(reverse("awards:dossier_draft", args=[batch[0].pk, "danh-sach"])))

    for part in ("ỦY BAN NHÂN DÂN XÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số:      /TTr-UBND", "TỜ TRÌNH", "Kính gửi:",
                 "Căn cứ", "cho 2 đối tượng", "I. Cá nhân", "Lê Thị Mai", "Trần Văn Nam",
                 "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):  # fmt: skip
        assert part in text, part
    assert "DANH SÁCH" in listed
    assert "Dẫn đầu phong trào." in listed


def test_the_report_writes_the_history(client, officer_a, commune_a, people):
    client.force_login(officer_a)
    record = AwardRecord(subject=people[0], award=Award.objects.get(code="ldtt"), year=2024,
                         decision_number="12/QĐ-UBND")  # fmt: skip
    history.record_award(actor=officer_a, record=record)
    nomination = _nominate(officer_a, commune_a, people[0])

    text = _text(client.get(reverse("awards:dossier_draft", args=[nomination.pk, "bao-cao"])))

    for part in ("BÁO CÁO THÀNH TÍCH", "I. SƠ LƯỢC LÝ LỊCH", "Họ và tên: Lê Thị Mai",
                 "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
                 "Lao động tiên tiến", "12/QĐ-UBND", "NGƯỜI BÁO CÁO THÀNH TÍCH"):  # fmt: skip
        assert part in text, part


def test_the_page_shows_what_is_missing_and_a_removed_file_goes(
    client, officer_a, commune_a, people, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)
    nomination = _nominate(officer_a, commune_a, people[0])
    (file,) = dossier.attach_file(actor=officer_a, nominations=[nomination], kind="to_trinh",
                                  upload=_pdf())  # fmt: skip
    page = client.get(nomination.get_absolute_url()).content.decode()
    assert page.count("Còn thiếu") == 2
    assert "to-trinh.pdf" in page
    stored = file.file.path

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("awards:dossier_remove", args=[nomination.pk, file.pk]))

    assert not DossierFile.objects.exists()
    assert not os.path.exists(stored)


def test_a_reviewing_level_removes_only_what_it_attached(
    client, officer_a, province_officer, commune_a, people
):
    nomination = _nominate(officer_a, commune_a, people[0])
    signed = {kind: dossier.attach_file(actor=officer_a, nominations=[nomination], kind=kind,
                                        upload=_pdf())[0]
              for kind in ("to_trinh", "bien_ban", "bao_cao")}  # fmt: skip
    transition(nomination, A.SUBMIT, by=officer_a)
    (own,) = dossier.attach_file(actor=province_officer, nominations=[nomination], kind="khac",
                                 upload=_pdf("tham-dinh.pdf"))  # fmt: skip
    client.force_login(province_officer)

    minutes = signed["bien_ban"].pk
    theirs = client.post(reverse("awards:dossier_remove", args=[nomination.pk, minutes]))
    mine = client.post(reverse("awards:dossier_remove", args=[nomination.pk, own.pk]))

    assert theirs.status_code == 403
    assert mine.status_code == 302
    assert set(nomination.files.values_list("kind", flat=True)) == set(signed)


def test_a_drafts_proposal_is_addressed_to_its_first_stop(client, officer_a, commune_a, province,
                                                          people):  # fmt: skip
    client.force_login(officer_a)
    nomination = _nominate(officer_a, commune_a, people[0])

    text = _text(client.get(reverse("awards:dossier_draft", args=[nomination.pk, "to-trinh"])))

    assert f"Kính gửi: Chủ tịch Ủy ban nhân dân {in_text(province.name)}." in text
