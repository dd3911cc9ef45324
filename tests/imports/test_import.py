import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from thidua.exemplars.models import Criterion, Exemplar, Field, Subject
from thidua.exemplars.reference import load_reference_data
from thidua.imports.importer import COLUMNS
from thidua.imports.models import ImportJob

HEADER = [label for _key, label in COLUMNS]
GOOD = [
    ["", "Cá nhân", "Nguyễn Văn Ân", "Nam", 1975, "Kinh", "Nông dân", "Có", "", "Lúa hữu cơ",
     "Nông nghiệp", "Năng suất tăng", 2023, ""],
    ["", "cá nhân", "Nguyễn Văn Ân", "nam", "1975", "", "", "có", "", "Nuôi ong", "nong nghiep",
     "", 2024, 2025],
    ["99001", "Tập thể", "Tổ hợp tác rau sạch", "", "", "", "", "Không", "", "", "", "", "", ""],
]  # fmt: skip


def _xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())


@pytest.fixture(autouse=True)
def _reference(db):
    load_reference_data(Field, Criterion)


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Post a workbook; the task (immediate backend in tests) runs when the request commits."""

    def post(unit, workbook):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("imports:start", args=[unit.pk]), {"file": workbook})
        return ImportJob.objects.order_by("-pk").first(), response

    return post


def test_a_valid_file_is_imported_and_a_second_time_adds_nothing(
    client, upload, officer_a, commune_a
):
    client.force_login(officer_a)

    first, response = upload(commune_a, _xlsx(GOOD))
    second, _ = upload(commune_a, _xlsx(GOOD))

    assert response["Location"] == first.get_absolute_url()
    assert (first.state, first.created_subjects, first.created_exemplars) == ("done", 2, 2)
    assert (second.state, second.created_subjects, second.created_exemplars) == ("done", 0, 0)
    assert second.skipped_rows == 2
    assert Subject.objects.count() == 2
    assert sorted(Exemplar.objects.values_list("title", flat=True)) == ["Lúa hữu cơ", "Nuôi ong"]


def test_one_bad_row_means_nothing_is_imported_and_every_error_is_named(
    client, upload, officer_a, commune_a
):
    bad = [
        ["", "Người", "", "Nam", 3000, "", "Thợ lặn", "Chắc chắn", "", "Mô hình", "Hàng hải",
         "", "", ""],
        ["99002", "Cá nhân", "Lê Thị Lạ", "", "", "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    client.force_login(officer_a)

    job, _ = upload(commune_a, _xlsx([*GOOD, *bad]))

    messages = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert job.state == "invalid"
    assert Subject.objects.count() == 0
    assert set(messages) == {
        (5, "Đối tượng"), (5, "Họ và tên / Tên tập thể"), (5, "Năm sinh"),
        (5, "Nhóm nghề nghiệp"), (5, "Trực tiếp lao động, sản xuất"), (5, "Lĩnh vực"),
        (5, "Từ năm"), (6, "Mã đơn vị"),
    }  # fmt: skip
    assert messages[(5, "Năm sinh")] == "«3000» không phải năm hợp lệ (1900–2100)."
    assert messages[(6, "Mã đơn vị")] == "Không có đơn vị mã 99002 trong phạm vi của bạn."
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Không dòng nào được nhập" in page
    # The bar and the count beside it are the rows checked: all five, errors or not.
    assert (job.done_count, job.total) == (5, 5)
    assert "5/5 dòng đã kiểm tra" in page
    assert '<progress max="100" value="100"' in page


def test_the_bar_of_a_running_import_is_the_share_of_rows_checked(client, officer_a, commune_a):
    now = timezone.now()  # a live job: its heartbeat is fresh
    job = ImportJob.objects.create(
        user=officer_a, unit=commune_a, original_name="a.xlsx", state="running",
        stage="checking", total=160, done_count=40, started_at=now, heartbeat_at=now,
        worker="worker-2:4242",  # on another machine, so judged by its heartbeat
    )  # fmt: skip
    client.force_login(officer_a)

    page = client.get(job.get_absolute_url()).content.decode()

    assert "40/160 dòng đã kiểm tra" in page
    assert '<progress max="100" value="25"' in page


def test_a_wrong_header_or_a_non_excel_file_is_refused(client, upload, officer_a, commune_a):
    client.force_login(officer_a)

    job, _ = upload(commune_a, _xlsx(GOOD, header=["Tên", "Tuổi"]))
    _none, response = upload(commune_a, SimpleUploadedFile("x.xlsx", b"MZ\x90\x00"))

    assert job.state == "invalid"
    assert "Dòng tiêu đề không đúng mẫu" in job.errors[0]["message"]
    assert "không phải bảng tính Excel" in response.content.decode()
    assert ImportJob.objects.count() == 1


def test_the_template_downloads_with_the_header_and_a_guide(client, officer_a):
    client.force_login(officer_a)

    workbook = load_workbook(io.BytesIO(client.get(reverse("imports:template")).content))

    assert [c.value for c in workbook["Dữ liệu"][1]] == HEADER
    guide = {row[0]: row[1] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)}
    assert "Nông nghiệp" in guide["Lĩnh vực"]


def test_progress_fragment_and_scoping(
    client, upload, officer_a, officer_b, council_member, commune_a
):
    client.force_login(officer_a)
    job, _ = upload(commune_a, _xlsx(GOOD))

    fragment = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    client.force_login(officer_b)
    sibling_job = client.get(job.get_absolute_url())
    sibling_start = client.get(reverse("imports:start", args=[commune_a.pk]))
    client.force_login(council_member)
    reader = client.post(reverse("imports:start", args=[commune_a.pk]), {"file": _xlsx(GOOD)})

    assert fragment.lstrip().startswith('<section id="progress"')
    assert 'value="100"' in fragment
    assert (sibling_job.status_code, sibling_start.status_code, reader.status_code) == (
        404,
        404,
        403,
    )


def test_damaged_files_and_odd_cells_are_reported_not_crashed(client, upload, officer_a, commune_a):
    client.force_login(officer_a)
    good = _xlsx(GOOD).read()
    damaged = SimpleUploadedFile("hong.xlsx", good[: len(good) // 2])
    odd = [["", "Cá nhân", "Vũ Thị Hoa", "Nữ", "198²", "x" * 61, "", "Không", "", "", "", "",
            "", ""]]  # fmt: skip

    _, broken = upload(commune_a, damaged)
    strange, _ = upload(commune_a, _xlsx(odd))

    # A truncated archive is refused on the form, before anything is stored or queued.
    assert "bị hỏng" in broken.context["form"].errors["file"][0]
    assert ImportJob.objects.count() == 1
    assert {(e["column"], e["message"]) for e in strange.errors} == {
        ("Năm sinh", "«198²» không phải năm hợp lệ (1900–2100)."),
        ("Dân tộc", "Dài quá 60 ký tự."),
    }
