import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from tests.plans.helpers import pdf_upload
from thidua.inbox.models import Notice
from thidua.inbox.reminders import send_reminders
from thidua.plans import drafts
from thidua.plans.models import Obligation, Plan
from thidua.units.services import update_unit
from thidua.workflow.engine import transition

D = datetime.date


@pytest.fixture
def issued(province, commune_a, commune_b, province_officer, officer_a, officer_b):
    officer_a.email, officer_b.email = "a@anphu.vn", "b@binhminh.vn"
    officer_a.save()
    officer_b.save()
    update_unit(actor=None, unit=commune_a, email="vanthu@anphu.vn")
    plan = Plan.objects.create(issuer=province, symbol="12/KH-UBND", kind="conference",
                               title="Hội nghị điển hình")  # fmt: skip
    drafts.add_milestone(plan=plan, title="Gửi kế hoạch của xã", deliverable="own_plan",
                         due_on=D(2026, 3, 15), units=[commune_a, commune_b])  # fmt: skip
    return transition(plan, "issue", by=province_officer)


def test_reminders_go_before_the_due_date_and_once(issued, commune_b, officer_a):
    transition(
        Obligation.objects.get(unit__name="Xã An Phú"),
        "deliver",
        by=officer_a,
        data={"files": [pdf_upload()], "on": D(2026, 3, 10)},
    )

    first = send_reminders(today=D(2026, 3, 13), days_before=3)
    again = send_reminders(today=D(2026, 3, 14), days_before=3)

    assert (first, again) == (1, 0)
    assert [m.to for m in mail.outbox] == [["b@binhminh.vn"]]  # A has delivered already
    assert "sắp đến hạn, hạn 15/03/2026" in mail.outbox[0].body
    reminded = Notice.objects.filter(text__contains="sắp đến hạn")
    assert [n.user.username for n in reminded] == ["officer_b"]


def test_overdue_reminders_reach_the_unit_and_its_officers(issued):
    sent = send_reminders(today=D(2026, 3, 20), days_before=3)

    assert sent == 2
    assert sorted(tuple(m.to) for m in mail.outbox) == [
        ("a@anphu.vn", "vanthu@anphu.vn"), ("b@binhminh.vn",),
    ]  # fmt: skip
    assert all("đã quá hạn" in m.body for m in mail.outbox)


def test_nothing_is_sent_far_from_the_due_date(issued):
    assert send_reminders(today=D(2026, 3, 1), days_before=3) == 0
    assert mail.outbox == []


def test_the_command_runs(issued, capsys):
    call_command("send_reminders", "--days", "3")

    assert "Đã gửi" in capsys.readouterr().out


def test_reminders_are_counted_in_the_menu_and_listed_with_the_notices(client, issued, officer_b):
    Notice.objects.all().delete()  # the notice of the plan's issue
    send_reminders(today=D(2026, 3, 13), days_before=3)
    client.force_login(officer_b)

    home = client.get("/").content.decode()
    notices = client.get("/thong-bao/").content.decode()

    assert 'aria-label="1 thông báo chưa đọc"' in home
    assert "«Gửi kế hoạch của xã» (12/KH-UBND) sắp đến hạn" in notices
