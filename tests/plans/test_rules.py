import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UnitFactory
from thidua.plans.models import Plan
from thidua.plans.rules import ConferenceRuleSet, rule_set_for, validate_rule_set

D = datetime.date


@pytest.fixture
def plan(province):
    return Plan.objects.create(issuer=province, title="Hội nghị điển hình", kind="conference")


def _rules(plan, **values):
    defaults = {"name": "Xã", "allowed_forms": ["Hội nghị tuyên dương điển hình tiên tiến"],
                "window_end": D(2025, 3, 31)}  # fmt: skip
    return ConferenceRuleSet(plan=plan, **{**defaults, **values})


def test_a_sound_rule_set_passes(plan):
    rules = _rules(
        plan, kinds=["commune"], delegate_cap=150, exemplary_share_pct=70, share_tolerance_pct=5,
        representation=["women", "former_localities"], pilot_deadline=D(2025, 2, 28),
        dossier_deadline=D(2025, 4, 15),
    )  # fmt: skip

    validate_rule_set(rules)


def test_every_problem_is_reported_on_its_field(plan):
    bad = _rules(plan, allowed_forms=[], kinds=["planet"], window_start=D(2025, 4, 1),
                 min_size=300, max_size=100, exemplary_share_pct=70, share_tolerance_pct=31,
                 pilot_deadline=D(2025, 5, 1), dossier_deadline=D(2025, 3, 1),
                 representation=["hair_colour"])  # fmt: skip

    with pytest.raises(ValidationError) as error:
        validate_rule_set(bad)

    assert set(error.value.message_dict) == {
        "allowed_forms", "kinds", "representation", "window_end", "max_size",
        "share_tolerance_pct", "pilot_deadline", "dossier_deadline",
    }  # fmt: skip


@pytest.mark.parametrize(("workforce", "expected"), [(199, "nhỏ"), (200, "lớn"), (None, None)])
def test_the_rule_set_is_chosen_by_kind_and_size(plan, province, workforce, expected):
    # Sample 002: enterprises under 200 workers hold a plenary meeting, larger ones cap at 150.
    small = _rules(plan, name="nhỏ", kinds=["enterprise"], max_size=199, plenary_below=200)
    large = _rules(plan, name="lớn", kinds=["enterprise"], min_size=200, delegate_cap=150)
    small.save()
    large.save()
    company = UnitFactory(parent=province, name="Công ty May", kind="enterprise",
                          workforce=workforce)  # fmt: skip

    found = rule_set_for(plan, company)

    assert (found.name if found else None) == expected


def test_a_commune_is_not_judged_by_enterprise_rules(plan, commune_a):
    _rules(plan, name="doanh nghiệp", kinds=["enterprise"]).save()

    assert rule_set_for(plan, commune_a) is None
