"""Every exported table is a report: defined once, and the same rows come out as Excel,
as Word in the state format, and as a printable page with the state header."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.factories import GroupMembershipFactory, UnitFactory
from thidua.conferences import delegates
from thidua.documents import reports
from thidua.documents.reports import Column, Report
from thidua.exemplars import services as exemplar_services
from thidua.plans import drafts
from thidua.plans.models import Plan
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition

NAME = "Hoàng Thị Lụa"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_a_report_numbers_its_rows_and_reads_its_columns():
    report = Report(title="T", columns=(Column("Tên", 10, str.upper),))

    assert report.headers() == [("STT", 6), ("Tên", 10)]
    assert report.headers(docx=True) == [("STT", 10), ("Tên", 16)]
    assert list(report.cells(["an", "binh"])) == [[1, "AN"], [2, "BINH"]]


@pytest.fixture
def exemplar_list(client, officer_a, commune_a, field):
    subject = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name=NAME)  # fmt: skip
    exemplar_services.create_exemplar(actor=officer_a, subject=subject, title="Vườn mẫu",
                                      field=field, year_from=2023)  # fmt: skip
    client.force_login(officer_a)
    return lambda fmt: client.get(reverse("exemplars:export", args=[fmt]))


@pytest.fixture
def subject_list(client, officer_a, commune_a):
    exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                     name=NAME, birth_year=1980)  # fmt: skip
    client.force_login(officer_a)
    return lambda fmt: client.get(reverse("exemplars:subject_export", args=[fmt]))


@pytest.fixture
def plan_board(client, province, province_officer):
    commune = UnitFactory(parent=province, kind=UnitKind.COMMUNE, name=NAME)
    plan = Plan.objects.create(issuer=province, symbol="7/KH-UBND", kind="conference",
                               title="Hội nghị")  # fmt: skip
    drafts.add_milestone(plan=plan, title="Gửi kế hoạch", deliverable="report",
                         due_on=datetime.date(2026, 3, 15), units=[commune])  # fmt: skip
    transition(plan, "issue", by=province_officer)
    client.force_login(province_officer)
    return lambda fmt: client.get(reverse("plans:board", args=[plan.pk]), {"format": fmt})


@pytest.fixture
def compliance(client, province, province_officer, cluster):
    GroupMembershipFactory(group=cluster, unit=UnitFactory(parent=province, name=NAME,
                                                           kind=UnitKind.COMMUNE))  # fmt: skip
    client.force_login(province_officer)
    return lambda fmt: client.get(reverse("quotas:compliance", args=[cluster.pk]), {"format": fmt})


@pytest.fixture
def brief_profiles(client, conference, officer_a):
    delegates.add_delegate(actor=officer_a, conference=conference, full_name=NAME,
                           category="exemplary", gender="female", birth_year=1979)  # fmt: skip
    client.force_login(officer_a)
    return lambda fmt: client.get(reverse("conferences:brief_profiles", args=[conference.pk, fmt]))


REPORTS = ["exemplar_list", "subject_list", "plan_board", "compliance", "brief_profiles"]


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("report", REPORTS)
def test_every_report_comes_out_in_every_format(request, report):
    get = request.getfixturevalue(report)

    sheet = load_workbook(io.BytesIO(get("xlsx").content)).active
    word = _docx_text(get("docx").content)
    page = get("html").content.decode()

    assert NAME in [cell.value for row in sheet.iter_rows() for cell in row]
    assert NAME in word
    assert MOTTO in word
    assert NAME in page
    assert MOTTO in page
    assert "Độc lập - Tự do - Hạnh phúc" in page
    assert get("pdf").status_code == 404


def test_the_printable_page_is_scoped_like_the_list(client, exemplar_list, officer_b):
    client.force_login(officer_b)

    page = client.get(reverse("exemplars:export", args=["html"])).content.decode()

    assert NAME not in page


def test_the_printable_page_stops_at_its_row_limit(exemplar_list, monkeypatch):
    monkeypatch.setattr(reports, "HTML_MAX_ROWS", 0)

    page = exemplar_list("html").content.decode()

    assert NAME not in page
    assert "tải tệp Excel để có đủ danh sách" in page
