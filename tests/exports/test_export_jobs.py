"""A long list is exported by a background job: its page shows the progress, then the file,
which only the officer who asked may download; beyond the cap it is refused."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.sheets import numbered_rows
from thidua.exemplars import services
from thidua.exports.models import ExportJob


@pytest.fixture
def long_list(officer_a, commune_a, field, settings):
    settings.EXPORT_INLINE_ROWS = 2
    for n in range(5):
        person = services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                         name=f"Phan Văn {n}")  # fmt: skip
        services.create_exemplar(actor=officer_a, subject=person, title=f"Mô hình {n}",
                                 field=field, year_from=2024)  # fmt: skip


def test_a_long_export_runs_as_a_job_and_only_its_officer_downloads_it(
    client, long_list, officer_a, officer_b, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.get(reverse("exemplars:export", args=["xlsx"]), {"q": "phan"})
    job = ExportJob.objects.get()
    page = client.get(started["Location"]).content.decode()
    download = client.get(reverse("exports:download", args=[job.pk]))
    client.force_login(officer_b)
    sibling = [client.get(reverse(name, args=[job.pk])).status_code
               for name in ("exports:job", "exports:download")]  # fmt: skip

    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert started["Location"] == job.get_absolute_url()
    assert (job.state, job.total, job.done_count, job.fmt) == ("done", 5, 5, "xlsx")
    assert "Tải Danh sách điển hình tiên tiến - Xã An Phú.xlsx" in page
    assert [row[1] for row in numbered_rows(sheet)] == [f"Phan Văn {n}" for n in range(5)]
    assert sibling == [404, 404]


def test_a_short_export_is_written_at_once(client, long_list, officer_a, settings):
    settings.EXPORT_INLINE_ROWS = 100
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:export", args=["docx"]))

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Danh%20s%C3%A1ch%20%C4%91i%E1%BB%83n%20h%C3%ACnh%20ti%C3%AAn"
        "%20ti%E1%BA%BFn%20-%20X%C3%A3%20An%20Ph%C3%BA.docx"
    )
    assert not ExportJob.objects.exists()


def test_beyond_the_cap_the_export_is_refused_with_what_to_do(
    client, long_list, officer_a, settings
):
    settings.EXPORT_MAX_ROWS = 3
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:export", args=["xlsx"]), follow=True)

    assert "quá giới hạn một lần xuất; hãy lọc bớt" in response.content.decode()
    assert not ExportJob.objects.exists()


def test_the_plan_board_exports_as_a_job_too(
    client, issued_plan, province_officer, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_INLINE_ROWS = 1  # the plan is owed by two communes
    client.force_login(province_officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("plans:board", args=[issued_plan.pk]), {"format": "docx"})

    job = ExportJob.objects.get()
    assert (job.source, job.state, job.arguments) == ("board", "done", {"plan_id": issued_plan.pk})
    plan = issued_plan
    assert job.filename == (f"Tiến độ thực hiện Kế hoạch {plan.symbol.replace('/', '-')} "
                            f"{plan.title} - {plan.issuer.name}.docx")  # fmt: skip
