"""The summary reports' pages: an officer lays out the unit's report for a period and
drafts its parts; a reader of the unit reads it; a sibling's officer reaches nothing; the
Word report downloads; a conference's dossier writes it with one action."""

import io

import pytest
from django.urls import reverse
from docx import Document

from thidua.conferences.dossier_docx import generator_for
from thidua.summaries import services
from thidua.summaries.models import SummaryReport
from thidua.summaries.report_docx import for_conference

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(officer_a, commune_a):
    return services.create_report(actor=officer_a, unit=commune_a, period_start=2020,
                                  period_end=2025)  # fmt: skip


def test_an_officer_lays_out_and_drafts_a_report(client, officer_a, commune_a):
    client.force_login(officer_a)

    page = client.get(reverse("summaries:list")).content.decode()
    made = client.post(reverse("summaries:list"), {"unit": commune_a.pk, "period_start": 2020,
                                                   "period_end": 2025})  # fmt: skip
    report = SummaryReport.objects.get()
    saved = client.post(report.get_absolute_url(), {"leadership": "Cấp ủy chỉ đạo sát sao."})
    again = client.post(reverse("summaries:list"), {"unit": commune_a.pk, "period_start": 2020,
                                                    "period_end": 2025})  # fmt: skip

    report.refresh_from_db()
    assert 'value="2020"' in page  # the last five years that have ended
    assert 'value="2025"' in page
    assert made["Location"] == report.get_absolute_url()
    assert saved.status_code == 302
    assert report.leadership == "Cấp ủy chỉ đạo sát sao."
    assert again["Location"] == report.get_absolute_url()  # one report per period
    assert SummaryReport.objects.count() == 1


def test_a_bad_period_is_named_and_keeps_what_was_typed(client, officer_a, commune_a):
    client.force_login(officer_a)

    page = client.post(reverse("summaries:list"), {"unit": commune_a.pk, "period_start": 2025,
                                                   "period_end": 2020})  # fmt: skip

    body = page.content.decode()
    assert page.status_code == 400
    assert "Đến năm: Giai đoạn từ 1 đến 10 năm" in body
    assert 'value="2025"' in body
    assert not SummaryReport.objects.exists()


def test_the_word_report_is_written_by_a_job_then_downloads(
    client, officer_a, report, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)

    with django_capture_on_commit_callbacks(execute=True):  # the task runs (immediate)
        started = client.post(reverse("summaries:word", args=[report.pk]))
    job = report.jobs.get()
    page = client.get(started["Location"]).content.decode()
    response = client.get(started["Location"], {"tai": "1"})

    document = Document(io.BytesIO(b"".join(response.streaming_content)
                                   if response.streaming else response.content))  # fmt: skip
    assert (job.state, job.done_count, job.total) == ("done", 5, 5)
    assert "Tải bản Word" in page
    assert response.status_code == 200
    assert "BÁO CÁO" in [p.text for p in document.paragraphs]
    assert "B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20k%E1%BA%BFt" in response["Content-Disposition"]


def test_a_reader_reads_but_does_not_write(client, council_member, report):
    client.force_login(council_member)

    page = client.get(report.get_absolute_url())
    refused = client.post(report.get_absolute_url(), {"leadership": "Không được ghi."})
    no_job = client.post(reverse("summaries:word", args=[report.pk]))

    assert page.status_code == 200
    assert "Lưu dự thảo" not in page.content.decode()
    assert "Tạo bản Word" not in page.content.decode()
    assert refused.status_code == 403
    assert no_job.status_code == 403
    assert not report.jobs.exists()


def test_a_second_click_follows_the_job_under_way(client, officer_a, report):
    client.force_login(officer_a)

    first = client.post(reverse("summaries:word", args=[report.pk]))  # queued (not run here)
    second = client.post(reverse("summaries:word", args=[report.pk]))

    assert first["Location"] == second["Location"]
    assert report.jobs.count() == 1


@pytest.mark.parametrize("forged", ["%C2%B2", "abc", "99999999999999999999999", "-1"])
def test_a_forged_unit_is_refused_not_a_500(client, officer_a, report, forged):
    client.force_login(officer_a)

    for name in ("dashboard", "yearly"):
        response = client.get(f"{reverse(f'summaries:{name}')}?don_vi={forged}")
        assert response.status_code == 400


@pytest.mark.parametrize("name", ["detail", "word", "word_job", "table"])
def test_a_sibling_officer_reaches_no_report(client, officer_a, officer_b, report, name):
    job = services.start_word(actor=officer_a, report=report)
    client.force_login(officer_b)
    args = {"table": [report.pk, "khen-thuong"], "word_job": [report.pk, job.pk]}

    url = reverse(f"summaries:{name}", args=args.get(name, [report.pk]))
    response = client.post(url) if name == "word" else client.get(url)

    assert response.status_code == 404


def test_the_conference_dossier_writes_the_report(report, officer_a):
    from types import SimpleNamespace

    services.save_texts(actor=officer_a, report=report, texts={"directions": "Đẩy mạnh."})
    conference = SimpleNamespace(unit=report.unit, period_start=2020, period_end=2025)

    text = [p.text for p in Document(io.BytesIO(for_conference(conference))).paragraphs]

    assert generator_for("Báo cáo tổng kết phong trào thi đua giai đoạn 2020-2025") is (
        for_conference
    )
    assert "Đẩy mạnh." in text
