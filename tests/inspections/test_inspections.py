"""Inspections (issue 16, part 4): planned for a unit below with the default checklist,
findings recorded per item (refused while one lacks its result), fixes requested with a
deadline that the inspected unit reports done and the inspectors accept or return, the
conclusion as Word; the inspected unit sees its inspection and open fixes, a sibling
nothing; every (state, action) pair of both workflows."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from thidua.inspections import services
from thidua.inspections.models import Fix, FixState, Inspection, InspectionState
from thidua.inspections.services import CHECKLIST
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 5, 20)


@pytest.fixture
def inspection(province, commune_a):
    return services.plan_inspection(
        actor=None,
        by_unit=province,
        unit=commune_a,
        planned_on=TODAY,
        inspectors="Ông Trần Văn Đoàn, trưởng đoàn",
    )


def _found(inspection, *, met="1"):
    findings = {item.pk: (met, f"Kết quả: {item.text}") for item in inspection.items.all()}
    services.record_findings(actor=None, inspection=inspection, findings=findings)
    return transition(inspection, "record", by=None)


def test_a_plan_gets_the_default_checklist_and_only_for_a_unit_below(inspection, commune_a,
                                                                       commune_b):  # fmt: skip
    assert [i.text for i in inspection.items.all()] == CHECKLIST["items"]
    with pytest.raises(ValidationError, match="cấp dưới"):
        services.plan_inspection(actor=None, by_unit=commune_a, unit=commune_b,
                                 planned_on=TODAY, inspectors="X")  # fmt: skip


def test_recording_needs_every_items_result(inspection):
    first = inspection.items.first()
    services.record_findings(actor=None, inspection=inspection,
                             findings={first.pk: ("0", "Chưa có kế hoạch năm")})  # fmt: skip

    with pytest.raises(Refused, match="chưa ghi kết quả"):
        transition(inspection, "record", by=None)
    done = _found(inspection)
    assert done.state == InspectionState.INSPECTED


def test_a_fix_is_owed_reported_returned_and_accepted(inspection, officer_a, officer_b,
                                                      province_officer):  # fmt: skip
    done = _found(inspection)
    due = timezone.localdate() + datetime.timedelta(days=30)
    fix = services.request_fix(actor=None, inspection=done, text="Bổ sung quy chế Hội đồng",
                               due_on=due)  # fmt: skip

    with pytest.raises(Refused) as other:
        transition(fix, "deliver", by=officer_b, data={"report": "x"})
    with pytest.raises(Refused, match="Cần ghi kết quả"):
        transition(fix, "deliver", by=officer_a, data={"report": " "})
    fix = transition(fix, "deliver", by=officer_a, data={"report": "Đã ban hành quy chế."})
    with pytest.raises(Refused) as self_accept:
        transition(fix, "accept", by=officer_a)
    fix = transition(fix, "return", by=province_officer, reason="Chưa có chữ ký")
    fix = transition(fix, "deliver", by=officer_a, data={"report": "Đã ký, gửi kèm."})
    fix = transition(fix, "accept", by=province_officer)

    assert other.value.forbidden
    assert self_accept.value.forbidden
    assert (fix.state, fix.report) == (FixState.ACCEPTED, "Đã ký, gửi kèm.")
    with pytest.raises(ValidationError, match="từ hôm nay"):
        services.request_fix(
            actor=None,
            inspection=done,
            text="Muộn",
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )


def test_the_conclusion_in_word(inspection):
    done = _found(inspection, met="0")
    services.request_fix(actor=None, inspection=done, text="Lập sổ theo dõi khen thưởng",
                         due_on=timezone.localdate() + datetime.timedelta(days=10))  # fmt: skip
    with pytest.raises(Refused, match="Cần nội dung kết luận"):
        transition(done, "conclude", by=None, data={"conclusion": ""})
    concluded = transition(
        done,
        "conclude",
        by=None,
        data={"conclusion": "Xã thực hiện cơ bản đầy đủ.\nCần khắc phục."},
    )

    from thidua.inspections.conclusion_docx import conclusion_docx

    text = "\n".join(p.text for p in Document(io.BytesIO(conclusion_docx(concluded))).paragraphs)
    assert "KẾT LUẬN KIỂM TRA" in text
    assert f"1. {CHECKLIST['items'][0]}: Chưa đạt." in text
    assert "Xã thực hiện cơ bản đầy đủ." in text
    assert "Lập sổ theo dõi khen thưởng (hạn" in text


def test_every_state_and_action_pair(inspection, province_officer, officer_a):
    pairs = {
        ("planned", "record"): "inspected",
        ("inspected", "conclude"): "concluded",
        ("inspected", "reopen"): "planned",
        ("concluded", "reopen"): "planned",
    }
    data = {"conclusion": "Kết luận."}
    _found(inspection)
    for state in InspectionState.values:
        for action in ("record", "conclude", "reopen"):
            Inspection.objects.filter(pk=inspection.pk).update(state=state)
            current = Inspection.objects.get(pk=inspection.pk)
            if (state, action) in pairs:
                moved = transition(current, action, by=province_officer, data=data, reason="Sửa")
                assert moved.state == pairs[(state, action)]
            else:
                with pytest.raises(Refused):
                    transition(current, action, by=province_officer, data=data, reason="Sửa")
    fix = Fix.objects.create(inspection=inspection, text="X", due_on=TODAY)
    fix_pairs = {
        ("pending", "deliver"): "delivered",
        ("returned", "deliver"): "delivered",
        ("delivered", "accept"): "accepted",
        ("delivered", "return"): "returned",
    }
    for state in FixState.values:
        for action in ("deliver", "accept", "return"):
            Fix.objects.filter(pk=fix.pk).update(state=state)
            current = Fix.objects.get(pk=fix.pk)
            who = officer_a if action == "deliver" else province_officer
            if (state, action) in fix_pairs:
                moved = transition(current, action, by=who, data={"report": "Xong"}, reason="R")
                assert moved.state == fix_pairs[(state, action)]
            else:
                with pytest.raises(Refused):
                    transition(current, action, by=who, data={"report": "Xong"}, reason="R")


def test_the_inspected_unit_sees_it_and_its_open_fixes_a_sibling_nothing(
    inspection, client, officer_a, officer_b
):
    done = _found(inspection)
    services.request_fix(actor=None, inspection=done, text="Công khai danh sách đề nghị",
                         due_on=timezone.localdate() + datetime.timedelta(days=5))  # fmt: skip
    client.force_login(officer_a)
    own = client.get(reverse("inspections:list"), {"don_vi": inspection.unit.pk})
    page = client.get(reverse("inspections:detail", args=[inspection.pk]))
    edit = client.post(reverse("inspections:findings", args=[inspection.pk]), {})
    client.force_login(officer_b)

    assert "Công khai danh sách đề nghị" in own.content.decode()
    assert page.status_code == 200
    assert edit.status_code == 403
    for name in ("detail", "word"):
        assert client.get(reverse(f"inspections:{name}", args=[inspection.pk])).status_code == 404
    assert client.get(reverse("inspections:list")).content.decode().count("Xã An Phú") == 0


def test_the_province_plans_and_records_through_the_pages(client, province_officer, province,
                                                          commune_a):  # fmt: skip
    client.force_login(province_officer)
    wrong = client.post(
        reverse("inspections:plan", args=[province.pk]),
        {"unit": commune_a.pk, "planned_on": "32/13/2026", "inspectors": "Bà Hòa trưởng đoàn"},
    )
    made = client.post(reverse("inspections:plan", args=[province.pk]),
                       {"unit": commune_a.pk, "planned_on": "20/05/2026",
                        "inspectors": "Đoàn kiểm tra của Ban"})  # fmt: skip
    inspection = Inspection.objects.get()
    item = inspection.items.first()
    client.post(reverse("inspections:findings", args=[inspection.pk]),
                {f"met_{item.pk}": "1", f"finding_{item.pk}": "Có kế hoạch số 12/KH-UBND",
                 "new_item": "Ứng dụng phần mềm quản lý thi đua"})  # fmt: skip

    assert wrong.status_code == 400
    assert 'value="Bà Hòa trưởng đoàn"' in wrong.content.decode()  # what was typed is kept
    assert made.status_code == 302
    item.refresh_from_db()
    assert (item.met, item.finding) == (True, "Có kế hoạch số 12/KH-UBND")
    assert inspection.items.last().text == "Ứng dụng phần mềm quản lý thi đua"


def test_the_api_reads_it_in_scope_and_moves_a_fix(inspection, client, officer_a, officer_b):
    done = _found(inspection)
    fix = services.request_fix(
        actor=None,
        inspection=done,
        text="Lưu trữ hồ sơ",
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    client.force_login(officer_a)
    url = f"/api/v1/inspections/{inspection.pk}"

    detail = client.get(url).json()
    empty = client.post(f"{url}/fixes/{fix.pk}/transitions", {"action": "deliver"},
                        content_type="application/json")  # fmt: skip
    moved = client.post(f"{url}/fixes/{fix.pk}/transitions",
                        {"action": "deliver", "report": "Đã lập tủ hồ sơ."},
                        content_type="application/json")  # fmt: skip
    accept = client.post(f"{url}/fixes/{fix.pk}/transitions", {"action": "accept"},
                         content_type="application/json")  # fmt: skip
    client.force_login(officer_b)

    assert len(detail["items"]) == len(CHECKLIST["items"])
    assert detail["fixes"][0]["text"] == "Lưu trữ hồ sơ"
    assert empty.status_code == 409
    assert moved.json()["state"] == "delivered"
    assert accept.status_code == 403  # the inspected unit does not accept its own fix
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/inspections").json()["items"] == []


def test_the_inspectors_do_not_report_the_fix_for_the_unit(inspection, province_officer, client):
    done = _found(inspection)
    fix = services.request_fix(
        actor=None,
        inspection=done,
        text="Lập sổ",
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    client.force_login(province_officer)

    with pytest.raises(Refused, match="tự báo cáo") as refused:
        transition(fix, "deliver", by=province_officer, data={"report": "Thay xã"})
    page = client.get(reverse("inspections:detail", args=[inspection.pk])).content.decode()

    assert refused.value.forbidden
    assert "Báo cáo kết quả khắc phục" not in page  # no button that would refuse


def test_reopening_takes_the_conclusion_back(inspection, province_officer):
    done = transition(_found(inspection), "conclude", by=None, data={"conclusion": "Tốt."})

    reopened = transition(done, "reopen", by=province_officer, reason="Bổ sung kết quả")

    assert (reopened.conclusion, reopened.concluded_on) == ("", None)


def test_the_inspectors_attach_evidence_the_unit_downloads_a_sibling_not(
    inspection, client, province_officer, officer_a, officer_b
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.plans.helpers import PDF

    item = inspection.items.first()
    client.force_login(province_officer)
    client.post(reverse("inspections:item_file", args=[inspection.pk, item.pk]),
                {"file": SimpleUploadedFile("bien-ban.pdf", PDF)})  # fmt: skip
    row = item.files.get()
    url = reverse("inspections:item_file_download", args=[inspection.pk, row.pk])
    client.force_login(officer_a)
    member = client.get(url)
    upload = client.post(reverse("inspections:item_file", args=[inspection.pk, item.pk]),
                         {"file": SimpleUploadedFile("x.pdf", PDF)})  # fmt: skip
    client.force_login(officer_b)

    assert member.status_code == 200
    assert upload.status_code == 403
    assert client.get(url).status_code == 404
