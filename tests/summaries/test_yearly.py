"""The yearly report on building and replicating models: the year's exemplars by field and
stage and by the units below (each counted again from the raw rows), the models replicated
and where, the clusters' standing; Word and Excel; a sibling's officer reaches nothing."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.exemplars.recognition import RECOGNITION, meet_criteria
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Exemplar, Field, Replication
from thidua.exemplars.reference import load_reference_data
from thidua.summaries.yearly import by_units_below, groups, replications
from thidua.workflow.engine import transition

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def year_of(province, commune_a, commune_b, village_a, officer_a, province_officer, cluster):
    """In 2025: two exemplars of Xã An Phú (one in its village, recognised and replicated in
    Xã Bình Minh), one of Xã Bình Minh; one of Xã An Phú from 2024."""
    load_reference_data(Field, Criterion)
    field = Field.objects.get(code="agriculture")

    def exemplar(unit, name, on):
        with time_machine.travel(datetime.datetime(*on, 9, tzinfo=datetime.UTC)):
            person = exemplar_services.create_subject(actor=province_officer, unit=unit,
                                                      kind="individual", name=name)  # fmt: skip
            return exemplar_services.create_exemplar(actor=province_officer, subject=person,
                                                     title=f"Mô hình {name}", field=field,
                                                     year_from=2024)  # fmt: skip

    rice = exemplar(village_a, "Lê Văn Lúa", (2025, 3, 1))
    exemplar(commune_a, "Hồ Thị Cá", (2025, 4, 1))
    exemplar(commune_b, "Vũ Văn Bình", (2025, 5, 1))
    exemplar(commune_a, "Năm Trước", (2024, 5, 1))
    with time_machine.travel(datetime.datetime(2025, 6, 20, 9, tzinfo=datetime.UTC)):
        rice = transition(rice, "nurture", by=province_officer)
        meet_criteria(rice, actor=province_officer)
        rice = transition(rice, "recognise", by=province_officer,
                          data={**RECOGNITION, "on": datetime.date(2025, 6, 15)})  # fmt: skip
        exemplar_services.add_record(actor=province_officer, exemplar=rice, model=Replication,
                                     unit=commune_b, adopted_on=datetime.date(2025, 9, 1),
                                     result="Năng suất tăng")  # fmt: skip
    return {"province": province, "rice": rice}


def test_the_units_below_add_up_from_the_raw_rows(year_of, commune_a, commune_b):
    figure = by_units_below(year_of["province"], YEAR)

    added = [e for e in Exemplar.objects.select_related("unit")
             if e.created_at.year == YEAR]  # fmt: skip
    of_a = sum(e.unit.path.startswith(commune_a.path) for e in added)
    of_b = sum(e.unit.path.startswith(commune_b.path) for e in added)
    rows = {row[0]: row[1:] for row in figure.rows}
    assert rows["Xã An Phú"] == [of_a, 1, 1, 0]  # the village's exemplar counts for its commune
    assert rows["Xã Bình Minh"] == [of_b, 0, 0, 0]
    assert (of_a, of_b) == (2, 1)


def test_replications_and_clusters(year_of, cluster):
    replicated = replications(year_of["province"], YEAR)
    standing = groups(year_of["province"], YEAR)

    assert replicated.rows == [["Mô hình Lê Văn Lúa", "Lê Văn Lúa", "Xã Bình Minh",
                                datetime.date(2025, 9, 1), "Năng suất tăng"]]  # fmt: skip
    assert [row[1] for row in standing.rows] == ["Xã An Phú", "Xã Bình Minh"]


def test_the_word_and_excel_reports(client, province_officer, year_of):
    client.force_login(province_officer)
    query = {"don_vi": year_of["province"].pk, "nam": YEAR}

    page = client.get(reverse("summaries:yearly"), query).content.decode()
    word = client.get(reverse("summaries:yearly_word"), query)
    excel = client.get(reverse("summaries:yearly_table", args=["nhan-rong"]), query)

    text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    sheet = load_workbook(io.BytesIO(excel.content)).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert "Kết quả xây dựng và nhân rộng điển hình tiên tiến năm 2025" in page
    assert "3. Mô hình được nhân rộng" in text
    assert "Xã Bình Minh" in [v for row in values for v in row]


def test_a_sibling_officer_sees_nothing_of_another_commune(client, officer_b, year_of, commune_a):
    client.force_login(officer_b)
    query = {"don_vi": commune_a.pk, "nam": YEAR}

    page = client.get(reverse("summaries:yearly"), query)
    word = client.get(reverse("summaries:yearly_word"), query)
    excel = client.get(reverse("summaries:yearly_table", args=["nhan-rong"]), query)

    assert page.status_code == 400  # not one of the units offered
    assert "Mô hình Lê Văn Lúa" not in page.content.decode()
    assert (word.status_code, excel.status_code) == (404, 404)


@pytest.mark.parametrize("more", [0, 2])
def test_the_clusters_cost_the_same_however_many(province, commune_a, cluster, more,
                                                 django_assert_num_queries):  # fmt: skip
    from tests.factories import EmulationGroupFactory, GroupMembershipFactory

    for n in range(more):
        group = EmulationGroupFactory(owner=province, number=n + 2, name=f"Cụm {n + 2}")
        GroupMembershipFactory(group=group, unit=commune_a)

    with django_assert_num_queries(4):  # the groups, their members, terms, submissions
        standing = groups(province, YEAR)

    assert len(standing.rows) == 2 + more
