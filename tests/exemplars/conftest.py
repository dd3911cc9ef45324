import pytest

from thidua.exemplars import services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data


@pytest.fixture
def field(db):
    # Transactional tests flush the migration's reference data; put it back if needed.
    load_reference_data(Field, Criterion)
    return Field.objects.get(code="agriculture")


@pytest.fixture
def person_a(commune_a, officer_a):
    return services.create_subject(
        actor=officer_a, unit=commune_a, kind="individual", name="Nguyễn Văn Ân",
        gender="male", birth_year=1975, occupation="farmer", is_direct_labourer=True,
    )  # fmt: skip


@pytest.fixture
def exemplar_a(person_a, field, officer_a):
    return services.create_exemplar(
        actor=officer_a, subject=person_a, title="Mô hình trồng lúa hữu cơ", field=field,
        year_from=2023, achievements="Năng suất tăng 20%",
    )  # fmt: skip
