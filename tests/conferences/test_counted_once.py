"""Figures that add up when a unit holds two conferences for the same plan and target
group: warned on the second, its delegates counted and pulled up from the latest only,
its honoured exemplars offered to the level above once. Each figure is computed here
from the rows themselves."""

import datetime

import pytest

from tests.conferences.conftest import make_delegates
from thidua.conferences import delegates, services
from thidua.conferences.checks import check_conference
from thidua.conferences.models import Delegate, Honour
from thidua.conferences.selectors import honoured_below, rollup
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data

D = datetime.date


@pytest.fixture
def twice(plan, conference, commune_a, province, province_officer, officer_a):
    """An Phú held its conference on 25/8, then again on 10/9: 4 sent up, then 3."""
    years = {"period_start": 2025, "period_end": 2030}
    congress = services.create_conference(actor=province_officer, unit=province,
                                          kind="congress", **years)  # fmt: skip
    delegates.set_quota(actor=province_officer, conference=congress, unit=commune_a, number=3)
    again = services.create_conference(actor=officer_a, unit=commune_a, plan=plan, **years,
                                       held_on=D(2025, 9, 10), form=conference.form)  # fmt: skip
    for held, sent in ((conference, 4), (again, 3)):
        held.feeds, held.status = congress, "held"
        held.save()
        make_delegates(held, exemplary=sent, to_upper=True, status="approved")
    return congress, conference, again


def test_the_second_conference_is_warned_about(twice):
    _congress, first, again = twice

    warned = [f.message for f in check_conference(again) if f.rule == "twice"]

    assert len(warned) == 1
    assert f"«{first.name}» ngày 25/08/2025" in warned[0]


def test_the_roll_up_counts_and_pulls_the_latest_conference_only(
    twice, province_officer, commune_a
):
    congress, _first, again = twice
    expected = Delegate.objects.filter(conference=again, to_upper=True).count()

    row = next(r for r in rollup(congress) if r["quota"].unit == commune_a)
    pulled = delegates.pull_delegates(actor=province_officer, conference=congress, unit=commune_a)

    assert (row["n"], row["gap"], row["left_out"]) == (expected, expected - 3, 1)
    assert pulled == (expected, 0) == (3, 0)
    assert congress.delegates.count() == expected


def test_pulled_after_the_earlier_conference_the_later_one_replaces_it(
    twice, province_officer, commune_a
):
    """The province pulled An Phú's list of 25/8 before its conference of 10/9 was held;
    pulling again replaces those four with the three sent on 10/9, never seven."""
    congress, first, again = twice
    again.status = "approved"
    again.save()
    early = delegates.pull_delegates(actor=province_officer, conference=congress, unit=commune_a)
    again.status = "held"
    again.save()

    late = delegates.pull_delegates(actor=province_officer, conference=congress, unit=commune_a)

    sources = set(congress.delegates.values_list("source__conference", flat=True))
    assert early == (Delegate.objects.filter(conference=first, to_upper=True).count(), 0)
    assert late == (3, early[0])
    assert sources == {again.pk}
    assert (
        congress.delegates.count()
        == Delegate.objects.filter(conference=again, to_upper=True).count()
    )


def _honoured_at(officer, unit, *conferences):
    """One exemplar of `unit`, honoured by each of `conferences` on its day."""
    load_reference_data(Field, Criterion)
    subject = exemplar_services.create_subject(actor=officer, unit=unit,
                                               kind="individual", name="Lò Thị Mai")  # fmt: skip
    exemplar = exemplar_services.create_exemplar(actor=officer, subject=subject,
                                                 title="Mô hình", field=Field.objects.first(),
                                                 year_from=2024)  # fmt: skip
    for held in conferences:
        Honour.objects.create(conference=held, exemplar=exemplar, level="commune",
                              honoured_on=held.held_on)  # fmt: skip
    return exemplar


def test_an_exemplar_honoured_twice_is_offered_once(twice, officer_a, commune_a):
    congress, first, again = twice
    exemplar = _honoured_at(officer_a, commune_a, first, again)

    offered = list(honoured_below(congress))

    assert [h.exemplar for h in offered] == [exemplar]
    assert offered[0].conference == again


def test_the_what_if_panel_never_divides_a_group_by_a_total_it_is_not_part_of(conference):
    """100 delegates, 40 of them women; the officer tries removing 96 exemplary ones."""
    make_delegates(conference, exemplary=60, presidium=5)
    make_delegates(conference, guest=40, gender="female")
    women = Delegate.objects.filter(conference=conference, gender="female").count()
    listed = Delegate.objects.filter(conference=conference).count()

    found = {f.rule: f.message for f in check_conference(conference, adjust={"exemplary": -96})}
    plain = {f.rule: f.message for f in check_conference(conference)}

    share = f"{round(women * 100 / listed):g}"
    assert found["women"] == f"Đại biểu nữ: {women} người ({share} % của danh sách hiện có)."
    assert plain["women"] == f"Đại biểu nữ: {women} người ({share} %)."
    assert "vượt" not in found.get("size", "").lower()


def test_the_latest_is_the_later_day_held_for_the_roll_up_and_the_honours_alike(
    twice, officer_a, commune_a
):
    """Created first but held last: An Phú's conference of 25/8 moved to 20/9 is its latest,
    for the delegates counted and for the honour offered, whatever the order of creation."""
    congress, first, again = twice
    first.held_on = D(2025, 9, 20)
    first.save()
    _honoured_at(officer_a, commune_a, first, again)

    row = next(r for r in rollup(congress) if r["quota"].unit == commune_a)

    assert row["n"] == Delegate.objects.filter(conference=first, to_upper=True).count() == 4
    assert [h.conference for h in honoured_below(congress)] == [first]
