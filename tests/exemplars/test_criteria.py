from thidua.exemplars import criteria
from thidua.exemplars.models import Criterion


def test_every_automatic_criterion_in_the_data_has_a_rule(db):
    names = set(Criterion.objects.exclude(auto_check="").values_list("auto_check", flat=True))

    assert names == {"excellent_collective_every_year"}
    assert names <= set(criteria.RULES)


def test_without_award_history_the_rule_cannot_tell(exemplar_a):
    check = exemplar_a.checks.select_related("criterion", "exemplar").first()

    assert criteria.evaluate(check) is None
