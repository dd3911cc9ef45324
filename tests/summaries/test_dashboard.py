"""The dashboard's numbers are the reports' numbers: each year's column equals the
five-year report's figure for that year, and the years add up to the period's; each chart
has its table and an Excel download; a sibling's unit is never offered."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tests.conferences.conftest import plan  # noqa: F401 -- shared fixture
from tests.plans.conftest import issued_plan  # noqa: F401 -- shared fixture
from tests.summaries.test_figures import END, START, history_of  # noqa: F401
from thidua.summaries import dashboard, figures
from thidua.summaries.charts import bar_chart

pytestmark = pytest.mark.django_db


def test_each_year_is_the_reports_figure_for_that_year(history_of):  # noqa: F811
    unit = history_of["unit"]

    stages = dashboard.stages_by_year(unit, START, END)
    awards = dashboard.awards_by_year(unit, START, END)

    for row in stages.rows:
        year = int(row[0])
        report = figures.exemplar_stages(unit, year, year)
        assert row[1:] == [report.total(n) for n in range(1, 5)]
    for row in awards.rows:
        year = int(row[0])
        report = figures.commendation(unit, year, year)
        assert row[1:] == [report.total(1), report.total(2), report.total(3)]
    period = figures.commendation(unit, START, END)
    assert sum(row[1] for row in awards.rows) == period.total(1) == 3
    forms = dashboard.awards_by_form(unit, START, END)
    assert sum(row[-1] for row in forms.rows) == period.total(1)
    assert [row[0] for row in stages.rows] == [str(y) for y in range(START, END + 1)]


def test_plan_compliance_and_conferences_by_unit_below(province, issued_plan):  # noqa: F811
    with time_machine.travel(datetime.datetime(2026, 4, 1, 9, tzinfo=datetime.UTC)):
        plans = dashboard.plan_compliance(province, 2026, 2026)  # due 15/3/2026, undelivered
    progress = dashboard.conference_progress(province, 2025, 2030)

    assert plans.headers[3] == "Quá hạn"
    assert plans.rows == [["Xã An Phú", 0, 0, 1, 0, 0], ["Xã Bình Minh", 0, 0, 1, 0, 0]]
    assert progress.rows == [["Xã An Phú", "Chưa có"], ["Xã Bình Minh", "Chưa có"]]


def test_a_chart_is_readable_without_colour():
    chart = bar_chart("Khen thưởng", ["2024", "2025"], [("Tập thể", [1, 3]), ("Cá nhân", [2, 0])])

    assert 'role="img"' in chart
    assert 'fill="url(#p-lines)"' in chart  # the second series is hatched, not only lighter
    assert ">3</text>" in chart  # every bar says its number
    assert "Cá nhân</text>" in chart  # the legend names the series


def test_the_page_its_tables_and_their_excel(client, officer_a, history_of):  # noqa: F811
    client.force_login(officer_a)
    query = {"don_vi": history_of["unit"].pk, "tu_nam": START, "den_nam": END}

    page = client.get(reverse("summaries:dashboard"), query).content.decode()
    excel = client.get(reverse("summaries:dashboard_table", args=["khen-thuong-theo-nam"]), query)

    sheet = load_workbook(io.BytesIO(excel.content)).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert page.count("<svg") == 5
    assert "Khen thưởng theo năm" in page
    assert [3, "2022", 1, 1, 0] in values  # STT, year, total, collectives, individuals


def test_a_sibling_unit_is_never_offered(client, officer_b, history_of):  # noqa: F811
    client.force_login(officer_b)
    query = {"don_vi": history_of["unit"].pk, "tu_nam": START, "den_nam": END}

    page = client.get(reverse("summaries:dashboard"), query)
    excel = client.get(reverse("summaries:dashboard_table", args=["khen-thuong-theo-nam"]), query)

    assert page.status_code == 400
    assert "<svg" not in page.content.decode()
    assert excel.status_code == 404


def test_an_officer_above_opens_a_communes_dashboard(client, province_officer, history_of):  # noqa: F811
    client.force_login(province_officer)
    query = {"don_vi": history_of["unit"].pk, "tu_nam": START, "den_nam": END}

    page = client.get(reverse("summaries:dashboard"), query)

    assert page.status_code == 200
    assert "Tổng quan số liệu – Xã An Phú, 2020–2025" in page.content.decode()


@pytest.mark.parametrize("communes", [1, 4])
def test_the_dashboard_costs_the_same_for_1_or_4_communes(
    client, province_officer, province, communes, django_assert_num_queries
):
    from tests.factories import UnitFactory
    from thidua.units.models import UnitKind

    for n in range(communes):
        UnitFactory(parent=province, name=f"Xã Số {n}", kind=UnitKind.COMMUNE)
    client.force_login(province_officer)
    query = {"don_vi": province.pk, "tu_nam": START, "den_nam": END}

    with django_assert_num_queries(20):  # the same for 1 or 4: none per unit below
        client.get(reverse("summaries:dashboard"), query)


def test_a_unit_below_shows_its_own_conference_not_one_of_its_villages(
    province,
    commune_a,
    village_a,
    plan,  # noqa: F811
):
    from thidua.conferences import services

    def held_by(unit):
        return services.create_conference(actor=None, unit=unit, plan=plan, period_start=2025,
                                          period_end=2030, held_on=datetime.date(2025, 8, 25),
                                          form="Hội nghị tuyên dương")  # fmt: skip

    own = held_by(commune_a)
    type(own).objects.filter(pk=own.pk).update(status="approved")  # the state only
    held_by(village_a)  # a draft, made later: not the commune's

    rows = dict(dashboard.conference_progress(province, 2025, 2030).rows)

    assert rows["Xã An Phú"] == "Đã duyệt kế hoạch"
    assert rows["Xã Bình Minh"] == "Chưa có"
