import pytest

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
