import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.plans.helpers import pdf_upload
from tests.sheets import table_of
from thidua.plans.models import Obligation, Plan

TEXT = """UY BAN NHAN DAN            CONG HOA XA HOI CHU NGHIA VIET NAM
TINH THU NGHIEM            Doc lap - Tu do - Hanh phuc
So: 12/KH-UBND             Thu Nghiem, ngay 02 thang 3 nam 2026
KE HOACH
To chuc Hoi nghi dien hinh tien tien cac xa nam 2026

Thuc hien Ke hoach so 07/KH-HDTDKT, UBND tinh ban hanh Ke hoach:

I. MUC DICH, YEU CAU
- Cac xa gui ke hoach cua minh truoc ngay 15/3/2026.
- Hoan thanh hoi nghi trong quy II/2026.
"""


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def draft(client, read_plan, province_officer, province, commune_a, commune_b):
    client.force_login(province_officer)
    response = read_plan(province, "ke-hoach.txt", TEXT.encode())
    plan = Plan.objects.get()
    # The upload leads to the reading's page, which leads to the draft once it is read.
    assert client.get(response["Location"])["Location"] == plan.get_absolute_url()
    return plan


def test_upload_makes_a_draft_with_a_milestone_per_deadline(draft):
    assert (draft.symbol, str(draft.issued_on), draft.status) == (
        "12/KH-UBND",
        "2026-03-02",
        "draft",
    )
    # The text has no marks: the milestones read with their marks restored where the
    # model knows the words, the sentence as printed kept beside them (issue 17).
    milestones = list(draft.milestones.all())
    assert [str(m.due_on) for m in milestones] == ["2026-03-15", "2026-06-30"]
    assert milestones[0].title.startswith("Các xã gửi kế hoạch")
    assert milestones[1].title.startswith("Hoàn thành hội nghị trong")
    assert [m.source_sentence for m in milestones] == [
        "Cac xa gui ke hoach cua minh truoc ngay 15/3/2026.",
        "Hoan thanh hoi nghi trong quy II/2026.",
    ]
    assert draft.title == "Tổ chức Hội nghị điển hình tiên tiến các xã năm 2026"
    assert draft.printed["title"] == "To chuc Hoi nghi dien hinh tien tien cac xa nam 2026"


def test_issue_then_the_communes_owe_and_deliver(client, draft, province_officer, officer_a,
                                                 officer_b, commune_a):  # fmt: skip
    first = draft.milestones.order_by("due_on").first()
    client.post(reverse("plans:milestone_units", args=[draft.pk, first.pk]), {"kind": "commune"})
    client.post(reverse("plans:issue", args=[draft.pk]))
    client.force_login(officer_a)
    mine = client.get(reverse("plans:my_obligations")).context["page"].object_list
    rows = client.get(reverse("plans:board", args=[draft.pk])).context["rows"]
    own = Obligation.objects.get(unit=commune_a)
    with time_machine.travel(datetime.datetime(2026, 3, 17, 9, tzinfo=datetime.UTC)):
        client.force_login(officer_a)  # a week later: yesterday's session has expired
        client.post(reverse("plans:deliver", args=[own.pk]),
                    {"note": "Gửi muộn", "files": [pdf_upload()]})  # fmt: skip
        client.force_login(province_officer)
        board = client.get(reverse("plans:board", args=[draft.pk])).context["counts"]
        sheet = client.get(reverse("plans:board", args=[draft.pk]), {"format": "xlsx"})

    assert [o.unit for o in mine] == [commune_a]  # the sibling's obligation is not shown
    assert [unit for unit, _ in rows] == [commune_a]
    assert (board["late"], board["overdue"]) == (1, 1)
    assert [row[1:3] for row in table_of(sheet.content)[1:]] == [
        ("Xã An Phú", "Đã nộp muộn (17/03/2026)"), ("Xã Bình Minh", "Quá hạn"),
    ]  # fmt: skip
    assert own.files.get().original_name == "bien-ban.pdf"


def test_siblings_see_no_draft_and_cannot_act(client, draft, officer_b, officer_a, commune_a):
    own_plan = Plan.objects.create(issuer=commune_a, title="Kế hoạch xã An Phú", kind="other")
    client.force_login(officer_b)

    assert client.get(draft.get_absolute_url()).status_code == 404  # a draft, not addressed
    assert client.get(own_plan.get_absolute_url()).status_code == 404
    assert client.post(reverse("plans:issue", args=[draft.pk])).status_code == 404
    assert client.get(reverse("plans:upload", args=[commune_a.pk])).status_code == 404
    client.force_login(officer_a)  # the province's draft is not theirs to see before issue
    assert client.post(reverse("plans:issue", args=[draft.pk])).status_code == 404


def test_a_non_text_upload_is_refused(client, province_officer, province):
    client.force_login(province_officer)

    response = client.post(reverse("plans:upload", args=[province.pk]),
                           {"file": SimpleUploadedFile("virus.exe", b"MZ")})  # fmt: skip

    assert "không thuộc loại được nhận" in response.content.decode()
    assert not Plan.objects.exists()
