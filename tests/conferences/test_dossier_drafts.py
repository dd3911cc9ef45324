"""After a conference is held, thidua writes the dossier documents it can from the data and
attaches them in one action; the officer uploads the rest several at once (all or nothing)
and records the actual cost and the attendance, shown on the page afterwards."""

import datetime
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tests.conferences.conftest import make_delegates
from tests.plans.helpers import pdf_upload
from thidua.conferences import delegates, dossier
from thidua.conferences.dossier_docx import figures, generator_for
from thidua.conferences.models import Delegate
from thidua.workflow.engine import transition

DOCUMENTS = ["Báo cáo tóm tắt kết quả hội nghị", "Biên bản hội nghị",
             "Danh sách trích ngang đại biểu dự cấp trên", "Tờ trình"]  # fmt: skip


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2025, 9, 1, 9, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def held(conference, officer_a):
    rules = conference.rule_set
    rules.dossier_documents = DOCUMENTS
    rules.save(update_fields=["dossier_documents"])
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    Delegate.objects.filter(conference=conference, full_name__endswith=" 1").update(
        to_upper=True, is_honouree=True, gender="female")  # fmt: skip
    delegates.add_delegate(actor=officer_a, conference=conference, full_name="Hoàng Thị Lụa",
                           category="exemplary", to_upper=True, birth_year=1979,
                           gender="female")  # fmt: skip
    for action in ("approve", "hold"):
        conference = transition(conference, action, by=officer_a)
    return conference


def _text(document) -> str:
    word = Document(io.BytesIO(document.file.read()))
    cells = [p.text for t in word.tables for cell in t._cells for p in cell.paragraphs]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_one_action_attaches_what_thidua_can_write(client, held, officer_a):
    client.force_login(officer_a)
    uploaded = dossier.upload_dossier_document(
        actor=officer_a, conference=held, name=DOCUMENTS[1], upload=pdf_upload("bb.pdf")
    )

    response = client.post(reverse("conferences:dossier_generate", args=[held.pk]), follow=True)

    have = {d.name: d for d in held.dossier.all()}
    assert set(have) == set(DOCUMENTS[:3])  # the signed tờ trình is the officer's to upload
    assert have[DOCUMENTS[1]].pk == uploaded.pk  # an uploaded (signed) file is never replaced
    assert have[DOCUMENTS[0]].generated
    assert "Đã soạn và đính kèm 2 văn bản" in response.content.decode()
    report, brief = _text(have[DOCUMENTS[0]]), _text(have[DOCUMENTS[2]])
    for part in ("BÁO CÁO", f"Kết quả tổ chức {held.name}", "Số đại biểu được mời: 101",
                 "nữ: 3", "Đại biểu cử dự hội nghị, đại hội cấp trên: 3", "Nơi nhận:",
                 "- Ủy ban nhân dân tỉnh Thử Nghiệm;"):  # fmt: skip
        assert part in report, part
    assert "Hoàng Thị Lụa" in brief
    assert "Người guest 2" not in brief  # only those sent up
    assert have[DOCUMENTS[0]].original_name == f"{DOCUMENTS[0]} - {held.name}.docx"


def test_the_minutes_come_from_the_data(held, officer_a):
    held.attended = 90
    held.save(update_fields=["attended"])

    dossier.attach_generated(actor=officer_a, conference=held)

    text = _text(held.dossier.get(name=DOCUMENTS[1]))
    for part in ("BIÊN BẢN", "Thành phần: 90/101 đại biểu được mời có mặt.", "Đoàn Chủ tịch:",
                 "NỘI DUNG", "KẾT QUẢ", "Tuyên dương 2 điển hình tiên tiến",
                 "Người exemplary 1", "CHỦ TRÌ", "THƯ KÝ"):  # fmt: skip
        assert part in text, part


def test_nothing_is_written_before_the_conference_is_held(conference, officer_a):
    with pytest.raises(Exception, match="sau khi hội nghị đã tổ chức"):
        dossier.attach_generated(actor=officer_a, conference=conference)


def test_several_files_in_one_upload_all_or_nothing(client, held, officer_a):
    client.force_login(officer_a)
    url = reverse("conferences:dossier_upload", args=[held.pk])

    bad = SimpleUploadedFile("tt.pdf", b"MZ\x90\x00", content_type="application/pdf")
    names = {"name-1": DOCUMENTS[1], "name-3": DOCUMENTS[3]}
    refused = client.post(url, {**names, "file-1": pdf_upload("bb.pdf"), "file-3": bad},
                          follow=True).content.decode()  # fmt: skip
    kept = held.dossier.count()
    moved = client.post(url, {"name-1": "Tờ trình", "file-1": pdf_upload("bb.pdf")},
                        follow=True).content.decode()  # fmt: skip
    client.post(url, {**names, "file-1": pdf_upload("bb.pdf"), "file-3": pdf_upload("tt.pdf")})

    assert "Tờ trình:" in refused  # the message names the refused document
    assert kept == 0
    assert "hãy tải lại trang" in moved  # the row's name no longer matches the list
    assert sorted(held.dossier.values_list("name", flat=True)) == ["Biên bản hội nghị", "Tờ trình"]


def test_the_cost_and_the_attendance_are_recorded_and_shown(client, held, officer_a, officer_b):
    client.force_login(officer_a)
    url = reverse("conferences:outcome", args=[held.pk])

    too_many = client.post(url, {"attended": "500"}, follow=True).content.decode()
    client.post(url, {"budget_actual": "43500000", "attended": "96"})
    page = client.get(held.get_absolute_url()).content.decode()
    client.force_login(officer_b)
    generate = reverse("conferences:dossier_generate", args=[held.pk])
    sibling = [client.post(url, {"attended": "1"}).status_code,
               client.post(generate).status_code]  # fmt: skip

    assert "Số có mặt (500) lớn hơn số đại biểu được mời (101)." in too_many
    held.refresh_from_db()
    assert (held.budget_actual, held.attended) == (43_500_000, 96)
    assert "96 / 101 đại biểu (cán bộ ghi)" in page
    assert "quyết toán 43.500.000 đồng" in page
    assert figures(held)["present"] == 96
    assert sibling == [404, 404]


def test_the_documents_thidua_writes_are_recognised_by_their_words():
    assert generator_for("Báo cáo kết quả tổ chức Hội nghị") is not None
    assert generator_for("Biên bản Hội nghị điển hình tiên tiến") is not None
    assert generator_for("Danh sách trích ngang đại biểu") is not None
    assert generator_for("Báo cáo thành tích của đại biểu") is None
    assert generator_for("Tờ trình đề nghị khen thưởng") is None


def test_once_reported_the_outcome_is_the_reports(held, officer_a):
    dossier.attach_generated(actor=officer_a, conference=held)
    dossier.upload_dossier_document(actor=officer_a, conference=held, name=DOCUMENTS[3],
                                    upload=pdf_upload("tt.pdf"))  # fmt: skip
    reported = transition(held, "report", by=officer_a)

    with pytest.raises(Exception, match="chưa gửi báo cáo"):
        dossier.record_outcome(actor=officer_a, conference=reported, budget_actual=1,
                               attended=1)  # fmt: skip


def test_a_draft_that_fails_leaves_no_stored_file_behind(held, officer_a, monkeypatch, settings):
    from pathlib import Path  # noqa: PLC0415

    from thidua.conferences import dossier_docx  # noqa: PLC0415

    def broken(conference):
        raise RuntimeError("hỏng")

    writers = [(words, broken if write is dossier_docx.minutes else write)
               for words, write in dossier_docx.GENERATED]  # fmt: skip
    monkeypatch.setattr(dossier_docx, "GENERATED", writers)

    with pytest.raises(RuntimeError):
        dossier.attach_generated(actor=officer_a, conference=held)

    assert not held.dossier.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.docx"))
