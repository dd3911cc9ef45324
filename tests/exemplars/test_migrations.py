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
def test_household_items_take_the_words_of_decree_86_by_meaning(commune_a):
    old = _migrate([("exemplars", "0013_recognition_district_level")])
    try:
        Criterion = old.get_model("exemplars", "Criterion")
        Criterion.objects.filter(scope="household").delete()  # a flush may have left some
        shipped = import_module("thidua.exemplars.migrations.0014_household_criteria_wording").OLD
        items = [Criterion.objects.create(scope="household", text=text, position=n, source="ND")
                 for n, text in enumerate(shipped, start=40)]  # as 0012 shipped them  # fmt: skip
        answered = _household_answers(old, commune_a, items[1])
        new = _migrate([("exemplars", "0014_household_criteria_wording")])
        Criterion, Check = (new.get_model("exemplars", n) for n in ("Criterion", "CriterionCheck"))
        texts = list(Criterion.objects.filter(scope="household").order_by("position")
                     .values_list("text", flat=True))  # fmt: skip
        family = Criterion.objects.get(pk=items[1].pk)  # the old family item…
        checks = dict(Check.objects.filter(criterion=family).values_list("exemplar_id", "met"))
        assert texts[0].startswith("Gương mẫu chấp hành tốt chủ trương của Đảng")
        assert texts[1].startswith("Tích cực tham gia các phong trào thi đua lao động")
        assert texts[2].startswith("Gia đình no ấm, tiến bộ, hạnh phúc, văn minh")
        assert family.text == texts[2]  # … is the new family item, not another
        assert checks == {answered["nurturing"]: False, answered["recognised"]: True}
    finally:
        _leaf()


@pytest.mark.django_db(transaction=True)
def test_an_edited_household_item_keeps_its_words():
    old = _migrate([("exemplars", "0013_recognition_district_level")])
    try:
        Criterion = old.get_model("exemplars", "Criterion")
        Criterion.objects.filter(scope="household").delete()
        edited = Criterion.objects.create(scope="household", text="Chấp hành tốt pháp luật.",
                                          position=1, source="ND")  # fmt: skip
        new = _migrate([("exemplars", "0014_household_criteria_wording")])
        item = new.get_model("exemplars", "Criterion").objects.get(pk=edited.pk)
        assert (item.text, item.position) == ("Chấp hành tốt pháp luật.", 1)
    finally:
        _leaf()


def _household_answers(apps, unit, item) -> dict[str, int]:
    """A household exemplar being nurtured and one recognised, each with `item` met."""
    names = ("Field", "Subject", "Exemplar", "CriterionCheck")
    Field, Subject, Exemplar, Check = (apps.get_model("exemplars", name) for name in names)
    field = Field.objects.first() or Field.objects.create(code="agriculture", name="Nông nghiệp")
    home = Subject.objects.create(kind="household", name="Hộ ông Lê Văn Ba", unit_id=unit.pk,
                                  search_name="ho ong le van ba",
                                  sort_name="ba le van")  # fmt: skip
    found = {}
    for stage in ("nurturing", "recognised"):
        exemplar = Exemplar.objects.create(subject=home, unit_id=unit.pk, title="Gia đình",
                                           field=field, year_from=2025, stage=stage,
                                           search_text="gia dinh")  # fmt: skip
        Check.objects.create(exemplar=exemplar, criterion=item, met=True)
        found[stage] = exemplar.pk
    return found
