"""The tallies the dashboards read are kept by the services that write the rows: after a
generated history (a merged commune, a revoked award, a corrected and a deleted one, moves
to the same stage twice in a year) they equal a recount from the rows, unit by unit and
at every level above; inside a batch they are written once, at the end."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from tests.summaries.test_figures import END, START, history_of  # noqa: F401
from thidua.awards import history
from thidua.awards.models import AwardRecord
from thidua.exemplars.models import Exemplar
from thidua.summaries import figures
from thidua.summaries.tallies import drift, rebuild_all
from thidua.tallies import services
from thidua.tallies.models import Tally
from thidua.tallies.selectors import totals
from thidua.workflow.engine import transition

pytestmark = pytest.mark.django_db


def test_the_kept_counts_equal_a_recount_from_the_rows(history_of):  # noqa: F811
    record = AwardRecord.objects.filter(revoked_on=None).first()
    record.year = 2020
    history.record_award(actor=None, record=record)  # a corrected year moves its count
    history.delete_row(actor=None, row=AwardRecord.objects.filter(revoked_on=None).last())

    assert drift() == []
    kept = sorted(Tally.objects.exclude(n=0).values_list("measure", "unit", "year", "key", "n"))
    rebuild_all()  # a count that went back to 0 keeps its row until a recount
    assert sorted(Tally.objects.values_list("measure", "unit", "year", "key", "n")) == kept


def test_a_unit_counts_its_subtree_and_the_units_merged_into_it(history_of, province):  # noqa: F811
    unit = history_of["unit"]
    ours = [r for r in AwardRecord.objects.select_related("unit")
            if r.revoked_on is None and START <= r.year <= END
            and r.unit.path.startswith(history_of["paths"])]  # fmt: skip
    everyone = AwardRecord.objects.filter(revoked_on=None, year__range=(START, END))

    assert sum(totals(unit, ["award"], START, END).values()) == len(ours) == 3
    assert sum(totals(province, ["award"], START, END).values()) == everyone.count() == 4


def test_a_stage_counts_an_exemplar_once_a_year(history_of):  # noqa: F811
    unit = history_of["unit"]
    exemplar = Exemplar.objects.filter(unit=unit).first()
    year = timezone.localdate().year

    def nurtured():
        return sum(totals(unit, ["exemplar_nurture"], year, year).values())

    counts = []
    for _ in range(2):  # back to nurturing twice in the same year
        transition(exemplar, "withdraw", by=None, reason="Rút để xem lại")
        transition(exemplar, "reopen", by=None, reason="Xem xét lại")
        exemplar = transition(exemplar, "nurture", by=None)
        counts.append(nurtured())

    assert counts == [1, 1]
    assert figures.exemplar_stages(unit, year, year).total(2) == 1  # the report's figure
    assert drift() == []


def test_a_batch_writes_once_at_the_end(commune_a, django_assert_num_queries):
    counts = [services.Count("award", commune_a.path, 2024, "individual")] * 3

    # One insert in a savepoint; nothing while inside.
    with django_assert_num_queries(3), services.batched():
        for count in counts:
            services.change(after=[count])

    assert sum(totals(commune_a, ["award"], 2024, 2024).values()) == 3
    assert Tally.objects.filter(unit=commune_a.parent, year=2024).get().n == 3


def test_the_command_checks_and_repairs(history_of, capsys):  # noqa: F811
    Tally.objects.filter(measure="award").update(n=99)

    with pytest.raises(CommandError):
        call_command("rebuild_tallies", "--check")
    call_command("rebuild_tallies")
    call_command("rebuild_tallies", "--check")

    assert "khớp" in capsys.readouterr().out


def test_the_migration_counts_an_existing_install_as_the_services_do(history_of):  # noqa: F811
    from importlib import import_module

    from django.apps import apps

    migration = import_module("thidua.summaries.migrations.0002_count_existing_rows")
    Tally.objects.all().delete()

    migration.count_rows(apps, None)

    assert Tally.objects.exists()
    assert drift() == []
