"""Importing the history of the years before thidua from Excel: one sheet per kind of row,
rows naming existing subjects, all or nothing with errors by sheet, row and column, and a
second import of the same file adding nothing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from thidua.accounts.models import UnitRole
from thidua.audit.models import AuditEvent
from thidua.awards.history_import import SHEETS
from thidua.awards.models import AwardRecord, Discipline, Initiative, Membership, TaskRating
from thidua.exemplars import services as exemplar_services
from thidua.imports.models import ImportJob
from thidua.imports.tasks import run_import

pytestmark = pytest.mark.django_db
SLUG = "lich-su-khen-thuong"


def _xlsx(sheets: dict[str, list[list]], *, headers=None) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet, rows in sheets.items():
        data = workbook.create_sheet(sheet)
        data.append((headers or {}).get(sheet) or [header for _k, header in SHEETS[sheet]])
        for row in rows:
            data.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("lich-su.xlsx", buffer.getvalue())


@pytest.fixture
def people(officer_a, commune_a, village_a):
    make = exemplar_services.create_subject
    return {
        "hoa": make(actor=officer_a, unit=commune_a, kind="individual", name="Nguyễn Thị Hoa",
                    birth_year=1985),
        "an_1": make(actor=officer_a, unit=commune_a, kind="individual", name="Trần Văn An",
                     birth_year=1970),
        "an_2": make(actor=officer_a, unit=commune_a, kind="individual", name="Trần Văn An",
                     birth_year=1990),
        "to": make(actor=officer_a, unit=village_a, kind="collective", name="Tổ văn phòng"),
    }  # fmt: skip


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    def post(unit, workbook):
        url = reverse("imports:kind_start", args=[unit.pk, SLUG])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"file": workbook})
        return ImportJob.objects.order_by("-pk").first(), response

    return post


GOOD = {
    "Khen thưởng": [
        ["", "nguyen thi hoa", "", 2023, "Lao động tiên tiến", "", "12/QĐ-UBND", "20/12/2023",
         "Chủ tịch UBND xã"],
        ["", "Nguyễn Thị Hoa", "", 2024, "Giấy khen", "Đột xuất", "3/QĐ-UBND",
         datetime.date(2024, 5, 6), "Chủ tịch UBND xã"],
    ],
    "Sáng kiến": [["", "Trần Văn An", 1990, "Số hóa hồ sơ", "UBND xã", "Cấp cơ sở",
                   "15/11/2024", ""]],
    "Xếp loại": [["", "Nguyễn Thị Hoa", "", 2024, "Hoàn thành xuất sắc nhiệm vụ"],
                 ["", "Tran Van An", "1970", "2024", "hoan thanh tot nhiem vu"]],
    "Kỷ luật": [["", "Trần Văn An", 1970, "Khiển trách", "01/01/2023", "30/06/2023", "", ""]],
    "Thành viên": [["", "Tổ văn phòng", "Nguyễn Thị Hoa", "", 2024]],
}  # fmt: skip


def test_a_history_file_is_imported_once_and_audited(client, upload, officer_a, commune_a, people):
    client.force_login(officer_a)

    first, response = upload(commune_a, _xlsx(GOOD))
    second, _ = upload(commune_a, _xlsx(GOOD))

    assert response["Location"] == first.get_absolute_url()
    assert first.state == "done", first.errors
    assert dict(first.summary) == {"khen thưởng": 2, "sáng kiến": 1, "xếp loại năm": 2,
                                   "kỷ luật": 1, "thành viên tập thể theo năm": 1}  # fmt: skip
    assert (second.state, second.summary) == ("done", [["dòng đã có sẵn nên bỏ qua", 7]])
    hoa = people["hoa"]
    records = AwardRecord.objects.filter(subject=hoa).order_by("year")
    assert [(r.year, r.award and r.award.code, r.commendation_type, r.source) for r in records] == [
        (2023, "ldtt", "merit", "imported"), (2024, "giay_khen", "ad_hoc", "imported")]  # fmt: skip
    assert records[1].decision_date == datetime.date(2024, 5, 6)
    assert Initiative.objects.get().subject == people["an_2"]
    assert TaskRating.objects.get(subject=people["an_1"]).rating == 3
    assert Discipline.objects.get().subject == people["an_1"]
    assert Membership.objects.get().collective == people["to"]  # found in the village below
    assert AuditEvent.objects.filter(target_type__startswith="awards.").count() == 7
    page = client.get(first.get_absolute_url()).content.decode()
    assert "2 khen thưởng" in page
    assert "Xem ai đủ điều kiện" in page


def test_a_different_rating_corrects_the_one_recorded(client, upload, officer_a, commune_a, people):
    client.force_login(officer_a)
    upload(
        commune_a, _xlsx({"Xếp loại": [["", "Nguyễn Thị Hoa", "", 2024, "Hoàn thành nhiệm vụ"]]})
    )

    job, _ = upload(commune_a, _xlsx({"Xếp loại": GOOD["Xếp loại"][:1]}))

    assert job.summary == [["xếp loại năm", 1]]
    assert TaskRating.objects.get().rating == 4


def test_every_error_is_reported_by_sheet_row_and_column_and_nothing_is_written(
    client, upload, officer_a, commune_a, people
):
    client.force_login(officer_a)
    bad = {
        "Khen thưởng": [GOOD["Khen thưởng"][0],
                        ["", "Trần Văn An", "", "năm ngoái", "", "", "", "31/02/2024", ""]],
        "Xếp loại": [["99999", "Ai Đó", "", 2024, "Giỏi"], GOOD["Xếp loại"][0],
                     ["", "Nguyễn Thị Hoa", "", 2024, "Hoàn thành nhiệm vụ"]],
        "Kỷ luật": [["", "Nguyễn Thị Hoa", "", "Cảnh cáo", "01/06/2024", "01/01/2024", "", ""]],
        "Thành viên": [["", "Nguyễn Thị Hoa", "Tổ văn phòng", "", 2024]],
    }  # fmt: skip

    job, _ = upload(commune_a, _xlsx(bad))

    found = {(e["sheet"], e["row"], e["column"]): e["message"] for e in job.errors}
    assert job.state == "invalid"
    assert "2 đối tượng tên «Trần Văn An»" in found[("Khen thưởng", 3, "Họ và tên / Tên tập thể")]
    assert "không phải năm" in found[("Khen thưởng", 3, "Năm")]
    assert "không phải ngày" in found[("Khen thưởng", 3, "Ngày quyết định")]
    assert ("Khen thưởng", 3, "Danh hiệu, hình thức") in found  # required by the model
    assert "mã 99999" in found[("Xếp loại", 2, "Mã đơn vị")]
    assert "dòng 3" in found[("Xếp loại", 4, "Năm")]
    assert ("Kỷ luật", 2, "Đến ngày") in found
    assert "Không có «Nguyễn Thị Hoa»" in found[("Thành viên", 2, "Tên tập thể")]
    assert not AwardRecord.objects.exists()
    assert not TaskRating.objects.exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert '<th scope="col">Trang</th>' in page
    assert "Không dòng nào được nhập" in page


def test_a_wrong_header_or_a_file_without_the_sheets_is_refused(
    client, upload, officer_a, commune_a, people
):
    client.force_login(officer_a)

    wrong, _ = upload(commune_a, _xlsx({"Xếp loại": [["x"]]}, headers={"Xếp loại": ["Tên"]}))
    none, _ = upload(commune_a, _xlsx({"Trang tính": [["x"]]}, headers={"Trang tính": ["A"]}))

    assert wrong.state == "invalid"
    assert wrong.errors[0]["sheet"] == "Xếp loại"
    assert "Dòng tiêu đề" in wrong.errors[0]["message"]
    assert "không có trang nào" in none.errors[0]["message"]


def test_a_sibling_commune_cannot_import_into_another_and_finds_nobody_there(
    client, upload, officer_b, commune_a, commune_b, people
):
    client.force_login(officer_b)

    response = client.get(reverse("imports:kind_start", args=[commune_a.pk, SLUG]))
    job, _ = upload(commune_b, _xlsx({"Xếp loại": GOOD["Xếp loại"][:1]}))

    assert response.status_code == 404
    assert job.state == "invalid"
    assert "Không có «Nguyễn Thị Hoa»" in job.errors[0]["message"]


def test_the_template_has_a_sheet_per_kind_and_a_guide(client, officer_a):
    client.force_login(officer_a)

    response = client.get(reverse("imports:kind_template", args=[SLUG]))

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [*SHEETS, "Hướng dẫn"]
    assert [c.value for c in workbook["Xếp loại"][1]] == [h for _k, h in SHEETS["Xếp loại"]]
    guide = " ".join(str(c.value) for row in workbook["Hướng dẫn"] for c in row)
    assert "Hoàn thành xuất sắc nhiệm vụ" in guide
    assert "Lao động tiên tiến" in guide
    assert client.get(reverse("imports:kind_template", args=["khong-co"])).status_code == 404


def test_the_import_page_offers_both_templates(client, officer_a, commune_a):
    client.force_login(officer_a)

    page = client.get(reverse("imports:kind_start", args=[commune_a.pk, SLUG])).content.decode()
    plain = client.get(reverse("imports:start", args=[commune_a.pk])).content.decode()

    assert "Nhập lịch sử khen thưởng từ Excel" in page
    assert reverse("imports:kind_template", args=[SLUG]) in page
    assert reverse("imports:kind_start", args=[commune_a.pk, SLUG]) in plain


def test_rows_keep_their_numbers_past_blank_lines_and_an_emptied_sheet_is_skipped(
    client, upload, officer_a, commune_a, people
):
    client.force_login(officer_a)
    rows = [["", "Nguyễn Thị Hoa", "", 2024, "Hoàn thành xuất sắc nhiệm vụ"], [None] * 5,
            [None] * 5, ["", "Ai Đó", "", 2024, "Hoàn thành nhiệm vụ"]]  # fmt: skip

    job, _ = upload(commune_a, _xlsx({"Xếp loại": rows, "Kỷ luật": []},
                                     headers={"Kỷ luật": [None]}))  # fmt: skip

    assert [(e["sheet"], e["row"]) for e in job.errors] == [("Xếp loại", 5)]


def test_an_officer_whose_role_was_revoked_imports_nothing(
    client, upload, officer_a, commune_a, people
):
    client.force_login(officer_a)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("thidua.imports.models.ImportJob.enqueue", lambda self: None)
        job, _ = upload(commune_a, _xlsx({"Xếp loại": GOOD["Xếp loại"]}))
    UnitRole.objects.filter(user=officer_a).delete()

    run_import.enqueue(job_id=job.pk)
    job.refresh_from_db()

    assert job.state == "invalid"
    assert "không còn là cán bộ" in job.errors[0]["message"]
    assert not TaskRating.objects.exists()
