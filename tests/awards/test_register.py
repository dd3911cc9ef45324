"""«Sổ khen thưởng»: the awards of the subjects in scope, newest first, filtered and searched
without diacritics; a sibling sees none; a page costs the same queries however many rows;
exported like every list."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.sheets import numbered_rows
from thidua.awards import history
from thidua.awards.models import Award, AwardRecord
from thidua.exemplars import services as exemplar_services

pytestmark = pytest.mark.django_db
URL = "/khen-thuong/so-khen-thuong/"


@pytest.fixture
def records(officer_a, officer_b, commune_a, commune_b, village_a):
    ldtt, giay_khen = Award.objects.get(code="ldtt"), Award.objects.get(code="giay_khen")
    make = exemplar_services.create_subject
    people = {
        "hoa": make(actor=officer_a, unit=commune_a, kind="individual", name="Nguyễn Thị Hòa"),
        "son": make(actor=officer_a, unit=village_a, kind="individual", name="Đặng Văn Sơn"),
        "other": make(actor=officer_b, unit=commune_b, kind="individual", name="Lý Thị Lan"),
    }
    rows = [("hoa", ldtt, 2023), ("hoa", ldtt, 2024), ("son", giay_khen, 2024),
            ("other", ldtt, 2024)]  # fmt: skip
    for key, award, year in rows:
        history.record_award(actor=officer_a, record=AwardRecord(
            subject=people[key], award=award, year=year, decision_number=f"{year}/QĐ"))  # fmt: skip
    return people


def _names(response) -> list[tuple[int, str]]:
    return [(r.year, r.subject.name) for r in response.context["page"].object_list]


def test_the_register_lists_the_scope_newest_first(client, officer_a, officer_b, records):
    client.force_login(officer_a)
    mine = client.get(URL)
    client.force_login(officer_b)
    theirs = client.get(URL)

    assert _names(mine) == [(2024, "Đặng Văn Sơn"), (2024, "Nguyễn Thị Hòa"),
                            (2023, "Nguyễn Thị Hòa")]  # fmt: skip
    assert _names(theirs) == [(2024, "Lý Thị Lan")]


def test_filters_and_a_search_without_diacritics(client, officer_a, village_a, records):
    client.force_login(officer_a)

    assert _names(client.get(URL, {"q": "nguyen thi hoa"})) == [
        (2024, "Nguyễn Thị Hòa"), (2023, "Nguyễn Thị Hòa")]  # fmt: skip
    assert _names(client.get(URL, {"nam": 2023})) == [(2023, "Nguyễn Thị Hòa")]
    assert _names(client.get(URL, {"danh_hieu": "giay_khen"})) == [(2024, "Đặng Văn Sơn")]
    assert _names(client.get(URL, {"don_vi": village_a.pk})) == [(2024, "Đặng Văn Sơn")]


def test_a_sibling_unit_as_filter_is_404(client, officer_b, commune_a, records):
    client.force_login(officer_b)

    assert client.get(URL, {"don_vi": commune_a.pk}).status_code == 404


def test_the_page_costs_the_same_queries_however_many_rows(
    client, officer_a, commune_a, records, django_assert_max_num_queries
):
    client.force_login(officer_a)
    client.get(URL)
    for year in range(2000, 2020):
        history.record_award(actor=officer_a, record=AwardRecord(
            subject=records["hoa"], title="Giấy khen", year=year))  # fmt: skip
    with django_assert_max_num_queries(9):
        response = client.get(URL)
    assert len(response.context["page"].object_list) == 23


def test_the_register_exports_to_excel(client, officer_a, records):
    client.force_login(officer_a)

    response = client.get(reverse("awards:register_export", args=["xlsx"]), {"nam": 2024})

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = numbered_rows(sheet)
    assert [row[2] for row in values] == ["Đặng Văn Sơn", "Nguyễn Thị Hòa"]
    assert values[0][4] == "Giấy khen"


def test_a_recorded_award_carries_its_subjects_unit(records, village_a):
    assert set(AwardRecord.objects.filter(subject=records["son"]).values_list(
        "unit", flat=True)) == {village_a.pk}  # fmt: skip
