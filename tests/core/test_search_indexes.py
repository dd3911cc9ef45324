"""On PostgreSQL (CI), the searches that match words anywhere in a name are served by
trigram indexes."""

import pytest
from django.db import connection

from thidua.exemplars.models import Subject

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
INDEXES = {"subject_search_trgm", "exemplar_search_trgm", "unit_search_trgm"}


def test_the_trigram_indexes_exist(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)",
                       [sorted(INDEXES)])  # fmt: skip
        found = {row[0] for row in cursor.fetchall()}

    assert found == INDEXES


def test_a_word_search_can_use_its_trigram_index(db):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Subject.objects.filter(search_name__contains="nguyen").explain()

    assert "subject_search_trgm" in plan
