"""Logs an operator can read (issue 18, part 5): a JSON line per request and per job run,
ids and figures only, and the request id on the Vietnamese error page."""

import io
import json
import logging

import pytest
from django.test import Client
from django.urls import path

from thidua.core.jobs import run_job
from thidua.core.logs import JsonFormatter
from thidua.plans.models import PlanReading
from thidua.urls import urlpatterns as site_urls

pytestmark = pytest.mark.django_db


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [*site_urls, path("hong/", _broken)]
handler500 = "thidua.core.views.server_error"


@pytest.fixture
def json_lines():
    """What the JSON console handler writes, as a production process would, while the
    request runs (its id is known then)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("thidua.requests", "django.request")]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger in loggers:
        logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)


def _lines(caplog, name):
    return [record for record in caplog.records if record.name == name]


def test_each_request_logs_one_line_with_ids_and_no_query(client, officer_a, commune_a,
                                                          json_lines):  # fmt: skip
    client.force_login(officer_a)
    response = client.get(f"/don-vi/{commune_a.pk}/?q=Nguy%E1%BB%85n+V%C4%83n+An")

    (line,) = [line for line in json_lines() if line.get("event") == "request"]
    assert (line["status"], line["method"], line["view"]) == (200, "GET", "units:detail")
    assert line["request_id"] == response["X-Request-ID"]
    assert line["user_id"] == officer_a.pk
    assert commune_a.pk in line["unit_ids"]
    assert line["ids"] == {"pk": commune_a.pk}
    assert line["ms"] > 0
    assert "Nguy" not in json.dumps(line)  # the query string (a searched name) is not logged


def test_a_proxys_request_id_is_kept_and_a_bad_one_replaced(client):
    kept = client.get("/suc-khoe/", headers={"X-Request-ID": "proxy-0123456789"})
    replaced = client.get("/suc-khoe/", headers={"X-Request-ID": "<script>"})

    assert kept["X-Request-ID"] == "proxy-0123456789"
    assert replaced["X-Request-ID"] != "<script>"
    assert len(replaced["X-Request-ID"]) == 16


@pytest.mark.urls(__name__)
def test_the_error_page_shows_the_request_id_logged_with_the_error(json_lines):
    response = Client(raise_request_exception=False).get("/hong/")

    request_id = response["X-Request-ID"]
    assert response.status_code == 500
    assert f"Mã yêu cầu <strong>{request_id}</strong>" in response.content.decode()
    error = next(line for line in json_lines() if line["logger"] == "django.request")
    assert (error["request_id"], error["level"]) == (request_id, "ERROR")
    assert "RuntimeError: boom" in error["exception"]


def test_each_job_run_logs_one_line(officer_a, caplog):
    job = PlanReading.objects.create(user=officer_a, original_name="kh.txt", kind="txt")

    def work(running):
        from thidua.core.jobs import finish  # noqa: PLC0415

        finish(running)

    with caplog.at_level(logging.INFO, logger="thidua.jobs"):
        run_job(PlanReading, job.pk, work)

    (record,) = _lines(caplog, "thidua.jobs")
    assert record.fields["kind"] == "PlanReading"
    assert (record.fields["job_id"], record.fields["state"]) == (job.pk, "done")
    assert record.fields["user_id"] == officer_a.pk
