"""Each rule at its boundaries; all numbers come from the plan's rule set."""

import datetime

import pytest

from tests.conferences.conftest import make_delegates
from tests.factories import UnitFactory
from thidua.conferences import services
from thidua.conferences.checks import check_conference
from thidua.units.models import UnitKind

D = datetime.date


def _messages(conference, severity=None, **adjust):
    return [
        f.message
        for f in check_conference(conference, adjust=adjust or None)
        if severity is None or f.severity == severity
    ]


def test_the_name_is_proposed_and_the_rule_set_found(conference):
    assert conference.name == (
        "Hội nghị tuyên dương điển hình tiên tiến xã An Phú lần thứ I (2025-2030)"
    )
    assert conference.rule_set.name == "Cấp xã"
    assert conference.agenda.count() == 9


@pytest.mark.parametrize(
    ("guests", "error"), [(45, None), (46, "Vượt 1 đại biểu so với mức tối đa 150.")]
)
def test_cap_exactly_and_one_over(conference, guests, error):
    make_delegates(conference, exemplary=105, guest=guests, presidium=5)

    errors = _messages(conference, "error")

    assert errors == ([error] if error else [])


@pytest.mark.parametrize(
    ("exemplary", "guests", "severity"),
    [
        (65, 35, None),
        (64, 36, "error"),
        (75, 25, None),
        (76, 24, "warning"),
    ],
)
def test_share_at_target_plus_or_minus_tolerance(conference, exemplary, guests, severity):
    make_delegates(conference, exemplary=exemplary, guest=guests, presidium=5)

    found = [f for f in check_conference(conference) if f.rule == "share"]

    assert [f.severity for f in found] == ([severity] if severity else [])


def test_the_share_finding_says_the_numbers(conference):
    make_delegates(conference, exemplary=60, guest=40, presidium=5)

    assert "Đại biểu điển hình chiếm 60 %, dưới mức 70 % ± 5." in _messages(conference, "error")


@pytest.mark.parametrize(("workforce", "plenary"), [(199, True), (200, False), (201, False)])
def test_plenary_threshold(plan, province, officer_a, workforce, plenary):
    firm = UnitFactory(
        name="Công ty May", kind=UnitKind.ENTERPRISE, parent=province, workforce=workforce
    )
    conference = services.create_conference(
        actor=None,
        unit=firm,
        plan=plan,
        period_start=2025,
        period_end=2030,
        form="Hội nghị biểu dương người lao động giỏi",
        held_on=D(2025, 9, 1),
    )
    make_delegates(conference, guest=250)

    rules = {f.rule for f in check_conference(conference)}

    assert ("plenary" in rules, "cap" in rules) == (plenary, not plenary)


@pytest.mark.parametrize(
    ("pilot", "held", "late"),
    [
        (False, D(2025, 9, 30), False),
        (False, D(2025, 10, 1), True),
        (True, D(2025, 8, 20), False),
        (True, D(2025, 8, 21), True),
        (False, D(2025, 6, 30), True),
    ],
)
def test_windows_for_pilots_and_ordinary_units(conference, pilot, held, late):
    conference.is_pilot, conference.held_on = pilot, held

    errors = [f for f in check_conference(conference) if f.rule == "window"]

    assert bool(errors) == late


@pytest.mark.parametrize(("presidium", "warned"), [(4, True), (5, False), (7, False), (8, True)])
def test_presidium_of_five_to_seven(conference, presidium, warned):
    make_delegates(conference, exemplary=70, guest=30, presidium=presidium)

    assert any(f.rule == "presidium" for f in check_conference(conference)) == warned


def test_form_must_be_allowed(conference):
    conference.form = "Hội nghị khác"

    assert _messages(conference, "error")[0].startswith("Hình thức «Hội nghị khác» không có")


def test_what_if_adds_and_removes_without_saving(conference):
    make_delegates(conference, exemplary=105, guest=45, presidium=5)

    over = _messages(conference, "error", guest=1)
    back = _messages(conference, "error", guest=-1, exemplary=1)

    assert over == ["Vượt 1 đại biểu so với mức tối đa 150."]
    assert back == []
    assert conference.delegates.count() == 150


def test_representation_and_former_localities(conference, commune_a, province):
    old = UnitFactory(name="Xã Cũ", kind=UnitKind.COMMUNE, parent=province)
    commune_a.predecessors.add(old)
    make_delegates(conference, exemplary=7, guest=3, presidium=5, gender="female", ethnicity="Tày")

    infos = _messages(conference, "info")

    assert "Đại biểu nữ: 10 người (100 %)." in infos
    assert "Đại biểu dân tộc thiểu số: 10 người (100 %)." in infos
    assert "Chưa có đại biểu từ Xã Cũ (trước sắp xếp)." in _messages(conference, "warning")
