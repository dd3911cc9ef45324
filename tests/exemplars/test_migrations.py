"""Migration 0012 adds the household items to a database in use: it touches no field or
criterion a province has renamed or edited, and gives household exemplars their checklist."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from thidua.exemplars.reference import load_reference_data

BEFORE = [("exemplars", "0011_evidence_sha256")]
AFTER = [("exemplars", "0012_household_criteria_and_decision")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaf():
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_household_items_are_added_and_edits_are_kept(commune_a):
    old = _migrate(BEFORE)
    try:
        Field, Criterion = (old.get_model("exemplars", name) for name in ("Field", "Criterion"))
        load_reference_data(Field, Criterion)  # a transactional test before may have flushed it
        Criterion.objects.filter(scope="household").delete()  # as before 0012 shipped
        Field.objects.filter(code="health").update(name="Y tế, dân số")
        edited = Criterion.objects.filter(scope="general").first()
        Criterion.objects.filter(pk=edited.pk).update(text="Chấp hành tốt pháp luật.")
        count = Criterion.objects.count()
        Subject = old.get_model("exemplars", "Subject")
        Exemplar = old.get_model("exemplars", "Exemplar")
        home = Subject.objects.create(kind="household", name="Hộ ông Lê Văn Ba",
                                      search_name="ho ong le van ba", sort_name="ba le van",
                                      unit_id=commune_a.pk)  # fmt: skip
        family = Exemplar.objects.create(subject=home, unit_id=commune_a.pk, title="Gia đình",
                                         field=Field.objects.first(), year_from=2025,
                                         search_text="gia dinh")  # fmt: skip
        new = _migrate(AFTER)
        Field, Criterion = (new.get_model("exemplars", name) for name in ("Field", "Criterion"))
        assert Field.objects.get(code="health").name == "Y tế, dân số"
        assert Criterion.objects.get(pk=edited.pk).text == "Chấp hành tốt pháp luật."
        assert not Criterion.objects.filter(text=edited.text).exclude(pk=edited.pk).exists()
        households = Criterion.objects.filter(scope="household")
        assert households.count() == 3
        assert Criterion.objects.count() == count + 3
        checks = new.get_model("exemplars", "CriterionCheck").objects.filter(exemplar_id=family.pk)
        assert {c.criterion_id for c in checks} == set(households.values_list("pk", flat=True))
    finally:
        _leaf()


@pytest.mark.django_db(transaction=True)
def test_household_items_are_not_added_twice():
    _migrate(BEFORE)
    try:
        new = _migrate(AFTER)
        items = new.get_model("exemplars", "Criterion").objects.filter(scope="household")
        assert items.count() == 3
    finally:
        _leaf()


@pytest.mark.django_db(transaction=True)
def test_household_items_take_the_words_of_decree_86_unless_edited():
    old = _migrate([("exemplars", "0013_recognition_district_level")])
    try:
        Criterion = old.get_model("exemplars", "Criterion")
        Criterion.objects.filter(scope="household").delete()  # a flush may have left some
        shipped = import_module("thidua.exemplars.migrations.0014_household_criteria_wording").OLD
        items = [Criterion.objects.create(scope="household", text=text, position=n, source="ND")
                 for n, text in enumerate(shipped)]  # as 0012 shipped them  # fmt: skip
        Criterion.objects.filter(pk=items[0].pk).update(text="Chấp hành tốt pháp luật.")
        new = _migrate([("exemplars", "0014_household_criteria_wording")])
        texts = list(new.get_model("exemplars", "Criterion").objects.filter(scope="household")
                     .order_by("position").values_list("text", flat=True))  # fmt: skip
        assert texts[0] == "Chấp hành tốt pháp luật."  # an edit is kept
        assert texts[1].startswith("Tích cực tham gia các phong trào thi đua lao động")
        assert texts[2].startswith("Gia đình no ấm, tiến bộ, hạnh phúc, văn minh")
    finally:
        _leaf()
