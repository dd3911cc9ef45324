"""User text in an Excel export stays text: a subject named =HYPERLINK(…) must not become a
live link in the officer's workbook. Checked on every export, through openpyxl and in the
sheet's XML itself (no <f> element), with numbers and dates still numbers and dates."""

import datetime
import io
import re
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import GroupMembershipFactory, UnitFactory
from tests.sheets import rows_of
from thidua.conferences import delegates
from thidua.documents.xlsx import table_to_xlsx
from thidua.exemplars import services as exemplar_services
from thidua.plans import drafts
from thidua.plans.models import Plan
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition

LINK = '=HYPERLINK("http://thidua.example/lua","bấm vào đây")'
SUM = "+SUM(1,2)"
DDE = "@cmd|' /C calc'!A0"
MINUS = "-2+3"
FORMULA_ELEMENT = re.compile(r"<(?:\w+:)?f[\s>/]")


def _cells(content: bytes):
    """Every cell of the first sheet, as openpyxl reads it back."""
    return [cell for row in load_workbook(io.BytesIO(content)).active.iter_rows() for cell in row]


def _sheet_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def _assert_text(content: bytes, *texts: str):
    """Each text is in a string cell with Excel's quote prefix, and nothing is a formula."""
    cells = {cell.value: cell for cell in _cells(content) if cell.value is not None}
    for text in texts:
        assert text in cells, f"{text!r} missing from the export"
        assert cells[text].data_type == "s"
        assert cells[text].quotePrefix
    assert not [cell for cell in cells.values() if cell.data_type == "f"]
    assert not FORMULA_ELEMENT.search(_sheet_xml(content))


def test_formula_like_text_is_written_as_quoted_text_and_the_rest_keeps_its_type():
    texts = [LINK, SUM, DDE, MINUS, "\tTab", "\rXuống dòng"]
    day = datetime.date(2025, 9, 30)

    content = table_to_xlsx(title="=Tiêu đề", columns=[("=Cột", 10)] * 9,
                            rows=[[*texts, 7, day, "#N/A"], ["Bình thường", -5, 2.5]])  # fmt: skip

    _assert_text(content, *texts, "=Tiêu đề", "=Cột")
    cells = {cell.coordinate: cell for cell in _cells(content)}
    assert (cells["G3"].value, cells["G3"].data_type) == (7, "n")
    assert (cells["H3"].value.date(), cells["H3"].is_date) == (day, True)
    assert (cells["I3"].value, cells["I3"].data_type) == ("#N/A", "s")  # not an error value
    assert (cells["A4"].value, cells["A4"].quotePrefix) == ("Bình thường", False)
    assert (cells["B4"].value, cells["C4"].value) == (-5, 2.5)


def test_the_exemplar_list_export(client, officer_a, commune_a, field):
    subject = exemplar_services.create_subject(
        actor=officer_a, unit=commune_a, kind="individual", name=LINK, ethnicity=MINUS
    )
    exemplar_services.create_exemplar(actor=officer_a, subject=subject, title=SUM, field=field,
                                      year_from=2023)  # fmt: skip
    client.force_login(officer_a)

    content = client.get(reverse("exemplars:export", args=["xlsx"])).content

    _assert_text(content, LINK, SUM)
    assert list(rows_of(content)[0][-2:]) == [2023, "Phát hiện"]


def test_the_subject_list_export(client, officer_a, commune_a):
    exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                     name=LINK, birth_year=1980, ethnicity=DDE)  # fmt: skip
    client.force_login(officer_a)

    content = client.get(reverse("exemplars:subject_export", args=["xlsx"])).content

    _assert_text(content, LINK, DDE)
    assert 1980 in [c.value for c in _cells(content) if c.data_type == "n"]


def test_the_plan_board_export(client, province, province_officer):
    commune = UnitFactory(parent=province, kind=UnitKind.COMMUNE, name=LINK)
    plan = Plan.objects.create(issuer=province, symbol="7/KH-UBND", kind="conference",
                               title=MINUS)  # fmt: skip
    drafts.add_milestone(plan=plan, title=SUM, deliverable="report",
                         due_on=datetime.date(2026, 3, 15), units=[commune])  # fmt: skip
    transition(plan, "issue", by=province_officer)
    client.force_login(province_officer)

    content = client.get(reverse("plans:board", args=[plan.pk]), {"format": "xlsx"}).content

    _assert_text(content, LINK, f"{SUM} (hạn 15/03/2026)")


def test_the_quota_compliance_export(client, province, province_officer, cluster):
    GroupMembershipFactory(group=cluster, unit=UnitFactory(parent=province, name=DDE,
                                                           kind=UnitKind.COMMUNE))  # fmt: skip
    client.force_login(province_officer)

    response = client.get(reverse("quotas:compliance", args=[cluster.pk]), {"format": "xlsx"})

    _assert_text(response.content, DDE)
    assert [row[0] for row in rows_of(response.content)] == [1, 2, 3]


@pytest.mark.parametrize("upper", ["", "1"])
def test_the_brief_profile_export(client, conference, officer_a, upper):
    delegates.add_delegate(
        actor=officer_a, conference=conference, full_name=LINK, category="exemplary",
        gender="female", birth_year=1979, position=SUM, achievements=MINUS, to_upper=True,
    )  # fmt: skip
    client.force_login(officer_a)

    url = reverse("conferences:brief_profiles", args=[conference.pk, "xlsx"])
    content = client.get(url, {"len": upper}).content

    _assert_text(content, LINK, SUM, MINUS)
    assert 1979 in [c.value for c in _cells(content) if c.data_type == "n"]
