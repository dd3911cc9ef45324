"""The statutory statistics forms (Thông tư 02/2023/TT-BNV): every definition loads and a
wrong one is refused by name; each cell is computed again here from the raw rows of a
generated history (a commune merged into ours, a sibling whose rows never count, a revoked
award, an award decided outside the statistics year, one without a decision date); the
declared row and column totals add up; the Excel file is read back in the form's layout;
a sibling's unit is never offered."""

import datetime
import io
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UnitFactory
from thidua.awards import history
from thidua.awards.models import Award, AwardRecord
from thidua.exemplars import services as exemplar_services
from thidua.movements.models import Movement
from thidua.statistics import definitions
from thidua.statistics.tables import failed_checks, fill, matches
from thidua.statistics.xlsx import form_xlsx
from thidua.units import services as unit_services
from thidua.units.models import UnitKind

pytestmark = pytest.mark.django_db
D = datetime.date
YEAR = 2025  # counted from 01/12/2024 to 30/11/2025

PEOPLE = [  # (where, kind, name, attributes)
    ("ours", "individual", "Lò Thị Mai", {"occupation": "farmer", "is_direct_labourer": True}),
    ("ours", "individual", "Phạm Văn Chủ", {"leadership": "department"}),
    ("old", "individual", "Vũ Thị Doanh", {"occupation": "entrepreneur"}),
    ("ours", "collective", "Công ty Cổ phần Lúa Vàng", {"collective_kind": "Doanh nghiệp"}),
    ("ours", "household", "Hộ ông Lê Văn Ba", {}),
    ("sibling", "individual", "Trần Văn Bên", {}),
]
AWARDS = [  # (name, award code, decision date or None with the year, type, revoked)
    ("Lò Thị Mai", "bang_khen_tinh", D(2025, 3, 1), "merit", False),
    ("Lò Thị Mai", "cstd_tinh", D(2024, 12, 15), "merit", False),  # in: the year starts 01/12
    ("Phạm Văn Chủ", "bang_khen_tinh", D(2025, 6, 1), "ad_hoc", False),
    ("Vũ Thị Doanh", "ky_niem_chuong", None, "dedication", False),  # no date: year 2025
    ("Công ty Cổ phần Lúa Vàng", "co_tinh", D(2025, 1, 10), "merit", False),
    ("Công ty Cổ phần Lúa Vàng", "bang_khen_tinh", D(2025, 2, 10), "movement", False),
    ("Hộ ông Lê Văn Ba", "bang_khen_tinh", D(2025, 9, 9), "movement", False),
    ("Lò Thị Mai", "bang_khen_tinh", D(2025, 12, 5), "merit", False),  # next year's
    ("Phạm Văn Chủ", "cstd_tinh", D(2025, 5, 5), "merit", True),  # revoked
    ("Lò Thị Mai", "bang_khen_ttg", D(2025, 4, 4), "merit", False),  # a state award
    ("Trần Văn Bên", "bang_khen_tinh", D(2025, 4, 4), "merit", False),  # a sibling's
]


@pytest.fixture
def history_of(province, commune_a, commune_b):
    old = UnitFactory(parent=province, name="Xã Cũ", kind=UnitKind.COMMUNE, valid_to=D(2025, 7, 1))
    unit_services.update_unit(actor=None, unit=commune_a, predecessors=[old])
    units = {"ours": commune_a, "old": old, "sibling": commune_b}
    subjects = {name: exemplar_services.create_subject(actor=None, unit=units[where], kind=kind,
                                                       name=name, **attrs)
                for where, kind, name, attrs in PEOPLE}  # fmt: skip
    for number, (name, code, on, kind, revoked) in enumerate(AWARDS, start=1):
        award = Award.objects.get(code=code)
        record = history.record_award(
            actor=None,
            record=AwardRecord(
                subject=subjects[name],
                award=award,
                year=on.year if on else YEAR,
                decision_date=on,
                decision_number=f"{number}/QĐ-UBND",
                commendation_type=kind,
            ),
        )
        if revoked:
            history.revoke_award(actor=None, record=record, on=D(2025, 10, 1), note="QĐ hủy")
    for unit, name, starts, ends, method in [
        (commune_a, "Thi đua cả năm", D(2025, 1, 1), D(2025, 12, 31), "regular"),
        (old, "Chuyên đề ngắn", D(2025, 3, 1), D(2025, 6, 30), "thematic"),
        (commune_a, "Năm năm", D(2025, 2, 1), D(2030, 1, 31), "regular"),
        (commune_a, "Năm sau", D(2025, 12, 2), D(2026, 3, 1), "regular"),  # next year's
        (commune_b, "Bên cạnh", D(2025, 3, 1), D(2025, 4, 1), "thematic"),
    ]:  # fmt: skip
        Movement.objects.create(name=name, search_name=name, launched_by=unit, starts_on=starts,
                                ends_on=ends, method=method)  # fmt: skip
    return {"unit": commune_a, "paths": (commune_a.path, old.path)}


def _raw_awards(paths):
    first, last = D(YEAR - 1, 12, 1), D(YEAR, 11, 30)
    for r in AwardRecord.objects.select_related("subject__unit", "unit", "award"):
        in_year = (first <= r.decision_date <= last) if r.decision_date else r.year == YEAR
        if r.unit.path.startswith(paths) and in_year and r.revoked_on is None:
            yield r


def _dims(record) -> dict:
    s = record.subject
    return {"award": record.award.code, "subject_kind": s.kind, "leadership": s.leadership,
            "commendation_type": record.commendation_type, "occupation": s.occupation,
            "direct": s.is_direct_labourer, "unit_level": record.unit.level,
            "enterprise": "doanh nghiệp" in s.collective_kind.lower()}  # fmt: skip


def test_every_cell_of_0603_is_the_raw_rows_count(history_of):
    form = definitions.get_form("0603n-2023")
    raw = [_dims(r) for r in _raw_awards(history_of["paths"]) if matches(_dims(r), form.where)]

    table = fill(form, history_of["unit"], YEAR)

    for row in form.figure_rows():
        for column in form.columns:
            expected = sum(1 for d in raw if matches(d, row.where) and matches(d, column.where))
            assert table.value(row.code, column.code) == expected, (row.code, column.code)
    assert table.value("01", "1") == 7  # next year's, the revoked, the state's, the sibling's out
    assert table.value("03", "1") == 2  # the company's Cờ and Bằng khen
    assert table.value("07", "2") == 1  # a department leader's Bằng khen
    assert table.value("08", "5") == 1  # the merged commune's entrepreneur, undated
    assert table.value("13", "1") == 1
    assert table.value("12", "2") == 2
    assert failed_checks(table) == []


def test_the_state_form_and_the_province_above(history_of, province):
    state = fill(definitions.get_form("0602n-2023"), history_of["unit"], YEAR)
    whole = fill(definitions.get_form("0603n-2023"), province, YEAR)

    assert state.value("01", "1") == state.value("03", "1") == 1  # Bằng khen Thủ tướng
    assert whole.value("01", "1") == 8  # ours and the sibling's
    assert failed_checks(state) == failed_checks(whole) == []


def test_movements_by_scope_duration_and_method(history_of):
    table = fill(definitions.get_form("0601n-2023"), history_of["unit"], YEAR)

    # A commune is a locality (row 03) but not a ministry or province (column 4, not 3).
    assert table.value("01", "1") == 3 == table.value("03", "1") == table.value("01", "4")
    assert [table.value(code, "1") for code in ("06", "07", "08", "09", "10")] == [1, 1, 0, 0, 1]
    assert (table.value("11", "1"), table.value("12", "1")) == (1, 2)
    assert failed_checks(table) == []


def test_a_total_that_does_not_add_up_is_reported(history_of):
    form = definitions.get_form("0603n-2023")
    table = fill(form, history_of["unit"], YEAR)
    table.cells[("02", "1")] += 1

    assert "Dòng 01 ≠ tổng các dòng 02, 04, 05 (cột 1)" in failed_checks(table)


def test_every_definition_loads_and_a_wrong_one_is_refused_by_name():
    forms = definitions.all_forms()
    assert {f.code for f in forms} == {"0601.N/BNV-TĐKT", "0602.N/BNV-TĐKT", "0603.N/BNV-TĐKT"}
    assert all(f.in_force(2025) for f in forms)
    assert not any(f.in_force(2022) for f in forms)
    path = definitions.FOLDER / "0603.N-BNV-TDKT-2023.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rows"][2]["where"] = {"subject_sex": ["female"]}

    with pytest.raises(ImproperlyConfigured, match="không có chiều «subject_sex»"):
        definitions.parse(data, "thử")


def test_the_excel_file_is_in_the_forms_layout(history_of):
    table = fill(definitions.get_form("0603n-2023"), history_of["unit"], YEAR)

    sheet = load_workbook(io.BytesIO(form_xlsx(table))).active
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    for text in (
        "Biểu số: 0603.N/BNV-TĐKT",
        "Năm 2025",
        "Đơn vị báo cáo: Xã An Phú",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert text in cells
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # Row 6 and 7: A, B, C and «Tổng số» down both; «Chia ra» across the four forms.
    assert {"A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:H6"} <= merged
    assert sheet["E7"].value == "Bằng khen"
    assert sheet["D8"].value == "1"
    body = [r for r in sheet.iter_rows(values_only=True) if r[1] in ("01", "02", "04", "05")]
    by_code = {r[1]: r[3:8] for r in body}
    assert by_code["01"] == tuple(table.value("01", c) for c in "12345")
    assert [sum(v) for v in zip(*(by_code[c] for c in ("02", "04", "05")), strict=True)] == list(
        by_code["01"])  # fmt: skip
    assert all(r[3] == sum(r[4:8]) for r in body)  # column 1 = 2 + 3 + 4 + 5


def test_the_page_and_its_excel(client, officer_a, history_of):
    client.force_login(officer_a)
    query = {"bieu": "0603n-2023", "don_vi": history_of["unit"].pk, "nam": YEAR}

    page = client.get(reverse("statistics:form"), query)
    excel = client.get(reverse("statistics:xlsx"), query)

    assert page.status_code == 200
    text = page.content.decode()
    assert "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH" in text
    assert 'colspan="4" rowspan="1">Chia ra</th>' in text  # the header merged as in Excel
    assert "từ 01/12/2024 đến 30/11/2025" in text
    assert excel.status_code == 200
    assert excel["Content-Disposition"] == 'attachment; filename="bieu-0603.N-2025.xlsx"'


def test_a_sibling_unit_is_never_offered(client, officer_b, history_of):
    client.force_login(officer_b)
    query = {"bieu": "0603n-2023", "don_vi": history_of["unit"].pk, "nam": YEAR}

    page = client.get(reverse("statistics:form"), query)
    excel = client.get(reverse("statistics:xlsx"), query)

    assert page.status_code == 400
    assert "Xã An Phú" not in page.content.decode()
    assert excel.status_code == 404


def test_the_page_opens_with_defaults(client, province_officer, history_of):
    client.force_login(province_officer)

    page = client.get(reverse("statistics:form"))

    assert page.status_code == 200
    assert "Biểu số: 0601.N/BNV-TĐKT" in page.content.decode()


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["rows"][2].update(where={"subject_kind": "collective"}), "cần một danh sách"),
    (lambda d: d["rows"][2].update(where={"subject_kind": {"khong": ["x"]}}), "cần một danh"),
    (lambda d: d["columns"][1].update(where={"award": ["giai_thuong_moi"]}), "giai_thuong_moi"),
    (lambda d: d["columns"].append({"code": "6", "heads": ["Chia ra"], "where": {}}),
     "phần đầu của tiêu đề"),
    (lambda d: d.update(year_starts="02-30"), "không đúng cấu trúc"),
    (lambda d: d["rows"][0].pop("label"), "không có tên"),
])  # fmt: skip
def test_a_malformed_definition_is_refused_with_a_message(change, message):
    path = definitions.FOLDER / "0603.N-BNV-TDKT-2023.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)

    with pytest.raises(ImproperlyConfigured, match=message):
        definitions.parse(data, "thử")


def test_the_system_check_reports_a_broken_form(monkeypatch):
    from thidua.statistics.apps import forms_load

    assert forms_load() == []
    definitions.all_forms.cache_clear()
    monkeypatch.setattr(definitions, "parse", lambda data, name: (_ for _ in ()).throw(
        ImproperlyConfigured(f"{name}: hỏng")))  # fmt: skip
    try:
        assert [e.id for e in forms_load()] == ["statistics.E001"]
    finally:
        definitions.all_forms.cache_clear()
