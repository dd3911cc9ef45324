"""The officer's inbox on the home page and the notices sent when something changes for a
unit: what each unit owes by when, what waits for a decision, and who is told."""

import datetime

import pytest
import time_machine
from django.core import mail

from tests.plans.helpers import pdf_upload
from thidua.inbox.models import Notice
from thidua.plans import drafts
from thidua.plans.models import Obligation, Plan
from thidua.workflow.engine import transition

D = datetime.date
TODAY = D(2026, 3, 10)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def plan(province, commune_a, commune_b, province_officer, officer_a, officer_b):
    """Three milestones for both communes: overdue, due this week, due next month."""
    plan = Plan.objects.create(issuer=province, symbol="12/KH-UBND", kind="conference",
                               title="Hội nghị điển hình tiên tiến")  # fmt: skip
    for title, due in [("Báo cáo quý", D(2026, 3, 1)), ("Danh sách điển hình", D(2026, 3, 14)),
                       ("Tổ chức hội nghị", D(2026, 4, 20))]:  # fmt: skip
        drafts.add_milestone(plan=plan, title=title, deliverable="report", due_on=due,
                             units=[commune_a, commune_b])  # fmt: skip
    transition(plan, "issue", by=province_officer)
    return plan


def _obligation(unit, title):
    return Obligation.objects.get(unit=unit, milestone__title=title)


def _deliver(obligation, by):
    transition(obligation, "deliver", by=by, data={"files": [pdf_upload()], "on": TODAY})


def _inbox(client, user):
    client.force_login(user)
    return client.get("/").content.decode()


def test_the_commune_sees_what_it_owes_by_when(client, plan, commune_a, officer_a):
    body = _inbox(client, officer_a)

    assert 'Việc phải nộp <span class="count">3</span>' in body
    assert "Quá hạn 9 ngày" in body  # due 01/03, today 10/03
    assert "Đến hạn trong tuần" in body  # due 14/03
    assert "Chưa đến hạn" in body  # due 20/04
    assert body.index("Báo cáo quý") < body.index("Danh sách điển hình") < body.index("Tổ chức")
    first = _obligation(commune_a, "Báo cáo quý")
    assert f'href="/ke-hoach/nghia-vu/{first.pk}/"' in body


def test_a_return_shows_with_its_reason_and_tells_the_unit(
    client, plan, commune_a, officer_a, province_officer, django_capture_on_commit_callbacks
):
    officer_a.email = "a@anphu.vn"
    officer_a.save()
    owed = _obligation(commune_a, "Báo cáo quý")
    _deliver(owed, officer_a)
    Notice.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        transition(owed, "return", by=province_officer, reason="Thiếu chữ ký lãnh đạo")

    body = _inbox(client, officer_a)

    assert "Bị trả lại" in body
    assert "Lý do: Thiếu chữ ký lãnh đạo" in body
    notice = Notice.objects.get()
    assert notice.user == officer_a  # not the province officer who returned it
    assert "bị trả lại: Thiếu chữ ký lãnh đạo" in notice.text
    assert [m.to for m in mail.outbox] == [["a@anphu.vn"]]
    assert f"/ke-hoach/nghia-vu/{owed.pk}/" in mail.outbox[0].body
    assert 'aria-label="1 thông báo chưa đọc"' in body


def test_the_province_sees_deliveries_to_decide_and_is_told(
    client, plan, commune_a, officer_a, province_officer
):
    Notice.objects.all().delete()
    _deliver(_obligation(commune_a, "Báo cáo quý"), officer_a)

    body = _inbox(client, province_officer)

    assert 'Báo cáo, sản phẩm chờ bạn xem xét <span class="count">1</span>' in body
    assert "Xã An Phú · Báo cáo quý" in body
    assert [n.user for n in Notice.objects.all()] == [province_officer]
    assert Notice.objects.get().text == "Xã An Phú đã nộp «Báo cáo quý» (12/KH-UBND); chờ xem xét."


def test_an_issued_plan_tells_every_addressed_unit(plan, officer_a, officer_b, province_officer):
    told = sorted(n.user.username for n in Notice.objects.all())

    assert told == ["officer_a", "officer_b"]  # not the issuer's officer who issued it
    assert (
        "ban hành «Hội nghị điển hình tiên tiến», giao việc cho đơn vị"
        in Notice.objects.first().text
    )


def test_a_sibling_officer_sees_only_their_own_units_work(
    client, plan, commune_a, officer_a, officer_b
):
    _deliver(_obligation(commune_a, "Báo cáo quý"), officer_a)
    transition(_obligation(commune_a, "Báo cáo quý"), "return", by=None, reason="Thiếu")
    key_a = _obligation(commune_a, "Báo cáo quý").pk

    body = _inbox(client, officer_b)

    assert f"/ke-hoach/nghia-vu/{key_a}/" not in body
    assert "Thiếu" not in body
    assert 'Việc phải nộp <span class="count">3</span>' in body
    assert "chờ bạn xem xét" not in body  # B decides nothing


def test_the_section_page_lists_every_row_and_refuses_an_unknown_one(client, plan, officer_a):
    client.force_login(officer_a)

    page = client.get("/viec-can-lam/phai-nop/")

    assert page.status_code == 200
    assert page.content.decode().count('class="inbox-item"') == 3
    assert client.get("/viec-can-lam/khong-co/").status_code == 404


def test_an_officer_of_no_unit_is_told_so(client, site_admin):
    assert "chưa là cán bộ thi đua, khen thưởng của đơn vị nào" in _inbox(client, site_admin)


@pytest.mark.parametrize("milestones", [1, 8])
def test_the_home_page_costs_the_same_queries_whatever_the_rows(
    client, province, commune_a, officer_a, province_officer, milestones, django_assert_num_queries
):
    plan = Plan.objects.create(issuer=province, kind="conference", title="Kế hoạch")
    for n in range(milestones):
        drafts.add_milestone(plan=plan, title=f"Mốc {n}", deliverable="report",
                             due_on=D(2026, 3, 1 + n), units=[commune_a])  # fmt: skip
    transition(plan, "issue", by=province_officer)
    client.force_login(officer_a)
    client.get("/")

    with django_assert_num_queries(23 if milestones > 5 else 22):  # the count once past five
        client.get("/")


def test_opening_a_notice_marks_it_read_and_goes_where_it_points(client, plan, officer_a):
    notice = Notice.objects.get(user=officer_a)
    client.force_login(officer_a)

    opened = client.post(f"/thong-bao/{notice.pk}/mo/")

    assert opened.status_code == 302
    assert opened.url == f"/ke-hoach/{plan.pk}/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "thông báo chưa đọc" not in client.get("/").content.decode()


def test_a_notice_never_sends_off_site_and_a_foreign_one_is_not_found(
    client, plan, officer_a, officer_b
):
    mine = Notice.objects.create(user=officer_a, text="x", link="https://example.com/")
    theirs = Notice.objects.get(user=officer_b)
    client.force_login(officer_a)

    assert client.post(f"/thong-bao/{mine.pk}/mo/").url == "/thong-bao/"
    assert client.post(f"/thong-bao/{theirs.pk}/mo/").status_code == 404
    assert client.get(f"/thong-bao/{theirs.pk}/mo/").status_code == 405


def test_read_all_marks_only_the_users_notices(client, plan, officer_a, officer_b):
    client.force_login(officer_a)

    client.post("/thong-bao/da-doc/")

    assert not Notice.objects.filter(user=officer_a, read_at__isnull=True).exists()
    assert Notice.objects.filter(user=officer_b, read_at__isnull=True).count() == 1
    assert "Chưa có thông báo nào." not in client.get("/thong-bao/").content.decode()
