"""Delegates from Excel into one conference: a template, every row checked by the
delegate's own rules, errors by row and column with nothing written, the same file twice
adding nobody, and only the conference's own officers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from thidua.audit.models import AuditEvent
from thidua.conferences.delegates_import import COLUMNS, SHEET
from thidua.imports.models import ImportJob

HEADER = [header for _key, header in COLUMNS]


def _xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    data = workbook.active
    data.title = SHEET
    data.append(header)
    for row in rows:
        data.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("dai-bieu.xlsx", buffer.getvalue())


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    def post(conference, workbook):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/nhap-excel/dai-bieu/vao/{conference.pk}/", {"file": workbook})
        return ImportJob.objects.order_by("-pk").first(), response

    return post


def _people(n):
    """n delegates: exemplary ones from the village (by its code), every third a woman."""
    return [[f"Nguyễn Văn Người {i}", "Đại biểu điển hình tiên tiến" if i % 4 else "Khách mời",
             "Nữ" if i % 3 == 0 else "nam", 1960 + i % 40, "Kinh", "Nông dân", "Thôn 1",
             "THON-A" if i % 2 else "", "x" if i % 5 == 0 else "", "", "có" if i < 3 else "",
             "Trồng lúa giỏi"] for i in range(n)]  # fmt: skip


@pytest.fixture
def coded_village(village_a):
    village_a.code = "THON-A"
    village_a.save()
    return village_a


def test_a_list_of_150_is_imported_in_one_action_once_and_audited(
    client, upload, conference, officer_a, coded_village
):
    client.force_login(officer_a)

    job, _ = upload(conference, _xlsx(_people(150)))
    again, _ = upload(conference, _xlsx(_people(150)))

    assert (job.state, job.summary) == ("done", [["đại biểu", 150]])
    assert again.state == "done"
    assert conference.delegates.count() == 150
    first = conference.delegates.get(full_name="Nguyễn Văn Người 1")
    assert (first.category, first.gender, first.origin_unit, first.to_upper) == (
        "exemplary", "male", coded_village, True)  # fmt: skip
    assert conference.delegates.filter(gender="female").count() == 50
    assert conference.delegates.filter(is_direct_labourer=True).count() == 30
    created = AuditEvent.objects.filter(target_type="conferences.delegate", action="create")
    assert created.count() == 150
    page = client.get(f"/hoi-nghi/{conference.pk}/dai-bieu/").content.decode()
    assert "Nhập danh sách từ Excel" in page


def test_every_error_is_reported_by_row_and_column_and_nothing_is_written(
    client, upload, conference, officer_a, coded_village
):
    client.force_login(officer_a)
    good = _people(1)[0]
    unknown_unit = ["Lê Thị C", "Khách mời", "", "", "", "", "", "99999", "hình như"]
    rows = [good, ["", "Khách mời"], ["Lê Thị B", "Phóng viên", "", "năm 80"], unknown_unit,
            list(good)]  # fmt: skip

    job, _ = upload(conference, _xlsx(rows))

    found = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert job.state == "invalid"
    assert "Cần họ và tên" in found[(3, "Họ và tên")]
    assert "chọn một trong" in found[(4, "Thành phần")]
    assert "không phải năm sinh" in found[(4, "Năm sinh")]
    assert "mã 99999" in found[(5, "Mã đơn vị")]
    assert "«x»" in found[(5, "Trực tiếp lao động")]
    assert "Trùng người với dòng 2" in found[(6, "Họ và tên")]
    assert not conference.delegates.exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Không dòng nào được nhập" in page
    assert f'href="/nhap-excel/dai-bieu/vao/{conference.pk}/"' in page  # to try again


def test_a_wrong_header_is_refused(client, upload, conference, officer_a):
    client.force_login(officer_a)

    job, _ = upload(conference, _xlsx(_people(2), header=["Tên", "Loại"]))

    assert job.state == "invalid"
    assert "Dòng tiêu đề không đúng mẫu" in job.errors[0]["message"]


def test_a_held_conference_takes_no_file(client, upload, conference, officer_a):
    conference.status = "held"
    conference.save()
    client.force_login(officer_a)

    job, _ = upload(conference, _xlsx(_people(2)))

    assert job.state == "invalid"
    assert "không đổi được nữa" in job.errors[0]["message"]


def test_a_sibling_officer_cannot_import_into_the_conference(client, conference, officer_b):
    client.force_login(officer_b)

    assert client.get(f"/nhap-excel/dai-bieu/vao/{conference.pk}/").status_code == 404


def test_the_template_has_the_columns_and_a_guide(client, officer_a):
    client.force_login(officer_a)

    workbook = load_workbook(io.BytesIO(client.get("/nhap-excel/mau/dai-bieu.xlsx").content))

    assert [c.value for c in workbook[SHEET][1]] == HEADER
    assert "Thành phần" in [row[0] for row in workbook["Hướng dẫn"].values]
