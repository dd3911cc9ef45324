"""The ledger as the fact table: one indexed query answers how many exemplars were
recognised, conferences held and obligations delivered late in a province's subtree between
two dates, and its figures agree with the records themselves (the demo data)."""

import datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from thidua.conferences.models import Conference
from thidua.demo.seed import seed_demo
from thidua.exemplars.models import Exemplar, Recognition
from thidua.plans.models import Obligation
from thidua.units.models import Unit
from thidua.workflow.selectors import DELIVERED_LATE, HELD, RECOGNISED, subtree_counts

FIRST, LAST = datetime.date(2020, 1, 1), datetime.date(2030, 12, 31)
MEASURES = {"recognised": RECOGNISED, "held": HELD, "late": DELIVERED_LATE}


@pytest.fixture
def city(db):
    seed_demo()
    return Unit.objects.get(code="31")  # Thành phố Hải Phòng


def _from_the_records(path: str) -> dict[str, int]:
    """The same figures computed from the records themselves, not from the ledger (no demo
    exemplar leaves the recognised stages once it reaches them)."""
    held = Conference.objects.filter(unit__path__startswith=path, status__in=["held", "reported"],
                                     held_on__range=(FIRST, LAST))  # fmt: skip
    late = Obligation.objects.filter(unit__path__startswith=path, delivered_on__range=(FIRST, LAST),
                                     delivered_on__gt=F("milestone__due_on"))  # fmt: skip
    recognised = Exemplar.objects.filter(unit__path__startswith=path,
                                         stage__in=["recognised", "replicating"])  # fmt: skip
    return {"recognised": recognised.count(), "held": held.count(), "late": late.count()}


def test_one_query_answers_three_figures_of_a_province(city):
    with CaptureQueriesContext(connection) as queries:
        figures = subtree_counts(city.path, FIRST, LAST, MEASURES)

    assert len(queries) == 1
    assert figures == _from_the_records(city.path)
    assert all(figures.values())  # the demo has some of each


def test_the_figures_keep_to_the_subtree_and_the_dates(city):
    dai_son = Unit.objects.get(code="11086")
    before = subtree_counts(city.path, datetime.date(2000, 1, 1), datetime.date(2000, 12, 31),
                            MEASURES)  # fmt: skip

    assert subtree_counts(dai_son.path, FIRST, LAST, MEASURES) == _from_the_records(dai_son.path)
    assert before == {"recognised": 0, "held": 0, "late": 0}
    assert Recognition.objects.exists()
