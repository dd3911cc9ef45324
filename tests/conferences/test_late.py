"""A conference whose date has passed: warned among the findings, and approving or
recording it more than CONFERENCE_LATE_DAYS after its date needs a reason, kept in the
ledger."""

import datetime

import pytest
import time_machine

from tests.conferences.conftest import make_delegates
from thidua.conferences.checks import check_conference
from thidua.workflow.engine import Refused, history, transition


def _on(day: str):
    return time_machine.travel(datetime.datetime.fromisoformat(f"{day}T09:00+07:00"))


@pytest.fixture
def ready(conference):
    """Held on 25/8/2025 as planned, with delegates that pass every rule."""
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    return conference


def test_a_past_date_is_warned_about_until_it_is_recorded(ready):
    with _on("2025-08-24"):
        before = [f.rule for f in check_conference(ready)]
    with _on("2025-08-28"):
        after = {f.rule: f.message for f in check_conference(ready)}

    assert "late" not in before
    assert "đã qua 3 ngày" in after["late"]


@pytest.mark.parametrize("action", ["approve", "hold"])
def test_late_beyond_the_grace_needs_a_reason_kept_in_the_ledger(
    ready, officer_a, action, settings
):
    settings.CONFERENCE_LATE_DAYS = 7
    if action == "hold":
        with _on("2025-08-20"):
            ready = transition(ready, "approve", by=officer_a)
    with _on("2025-09-10"), pytest.raises(Refused) as refused:
        transition(ready, action, by=officer_a)
    with _on("2025-09-10"):
        done = transition(ready, action, by=officer_a, reason="Quên cập nhật sau hội nghị")

    assert refused.value.refusal == "reason"
    assert "đã qua 16 ngày" in refused.value.messages[0]
    row = history(done)[-1]
    assert (row.reason, row.payload["days_late"]) == ("Quên cập nhật sau hội nghị", 16)


def test_within_the_grace_no_reason_is_asked(ready, officer_a, settings):
    settings.CONFERENCE_LATE_DAYS = 7
    with _on("2025-08-20"):
        ready = transition(ready, "approve", by=officer_a)
    with _on("2025-09-01"):
        held = transition(ready, "hold", by=officer_a)

    assert held.status == "held"


def test_the_page_asks_for_the_reason_only_when_late(client, ready, officer_a):
    client.force_login(officer_a)
    with _on("2025-08-20"):
        on_time = client.get(f"/hoi-nghi/{ready.pk}/").content.decode()
    with _on("2025-09-30"):
        late = client.get(f"/hoi-nghi/{ready.pk}/").content.decode()
        refused = client.post(f"/hoi-nghi/{ready.pk}/chuyen/approve/", follow=True)

    assert "Lý do muộn" not in on_time
    assert 'placeholder="Lý do muộn"' in late
    assert "hãy ghi lý do" in refused.content.decode()
    ready.refresh_from_db()
    assert ready.status == "draft"
