"""An upper conference allots its delegates to all the units below at once by a rule, the
numbers adding up to the total exactly; each can then be adjusted one by one."""

import datetime
import random

import pytest
import time_machine
from django.urls import reverse

from tests.conferences.conftest import make_delegates
from tests.factories import UnitFactory
from thidua.conferences import allotment, services
from thidua.conferences.models import UpperQuota
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition


@pytest.fixture
def congress(province, province_officer):
    return services.create_conference(actor=province_officer, unit=province, kind="congress",
                                      period_start=2025, period_end=2030)  # fmt: skip


def _quotas(congress) -> dict[str, int]:
    return dict(UpperQuota.objects.filter(conference=congress).values_list("unit__name", "number"))


def test_equal_shares_add_up_to_the_total(congress, province_officer, commune_a, commune_b,
                                          province):  # fmt: skip
    # closed by a merger: not allotted
    UnitFactory(parent=province, kind=UnitKind.COMMUNE, name="Xã Cũ", valid_to="2025-07-01",
                valid_from="2020-01-01")  # fmt: skip
    UnitFactory(parent=province, kind=UnitKind.COMMUNE, name="Xã Cẩm Phả")

    allotment.allot_quotas(actor=province_officer, conference=congress, kind="commune",
                           rule="equal", total=10, women_pct=30)  # fmt: skip

    quotas = _quotas(congress)
    assert sorted(quotas.values()) == [3, 3, 4]  # 10 / 3: one more to the first by name
    assert sum(quotas.values()) == 10
    assert "Xã Cũ" not in quotas
    women = UpperQuota.objects.filter(conference=congress).values_list("min_women", flat=True)
    assert sum(women) == 3  # 30 % of the whole, shared like the delegates (not 1 + 1 + 2)


def test_by_size_and_by_the_units_own_conference(congress, province_officer, commune_a,
                                                 commune_b, conference, officer_a):  # fmt: skip
    commune_a.workforce, commune_b.workforce = 300, 100
    commune_a.save(), commune_b.save()

    allotment.allot_quotas(actor=province_officer, conference=congress, kind="commune",
                           rule="workforce", total=8)  # fmt: skip
    by_size = _quotas(congress)
    make_delegates(conference, exemplary=70, guest=30, presidium=5)
    with time_machine.travel(datetime.datetime(2025, 9, 1, 9, tzinfo=datetime.UTC)):
        for action in ("approve", "hold"):
            transition(conference, action, by=officer_a)
    allotment.allot_quotas(actor=province_officer, conference=congress, kind="commune",
                           rule="delegates", total=5)  # fmt: skip

    assert by_size == {"Xã An Phú": 6, "Xã Bình Minh": 2}
    assert _quotas(congress) == {"Xã An Phú": 5}  # Bình Minh held none: no quota
    assert not UpperQuota.objects.filter(conference=congress, unit=commune_b).exists()


def test_allotting_again_keeps_each_units_minimums_and_ties_go_in_order(
    congress, province_officer, commune_a, commune_b, province
):
    from thidua.conferences.delegates import set_quota  # noqa: PLC0415

    set_quota(actor=province_officer, conference=congress, unit=commune_a, number=4,
              min_women=2, min_direct_labourers=3)  # fmt: skip

    allotted, no_data = allotment.allot_quotas(actor=province_officer, conference=congress,
                                               kind="commune", rule="equal", total=2)  # fmt: skip

    quota = UpperQuota.objects.get(conference=congress, unit=commune_a)
    assert (quota.number, quota.min_women, quota.min_direct_labourers) == (1, 1, 1)  # capped
    assert (list(allotted.values()), no_data) == ([1, 1], 0)
    assert allotment.largest_remainder(2, {"a": 1, "b": 3, "c": 10}) == {"a": 0, "b": 1, "c": 1}


def test_nothing_to_weigh_by_is_refused_with_a_message(congress, province_officer, commune_a):
    with pytest.raises(Exception, match="Chưa đơn vị nào có số liệu"):
        allotment.allot_quotas(actor=province_officer, conference=congress, kind="commune",
                               rule="workforce", total=5)  # fmt: skip


@pytest.mark.parametrize("seed", range(50))
def test_largest_remainders_always_add_up(seed):
    rng = random.Random(seed)  # noqa: S311 -- test data, not secrets
    total = rng.randint(1, 5000)
    weights = [rng.choice([0, rng.randint(1, 10_000)]) for _ in range(rng.randint(1, 60))]
    weights[rng.randrange(len(weights))] = rng.randint(1, 10_000)  # at least one weighs

    numbers = allotment.largest_remainder(total, dict(enumerate(weights)))

    assert sum(numbers.values()) == total
    whole = sum(weights)
    for key, weight in enumerate(weights):  # each within one of its exact share
        assert abs(numbers[key] - total * weight / whole) < 1


def test_the_page_allots_and_a_sibling_cannot(client, congress, province_officer, officer_b,
                                              commune_a, commune_b):  # fmt: skip
    url = reverse("conferences:allot", args=[congress.pk])
    client.force_login(province_officer)

    page = client.post(url, {"kind": "commune", "rule": "equal", "total": "7"}, follow=True)
    client.force_login(officer_b)
    sibling = client.post(url, {"kind": "commune", "rule": "equal", "total": "1"})

    assert "Đã phân bổ 7 đại biểu cho 2 đơn vị" in page.content.decode()
    assert sorted(_quotas(congress).values()) == [3, 4]
    assert sibling.status_code == 404
