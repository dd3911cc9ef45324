"""Guards found in review: closed conferences stay closed, odd input never ends in a 500."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conferences.conftest import make_delegates
from tests.factories import UnitFactory
from thidua.audit.models import AuditEvent
from thidua.conferences import delegates, services
from thidua.conferences.checks import tally
from thidua.exemplars import services as exemplar_services
from thidua.plans.models import Obligation
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition

D = datetime.date


def test_a_held_conference_keeps_its_name_and_edits_are_audited(client, conference, officer_a):
    conference.status = "held"
    conference.save()
    client.force_login(officer_a)

    client.post(
        reverse("conferences:edit", args=[conference.pk]),
        {
            "kind": "conference",
            "form": conference.form,
            "name": "Tên khác",
            "edition": "2",
            "period_start": "2025",
            "period_end": "2030",
            "venue": "Nhà văn hóa",
        },
    )

    conference.refresh_from_db()
    assert (conference.name.startswith("Hội nghị tuyên dương"), conference.venue) == (
        True,
        "Nhà văn hóa",
    )
    assert AuditEvent.objects.filter(target_type="conferences.conference").latest("pk").changes == {
        "venue": ["", "Nhà văn hóa"]
    }


def test_holding_without_a_date_is_refused(province, province_officer):
    congress = services.create_conference(
        actor=None, unit=province, kind="congress", period_start=2025, period_end=2030
    )
    transition(congress, "approve", by=province_officer)

    with pytest.raises(ValidationError, match="Chưa có ngày tổ chức"):
        transition(congress, "hold", by=province_officer)


def test_a_reversed_period_is_refused(commune_a):
    with pytest.raises(ValidationError):
        services.create_conference(actor=None, unit=commune_a, period_start=2030, period_end=2020)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("conferences:findings", {"exemplary": "²"}),
        ("conferences:delegates", {"page": "²"}),
    ],
)
def test_unicode_digits_do_not_break_pages(client, conference, officer_a, name, params):
    client.force_login(officer_a)

    assert client.get(reverse(name, args=[conference.pk]), params).status_code == 200


def test_unicode_digits_in_a_bulk_action(client, conference, officer_a):
    client.force_login(officer_a)

    response = client.post(
        reverse("conferences:delegate_bulk", args=[conference.pk]),
        {"pk": ["²"], "action": "remove"},
    )

    assert response.status_code == 302


def test_what_if_removing_more_exemplary_than_there_are(conference):
    make_delegates(conference, exemplary=3, guest=10)

    counts = tally(conference, adjust={"exemplary": -10})

    assert (counts.exemplary, counts.total) == (0, 10)


def test_a_conference_recorded_late_is_delivered_on_the_day_it_was_held(
    conference, officer_a, commune_a
):
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    transition(conference, "approve", by=officer_a, reason="Nhập sau hội nghị")
    transition(conference, "hold", by=officer_a, reason="Nhập sau hội nghị")

    owed = Obligation.objects.get(unit=commune_a, milestone__deliverable="conference")
    assert owed.delivered_on == D(2025, 8, 25)


def test_closed_conferences_take_no_more_changes(conference, officer_a):
    make_delegates(conference, exemplary=1)
    conference.status = "reported"
    conference.save()
    pk = conference.delegates.get().pk

    with pytest.raises(ValidationError):
        delegates.move_delegates(actor=officer_a, conference=conference, pks=[pk], action="approve")
    with pytest.raises(ValidationError):
        delegates.check_in(
            actor=officer_a, conference=conference, token=conference.delegates.get().token
        )


def test_subjects_of_former_units_may_be_delegates(conference, commune_a, province, officer_a):
    old = UnitFactory(name="Xã Cũ", kind=UnitKind.COMMUNE, parent=province)
    commune_a.predecessors.add(old)
    person = exemplar_services.create_subject(
        actor=None, unit=old, kind="individual", name="Hà Thị Cúc"
    )

    delegate = delegates.add_delegate(
        actor=officer_a,
        conference=conference,
        subject=person,
        category="exemplary",
        origin_unit=old,
    )

    assert delegate.full_name == "Hà Thị Cúc"
