"""The conference and delegate workflows on the core: every (state, action) pair, who may
act, and effects in other workflows that happen with the transition or not at all."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.conferences.conftest import make_delegates
from tests.exemplars.recognition import meet_criteria
from tests.plans.helpers import pdf_upload
from tests.workflow.table import assert_moves, assert_refused, pairs
from thidua.conferences import delegates, dossier
from thidua.conferences.enums import ConferenceStatus, DelegateStatus
from thidua.conferences.models import Delegate
from thidua.conferences.workflows import CONFERENCE, DELEGATE
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Exemplar, Field
from thidua.exemplars.reference import load_reference_data
from thidua.plans.models import Obligation
from thidua.workflow import engine
from thidua.workflow.engine import Refused, transition
from thidua.workflow.models import Transition


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2025, 9, 1, 9, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def ready(conference, officer_a):
    """A conference that every rule lets pass: delegates within the cap and share, its
    date reached, its dossier complete."""
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    for name in conference.rule_set.dossier_documents:
        dossier.upload_dossier_document(actor=officer_a, conference=conference, name=name,
                                          upload=pdf_upload(f"{name[:10]}.pdf"))  # fmt: skip
    return conference


@pytest.mark.parametrize(("status", "action"), pairs(CONFERENCE, allowed=True))
def test_every_allowed_conference_transition_moves_and_is_recorded(
    ready, officer_a, status, action
):
    moved = assert_moves(ready, status, action, by=officer_a)

    row = Transition.objects.get(workflow="conference", object_id=moved.pk)
    assert "findings" in row.payload  # the warnings that stood, kept with the change


@pytest.mark.parametrize(("status", "action"), pairs(CONFERENCE, allowed=False))
def test_every_refused_conference_transition_leaves_no_trace(ready, officer_a, status, action):
    assert_refused(ready, status, action, by=officer_a, code="state")


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
def test_the_conference_workflow_refuses_a_sibling_and_readers(request, ready, persona):
    assert_refused(ready, ConferenceStatus.DRAFT, "approve",
                   by=request.getfixturevalue(persona), code="forbidden")  # fmt: skip


def test_a_guard_refuses_with_its_rule(conference, officer_a):
    make_delegates(conference, exemplary=90, guest=61, presidium=5)  # over the cap of 150

    refused = assert_refused(conference, ConferenceStatus.DRAFT, "approve", by=officer_a,
                             code="guard")  # fmt: skip

    assert refused.messages[0] == "Vượt 1 đại biểu so với mức tối đa 150."


@pytest.fixture
def delegate(conference):
    return Delegate.objects.create(conference=conference, full_name="Lê Thị Mai",
                                   sort_name="mai le thi", category="exemplary")  # fmt: skip


@pytest.mark.parametrize(("status", "action"), pairs(DELEGATE, allowed=True))
def test_every_allowed_delegate_transition_moves_and_is_recorded(
    delegate, officer_a, status, action
):
    if action == "attend":  # at the door: the conference is approved that day
        delegate.conference.status = ConferenceStatus.APPROVED
        delegate.conference.save()
    moved = assert_moves(delegate, status, action, by=officer_a)

    assert (moved.checked_in_at is not None) == (action == "attend")


@pytest.mark.parametrize(("status", "action"), pairs(DELEGATE, allowed=False))
def test_every_refused_delegate_transition_leaves_no_trace(delegate, officer_a, status, action):
    assert_refused(delegate, status, action, by=officer_a, code="state")


@pytest.mark.parametrize("persona", ["officer_b", "council_member"])
def test_the_delegate_workflow_refuses_a_sibling_and_readers(request, delegate, persona):
    assert_refused(delegate, DelegateStatus.PROPOSED, "approve",
                   by=request.getfixturevalue(persona), code="forbidden")  # fmt: skip


def test_delegates_moved_in_bulk_get_one_ledger_row_each(conference, officer_a):
    make_delegates(conference, exemplary=3)

    everyone = conference.delegates.values("pk")
    moved = delegates.move_delegates(
        actor=officer_a, conference=conference, pks=everyone, action="approve"
    )

    rows = Transition.objects.filter(workflow="delegate", action="approve")
    assert (moved, rows.count(), {r.actor for r in rows}) == (3, 3, {officer_a})


@pytest.fixture
def honoured(ready, officer_a, person_in_a):
    load_reference_data(Field, Criterion)
    exemplar = exemplar_services.create_exemplar(
        actor=officer_a, subject=person_in_a, title="Nuôi ong lấy mật",
        field=Field.objects.get(code="agriculture"), year_from=2024,
    )  # fmt: skip
    transition(exemplar, "nurture", by=officer_a)
    meet_criteria(exemplar)
    ready.delegates.filter(category="exemplary").update(is_honouree=False)
    delegates.add_delegate(actor=officer_a, conference=ready, exemplar=exemplar,
                           category="guest", is_honouree=True)  # fmt: skip
    transition(ready, "approve", by=officer_a)
    return exemplar


@pytest.fixture
def person_in_a(commune_a, officer_a):
    return exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                            name="Đỗ Văn Hùng", birth_year=1980)  # fmt: skip


def test_holding_recognises_and_delivers_through_subscribers(ready, honoured, officer_a):
    transition(ready, "hold", by=officer_a)

    recognised = Transition.objects.get(workflow="exemplar", action="recognise")
    delivered = Obligation.objects.get(unit=ready.unit, milestone__deliverable="conference")
    assert Exemplar.objects.get(pk=honoured.pk).stage == "recognised"
    assert (recognised.actor, recognised.reason) == (officer_a, f"Tuyên dương tại {ready.name}")
    assert (delivered.state, delivered.linked_conference) == ("delivered", ready)


@pytest.mark.parametrize(("kind", "level", "expected"), [
    ("commune", "commune", "commune"),
    ("agency", "province", "unit"),  # a department sits at the province's tier
    ("district", "district", "district"),
])  # fmt: skip
def test_the_recognition_level_follows_the_kind_of_the_holder(ready, honoured, officer_a, kind,
                                                              level, expected):  # fmt: skip
    type(ready.unit).objects.filter(pk=ready.unit_id).update(kind=kind, level=level)
    ready.refresh_from_db()

    transition(ready, "hold", by=officer_a)

    assert Exemplar.objects.get(pk=honoured.pk).recognitions.get().level == expected


def test_an_honouree_short_of_a_criterion_stays_in_nurturing(client, ready, honoured, officer_a):
    check = honoured.checks.first()
    exemplar_services.update_checks(actor=officer_a, exemplar=honoured,
                                    answers={check.pk: (False, "")})  # fmt: skip
    client.force_login(officer_a)

    response = client.post(reverse("conferences:transition", args=[ready.pk, "hold"]), follow=True)

    ready.refresh_from_db()
    held = Transition.objects.get(workflow="conference", action="hold")
    assert ready.status == ConferenceStatus.HELD
    assert Exemplar.objects.get(pk=honoured.pk).stage == "nurturing"
    assert held.payload["unrecognised_exemplars"] == [honoured.pk]
    assert "1 điển hình được tuyên dương chưa đạt đủ tiêu chí" in response.content.decode()


def test_a_failing_subscriber_undoes_the_whole_transition(ready, honoured, officer_a, monkeypatch):
    def broken(move):
        raise RuntimeError("the plans app is down")

    monkeypatch.setitem(engine._SUBSCRIBERS, ("conference", "hold"),
                        [*engine._SUBSCRIBERS[("conference", "hold")], broken])  # fmt: skip

    with pytest.raises(RuntimeError):
        transition(ready, "hold", by=officer_a)

    ready.refresh_from_db()
    assert ready.status == ConferenceStatus.APPROVED
    assert Exemplar.objects.get(pk=honoured.pk).stage == "nurturing"
    assert not Transition.objects.filter(action__in=["hold", "recognise"]).exists()
    assert Obligation.objects.get(unit=ready.unit, milestone__deliverable="conference").state == (
        "pending"
    )


def test_refusals_are_one_exception_type(ready, officer_b):
    with pytest.raises(Refused) as refused:
        transition(ready, "approve", by=officer_b)

    assert refused.value.status == 403


def test_a_reader_checking_a_code_in_learns_nothing_of_the_delegate(
    client, delegate, council_member
):
    delegate.conference.status = ConferenceStatus.APPROVED
    delegate.conference.save()
    client.force_login(council_member)

    response = client.post(f"/api/v1/conferences/{delegate.conference_id}/check-ins",
                           {"token": delegate.token}, content_type="application/json")  # fmt: skip

    assert response.status_code == 403
    assert delegate.full_name not in response.content.decode()
