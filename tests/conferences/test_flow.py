"""From draft to reported: approval blocked by errors, holding delivers the plan's
obligation and honours exemplars, the dossier fulfils the dossier obligation; delegates
go up to the province by quota; check-in; documents; scope."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conferences.conftest import make_delegates
from tests.exemplars.recognition import meet_criteria
from tests.plans.helpers import pdf_upload
from tests.sheets import table_of
from thidua.conferences import delegates, dossier, services
from thidua.conferences.checks import check_conference
from thidua.conferences.models import Delegate
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data
from thidua.plans.models import Obligation
from thidua.workflow.engine import history, transition

D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2025, 9, 1, 9, tzinfo=datetime.UTC)):
        yield


def _approve_all(conference):
    pks = list(conference.delegates.values_list("pk", flat=True))
    delegates.move_delegates(actor=None, conference=conference, pks=pks, action="approve")
    conference.status = "approved"  # check-in happens on the day of an approved conference
    conference.save()


def test_errors_block_approval_then_it_runs_to_reported(conference, officer_a, commune_a):
    make_delegates(conference, exemplary=90, guest=61, presidium=5)
    with pytest.raises(ValidationError) as refused:
        transition(conference, "approve", by=officer_a)
    guests = list(conference.delegates.filter(category="guest").values_list("pk", flat=True))
    delegates.remove_delegates(actor=officer_a, conference=conference, pks=guests[:13])
    transition(conference, "approve", by=officer_a)
    transition(conference, "hold", by=officer_a)
    with pytest.raises(ValidationError, match="Hồ sơ còn thiếu"):
        transition(conference, "report", by=officer_a)
    for name in conference.rule_set.dossier_documents:
        dossier.upload_dossier_document(
            actor=officer_a, conference=conference, name=name, upload=pdf_upload(f"{name[:10]}.pdf")
        )
    transition(conference, "report", by=officer_a)

    assert refused.value.messages == [
        "Vượt 1 đại biểu so với mức tối đa 150.",
        "Đại biểu điển hình chiếm 59,6 %, dưới mức 70 % ± 5.",
    ]
    owed = {o.milestone.deliverable: o for o in Obligation.objects.filter(unit=commune_a)}
    assert owed["conference"].linked_conference == conference
    assert owed["conference"].state == owed["dossier"].state == "delivered"
    assert owed["dossier"].files.count() == 2
    assert [c.action for c in history(conference)] == ["approve", "hold", "report"]


def test_holding_honours_exemplars(conference, officer_a, commune_a):
    load_reference_data(Field, Criterion)
    person = exemplar_services.create_subject(
        actor=officer_a, unit=commune_a, kind="individual", name="Lò Thị Mai"
    )
    exemplar = exemplar_services.create_exemplar(
        actor=officer_a,
        subject=person,
        title="Vườn mẫu",
        field=Field.objects.first(),
        year_from=2024,
    )
    transition(exemplar, "nurture", by=officer_a)
    meet_criteria(exemplar)
    delegates.add_delegate(
        actor=officer_a,
        conference=conference,
        exemplar=exemplar,
        category="exemplary",
        is_honouree=True,
    )
    make_delegates(conference, exemplary=69, guest=30, presidium=5)
    transition(conference, "approve", by=officer_a)
    transition(conference, "hold", by=officer_a)

    exemplar.refresh_from_db()
    assert exemplar.stage == "recognised"
    assert exemplar.honours.get().level == "commune"
    recognition = exemplar.recognitions.get()
    assert (recognition.level, recognition.occasion) == ("commune", conference.name)
    assert recognition.on == conference.held_on
    assert Delegate.objects.get(exemplar=exemplar).full_name == "Lò Thị Mai"


def test_quota_rollup_and_pull(
    conference, officer_a, province, commune_a, commune_b, province_officer
):
    congress = services.create_conference(
        actor=province_officer, unit=province, kind="congress", period_start=2025, period_end=2030
    )
    delegates.set_quota(
        actor=province_officer, conference=congress, unit=commune_a, number=3, min_women=2
    )
    delegates.set_quota(actor=province_officer, conference=congress, unit=commune_b, number=2)
    conference.feeds = congress
    conference.save()
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    make_delegates(conference, exemplary=4, to_upper=True, gender="female")
    quota_finding = [f.message for f in check_conference(conference) if f.rule == "quota"]
    conference.delegates.filter(to_upper=True).first().delete()
    transition(conference, "approve", by=officer_a)
    transition(conference, "hold", by=officer_a)

    rows = {row["quota"].unit.name: row for row in services_rollup(congress)}
    pulled = delegates.pull_delegates(actor=province_officer, conference=congress, unit=commune_a)
    again = delegates.pull_delegates(actor=province_officer, conference=congress, unit=commune_a)

    assert quota_finding == ["Vượt 1 đại biểu so với chỉ tiêu 3 đại biểu dự cấp trên."]
    assert (rows["Xã An Phú"]["n"], rows["Xã An Phú"]["gap"], rows["Xã An Phú"]["women"]) == (
        3,
        0,
        3,
    )
    assert (rows["Xã Bình Minh"]["n"], rows["Xã Bình Minh"]["gap"]) == (0, -2)
    assert (pulled, again) == ((3, 0), (0, 0))


def services_rollup(conference):
    from thidua.conferences.selectors import rollup

    return rollup(conference)


def test_check_in_by_code_once(client, conference, officer_a):
    make_delegates(conference, exemplary=2)
    _approve_all(conference)
    one = conference.delegates.first()
    client.force_login(officer_a)

    client.post(
        reverse("conferences:check_in", args=[conference.pk]),
        {"code": f"http://x/hoi-nghi/the/{one.token}/"},
    )
    again = client.post(reverse("conferences:scanned", args=[one.token]), follow=True)
    count = client.get(reverse("conferences:attendance", args=[conference.pk]))

    one.refresh_from_db()
    assert one.status == "attended"
    assert "đã điểm danh lúc" in again.content.decode()
    assert "<strong>1</strong> / 2" in count.content.decode()


def test_brief_profiles_open_with_vietnamese_intact(client, conference, officer_a):
    from docx import Document

    delegates.add_delegate(
        actor=officer_a,
        conference=conference,
        full_name="Nguyễn Thị Hằng",
        category="exemplary",
        gender="female",
        birth_year=1979,
        ethnicity="Kinh",
        position="Nông dân",
    )
    make_delegates(conference, guest=2)
    client.force_login(officer_a)

    sheet = client.get(reverse("conferences:brief_profiles", args=[conference.pk, "xlsx"]))
    word = client.get(reverse("conferences:brief_profiles", args=[conference.pk, "docx"]))

    rows = table_of(sheet.content)
    assert rows[0][:4] == ("STT", "Họ và tên", "Năm sinh", None)  # merged over Nam and Nữ
    assert len(rows) == 1 + 3
    assert "Nguyễn Thị Hằng" in [row[1] for row in rows]
    table = Document(io.BytesIO(word.content)).tables[1]
    assert len(table.rows) == 2 + 3  # «Năm sinh» above «Nam» and «Nữ»
    assert any(cell.text == "Nguyễn Thị Hằng" for cell in table.rows[2].cells)


@pytest.mark.parametrize(
    ("status", "action"),
    [("draft", "hold"), ("draft", "report"), ("held", "approve"), ("reported", "reopen")],
)
def test_transitions_outside_the_table_are_refused(conference, officer_a, status, action):
    conference.status = status
    conference.save()

    with pytest.raises(ValidationError, match="Không thể"):
        transition(conference, action, by=officer_a)
    conference.refresh_from_db()
    assert conference.status == status


def test_reopen_returns_an_approved_plan_to_draft_with_its_reason(conference, officer_a):
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    transition(conference, "approve", by=officer_a)

    transition(conference, "reopen", by=officer_a, reason="Đổi ngày tổ chức")

    change = history(conference)[-1]
    assert (change.from_state, change.to_state, change.reason) == (
        "approved",
        "draft",
        "Đổi ngày tổ chức",
    )


def test_delegate_statuses_follow_their_table(conference, officer_a):
    make_delegates(conference, exemplary=2)
    first, second = conference.delegates.order_by("pk")
    delegates.move_delegates(
        actor=officer_a, conference=conference, pks=[first.pk], action="confirm"
    )  # not yet approved: left as it is
    delegates.move_delegates(
        actor=officer_a, conference=conference, pks=[first.pk, second.pk], action="approve"
    )
    delegates.move_delegates(
        actor=officer_a, conference=conference, pks=[first.pk], action="confirm"
    )

    conference.status = "approved"
    conference.save()
    with pytest.raises(ValidationError, match="chưa được duyệt"):
        delegates.check_in(
            actor=officer_a,
            conference=conference,
            token=Delegate.objects.create(
                conference=conference, full_name="Mới", sort_name="moi", category="guest"
            ).token,
        )
    statuses = dict(conference.delegates.values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk]) == ("confirmed", "approved")
