"""Liveness, readiness and the operator's job report (issue 18, part 3)."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from thidua.core import health
from thidua.core.jobs import JobState
from thidua.plans.models import PlanReading

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_a_login_or_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/suc-khoe/")

    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert "Set-Cookie" not in response.headers
    assert "no-cache" in response["Cache-Control"]


def test_readiness_checks_the_database_the_queue_and_the_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    response = client.get("/suc-khoe/san-sang/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "queue": "ok", "media": "ok"}
    assert not list((tmp_path / "suc-khoe").iterdir())  # the probe file is deleted


@pytest.mark.parametrize("failing", ["database", "queue", "media"])
def test_readiness_names_what_failed_with_a_503(client, monkeypatch, failing):
    def broken():
        raise OSError("connection refused at 10.0.0.5")

    monkeypatch.setitem(health.CHECKS, failing, broken)

    response = client.get("/suc-khoe/san-sang/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "lỗi"
    assert body[failing] == health.FAILED[failing]
    assert "10.0.0.5" not in response.content.decode()  # the details stay in the log
    assert all(body[name] == "ok" for name in health.CHECKS if name != failing)


def test_the_health_pages_take_only_get_and_head(client):
    assert client.post("/suc-khoe/").status_code == 405
    assert client.post("/suc-khoe/san-sang/").status_code == 405
    assert client.head("/suc-khoe/").status_code == 200


@pytest.fixture
def jobs(officer_a):
    now = timezone.now()
    old = now - datetime.timedelta(hours=2)
    queued = PlanReading.objects.create(user=officer_a, original_name="a.txt", kind="txt")
    PlanReading.objects.filter(pk=queued.pk).update(created_at=old)
    PlanReading.objects.create(user=officer_a, original_name="b.txt", kind="txt",
                               state=JobState.RUNNING, worker="may-khac:1", started_at=old,
                               heartbeat_at=old)  # fmt: skip
    PlanReading.objects.create(user=officer_a, original_name="c.txt", kind="txt",
                               state=JobState.FAILED, finished_at=now)  # fmt: skip
    return now


def test_the_job_report_counts_waiting_stuck_and_failed_jobs(jobs, capsys):
    call_command("job_report", "--json")

    report = json.loads(capsys.readouterr().out)
    reading = next(
        row for row in report["jobs"] if row["name"] == str(PlanReading._meta.verbose_name)
    )
    assert (reading["queued"], reading["running"], reading["failed_24h"], reading["stuck"]) == (
        1, 1, 1, 1,
    )  # fmt: skip
    assert 7100 <= reading["oldest_queued_seconds"] <= 7300
    assert report["stuck"] == 1
    assert report["queue"]["backend"] == "immediate"


def test_the_job_report_check_fails_when_jobs_are_stuck(jobs, capsys):
    call_command("job_report")
    table = capsys.readouterr().out

    with pytest.raises(CommandError, match="1 việc chạy nền bị treo"):
        call_command("job_report", "--check")
    assert "chờ lâu nhất" in table
    assert "2 giờ" in table
