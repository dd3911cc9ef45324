"""Benchmark of a national plan: addressed to every commune of the country (3,321), three
milestones each, so about 10,000 obligations. Prints figures; asserts nothing.

    make bench            (runs bench/run.py, bench/exemplars.py, then this)

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first): see common.py.
"""

import datetime

from common import fresh_database, print_peak_memory, timed  # first: sets Django up
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.accounts.models import Role, UnitRole, User
from thidua.plans import drafts, selectors
from thidua.plans.models import Obligation, ObligationState, Plan
from thidua.units.loader import get_or_create_nation, load_official_tree
from thidua.units.models import Unit, UnitKind
from thidua.workflow.engine import transition

TODAY = datetime.date(2026, 3, 20)


def national_plan(nation, communes) -> Plan:
    plan = Plan.objects.create(issuer=nation, symbol="01/KH-HĐTĐKT", kind="congress",
                               title="Tổ chức Đại hội Thi đua yêu nước toàn quốc")  # fmt: skip
    for n, title in enumerate(["Ban hành kế hoạch", "Tổ chức hội nghị", "Gửi hồ sơ"]):
        due = datetime.date(2026, 3, 15) + datetime.timedelta(30 * n)
        drafts.add_milestone(plan=plan, title=title, deliverable="report", units=communes,
                             due_on=due)  # fmt: skip
    return plan


def deliver_a_third(plan) -> None:
    """A third of the first milestone delivered, half of those late (bulk, not measured)."""
    first = plan.milestones.order_by("due_on").first()
    ids = list(first.obligations.values_list("pk", flat=True)[::3])
    half = len(ids) // 2
    for chunk, on in ((ids[:half], datetime.date(2026, 3, 10)), (ids[half:], TODAY)):
        Obligation.objects.filter(pk__in=chunk).update(state=ObligationState.DELIVERED,
                                                        delivered_on=on)  # fmt: skip


def main() -> None:
    fresh_database()
    load_official_tree()
    nation = get_or_create_nation()
    communes = list(Unit.objects.filter(kind=UnitKind.COMMUNE, valid_to__isnull=True))
    officer = User.objects.create(username="bench-officer")
    UnitRole.objects.create(user=officer, unit=nation, role=Role.OFFICER)
    plan = timed(f"draft a plan with 3 milestones owed by {len(communes):,} communes",
                 lambda: national_plan(nation, communes))  # fmt: skip
    timed(
        "issue it (one obligation per commune and milestone)",
        lambda: transition(plan, "issue", by=officer),
    )
    print(f"{'  obligations':<62} {Obligation.objects.count():9,}")
    deliver_a_third(plan)
    timed("board counts per status", lambda: selectors.board_counts(plan, TODAY), repeat=10)
    client = Client()
    client.force_login(officer)
    url = reverse("plans:board", args=[plan.pk])
    with CaptureQueriesContext(connection) as queries:
        timed("board page (50 units × 3 milestones), HTML", lambda: client.get(url), repeat=10)
    print(f"{'  queries per page':<62} {len(queries) // 10:9}")
    timed("board page filtered to overdue, HTML",
          lambda: client.get(url, {"status": "overdue", "page": 20}), repeat=10)  # fmt: skip
    sheet = timed("board export to XLSX (every commune)",
                  lambda: client.get(url, {"format": "xlsx"}))  # fmt: skip
    print(f"{'  XLSX size':<62} {len(sheet.content) / 1024:9.1f} KiB")
    print_peak_memory()


if __name__ == "__main__":
    main()
