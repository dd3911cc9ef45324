"""Hostile files: archives that inflate to a gigabyte or lie about their size, files of the
wrong type, and readers that run out of memory or time. Each is refused with a Vietnamese
message naming the file, within bounded memory, and nothing is stored."""

import io
import os
import re
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.bombs import crowded_zip64, docx_bomb, lying_docx, xlsx_bomb
from thidua.documents import readers
from thidua.documents.archives import Refused
from thidua.documents.isolated import run_isolated
from thidua.imports.models import ImportJob
from thidua.plans.models import Plan, PlanReading

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def gigabyte_docx() -> bytes:
    return docx_bomb(1024)  # 3 MB on the wire, 1 GB inflated


def _peak_while(action) -> tuple[object, int]:
    """What `action` returns and the peak of Python allocations it made, in bytes."""
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gigabyte_docx_is_refused_on_the_page_within_bounded_memory(
    client, province, province_officer, gigabyte_docx
):
    client.force_login(province_officer)
    upload = SimpleUploadedFile("ke-hoach.docx", gigabyte_docx)

    response, peak = _peak_while(
        lambda: client.post(reverse("plans:upload", args=[province.pk]), {"file": upload})
    )

    error = response.context["form"].errors["file"][0]
    assert "«ke-hoach.docx»" in error
    assert "nén bất thường" in error
    assert peak < 100 * MIB  # the file itself is 3 MB; nothing is inflated
    assert not PlanReading.objects.exists()


@pytest.mark.parametrize("endpoint", ["extract", "drafts"])
def test_the_api_refuses_a_bomb_with_json(client, province, province_officer, endpoint):
    client.force_login(province_officer)
    url = {"extract": "/api/v1/plan-documents/extract",
           "drafts": f"/api/v1/units/{province.pk}/plans/drafts"}[endpoint]  # fmt: skip

    response = client.post(url, {"file": SimpleUploadedFile("kh.docx", docx_bomb(100))})

    assert (response.status_code, response["Content-Type"].split(";")[0]) == (
        400,
        "application/json",
    )
    assert "nén bất thường" in response.json()["detail"]
    assert not PlanReading.objects.exists()


def test_an_xlsx_bomb_is_refused_on_the_import_page(client, commune_a, officer_a):
    client.force_login(officer_a)
    upload = SimpleUploadedFile("danh-sach.xlsx", xlsx_bomb(100))

    response, peak = _peak_while(
        lambda: client.post(reverse("imports:start", args=[commune_a.pk]), {"file": upload})
    )

    assert "xl/sharedStrings.xml" in response.context["form"].errors["file"][0]
    assert peak < 100 * MIB
    assert not ImportJob.objects.exists()


def test_a_zip64_directory_of_400_000_entries_is_refused_before_it_is_read(
    client, province, province_officer
):
    client.force_login(province_officer)
    upload = SimpleUploadedFile("ke-hoach.docx", crowded_zip64())

    response, peak = _peak_while(
        lambda: client.post(reverse("plans:upload", args=[province.pk]), {"file": upload})
    )

    assert "quá nhiều thành phần" in response.context["form"].errors["file"][0]
    assert peak < 100 * MIB  # the 19 MB file and nothing built from its directory


def _workbook(path, rows: int, length: int) -> None:
    """Each row: one random text of `length` characters in every cell (repeated within the
    row, so that the file compresses well but not beyond the ratio guard)."""
    workbook = Workbook()
    workbook.active.append(["Mã đơn vị", "Đối tượng"])
    for _ in range(rows):
        workbook.active.append([os.urandom(length // 2).hex()] * 14)
    workbook.save(path)


@pytest.mark.parametrize(
    ("rows", "length", "refusal"),
    [(1, 6000, "dòng 2: một ô dài quá 5.000 ký tự"),
     (300, 4000, "quá nhiều dữ liệu (hơn 10.000.000 ký tự)")],
)  # fmt: skip
def test_a_small_workbook_that_would_answer_too_much_is_refused_by_the_reader(
    tmp_path, rows, length, refusal
):
    _workbook(tmp_path / "lon.xlsx", rows, length)

    with pytest.raises(Refused, match=re.escape(refusal)):
        run_isolated("xlsx_rows", tmp_path / "lon.xlsx", name="lon.xlsx", max_rows=20000,
                     max_cols=14, seconds=30, memory_mb=512)  # fmt: skip


def test_a_docx_that_lies_about_its_size_is_read_no_further_than_it_says(
    client, province, province_officer, django_capture_on_commit_callbacks
):
    client.force_login(province_officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plans:upload", args=[province.pk]),
                    {"file": SimpleUploadedFile("ke-hoach.docx", lying_docx(50))})  # fmt: skip
    job = PlanReading.objects.get()

    assert (job.state, job.error) == ("invalid", "Không đọc được tệp «ke-hoach.docx»: tệp bị hỏng.")
    assert (job.file.name, Plan.objects.count()) == ("", 0)  # nothing kept


def _xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Kế hoạch"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Photos of pages (PNG, JPEG) are plan documents since scans are read (issue 17); a
# damaged one is refused by the reading job (tests/plans/test_scans.py).
@pytest.mark.parametrize(
    ("name", "content"), [("bang.xlsx", _xlsx_bytes()), ("kh.txt", b"\x00" * 9)]
)
def test_the_plan_document_api_accepts_only_what_the_page_accepts(client, officer_a, name, content):
    client.force_login(officer_a)

    response = client.post("/api/v1/plan-documents/extract",
                           {"file": SimpleUploadedFile(name, content)})  # fmt: skip

    assert (response.status_code, response["Content-Type"].split(";")[0]) == (
        400,
        "application/json",
    )
    assert f"«{name}»" in response.json()["detail"]


@pytest.mark.parametrize("persona", ["council_member", "leader"])
def test_readers_who_are_not_officers_cannot_send_plan_documents(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.post("/api/v1/plan-documents/extract",
                           {"file": SimpleUploadedFile("kh.txt", b"Ke hoach")})  # fmt: skip

    assert (response.status_code, response["Content-Type"].split(";")[0]) == (
        403,
        "application/json",
    )
    assert not PlanReading.objects.exists()


def test_a_workbook_is_read_only_one_row_past_the_limit(tmp_path):
    path = tmp_path / "dai.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Mã đơn vị", "Đối tượng"])
    for n in range(500):
        sheet.append(["", f"Người {n}", *range(40)])  # wider than the template too
    workbook.save(path)

    read = readers.xlsx_rows(path, name="dai.xlsx", max_rows=100, max_cols=14)

    assert (len(read["rows"]), {len(row) for row in read["rows"]}) == (101, {14})


def test_the_isolated_reader_refuses_what_needs_more_memory_than_it_may_use(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text("Kế hoạch " * 100_000, encoding="utf-8")

    with pytest.raises(Refused, match="ke-hoach.txt"):
        run_isolated("document_text", path, name="ke-hoach.txt", kind="txt", seconds=10,
                     memory_mb=8)  # fmt: skip
    text = run_isolated("document_text", path, name="ke-hoach.txt", kind="txt", seconds=10,
                        memory_mb=512)  # fmt: skip
    assert text.startswith("Kế hoạch")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_the_isolated_reader_is_stopped_after_its_time(tmp_path):
    path = tmp_path / "treo.txt"
    os.mkfifo(path)  # opening it for reading blocks for ever: a reader that hangs

    with pytest.raises(Refused, match="quá 1 giây"):
        run_isolated("document_text", path, name="treo.txt", kind="txt", seconds=1,
                     memory_mb=512)  # fmt: skip
