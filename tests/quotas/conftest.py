import datetime

import pytest
import time_machine

from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data


@pytest.fixture
def make_exemplar(officer_a, province_officer):
    load_reference_data(Field, Criterion)
    field = Field.objects.get(code="agriculture")

    def make(unit, title):
        subject = exemplar_services.create_subject(
            actor=province_officer, unit=unit, kind="individual", name=f"Người {title}"
        )
        return exemplar_services.create_exemplar(
            actor=province_officer, subject=subject, title=title, field=field, year_from=2024
        )

    return make


@pytest.fixture(autouse=True)
def _today():
    """20 May 2025: the current quarter is Q2, the last one Q1."""
    with time_machine.travel(datetime.datetime(2025, 5, 20, 9, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def members(cluster, commune_a, commune_b):
    """Commune A reports quarterly, at least 3; commune B half-yearly, at least 2."""
    return cluster.members.get(unit=commune_a), cluster.members.get(unit=commune_b)
