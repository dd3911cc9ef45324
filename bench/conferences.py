"""Benchmark of conferences at the scale of a province: every commune of Hải Phòng holds a
conference of 150 delegates (10 sent up) feeding the city congress. Prints figures.

    make bench            (runs every bench/*.py)

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first): see common.py.
"""

import datetime

from common import fresh_database, print_peak_memory, timed  # first: sets Django up
from django.test import Client
from django.urls import reverse

from thidua.accounts.models import Role, UnitRole, User
from thidua.conferences import delegates, printing, services
from thidua.conferences.checks import check_conference
from thidua.conferences.models import Conference, Delegate, PrintJob
from thidua.conferences.selectors import rollup
from thidua.core.text import person_sort_key
from thidua.plans.models import Plan
from thidua.plans.rules import ConferenceRuleSet
from thidua.units.loader import load_official_tree
from thidua.units.models import Unit

DELEGATES = 150


def setup(city):
    """The plan, its rule set, the congress, and one held conference per commune."""
    plan = Plan.objects.create(
        issuer=city, title="Hội nghị các cấp", kind="conference", status="issued"
    )
    ConferenceRuleSet.objects.create(
        plan=plan,
        name="Cấp xã",
        kinds=["commune"],
        allowed_forms=["Hội nghị"],
        delegate_cap=150,
        exemplary_share_pct=70,
        share_tolerance_pct=5,
        window_end=datetime.date(2025, 9, 30),
        representation=["women", "ethnic_minorities"],
    )
    congress = services.create_conference(
        actor=None, unit=city, kind="congress", period_start=2025, period_end=2030
    )
    communes = list(city.children.filter(kind="commune", valid_to__isnull=True))
    for commune in communes:
        delegates.set_quota(actor=None, conference=congress, unit=commune, number=10)
        conference = Conference.objects.create(
            unit=commune,
            plan=plan,
            name=f"HN {commune}",
            period_start=2025,
            period_end=2030,
            status="held",
            feeds=congress,
            form="Hội nghị",
            rule_set=plan.rule_sets.get(),
        )
        Delegate.objects.bulk_create(
            Delegate(
                conference=conference,
                full_name=f"Nguyễn Thị Người {n}",
                sort_name=person_sort_key(f"Nguyễn Thị Người {n}"),
                gender="female",
                category="exemplary" if n < 105 else "guest",
                to_upper=n < 10,
            )
            for n in range(DELEGATES)
        )
    return congress, Conference.objects.filter(feeds=congress).first(), len(communes)


def main() -> None:
    fresh_database()
    load_official_tree()
    city = Unit.objects.get(code="31")
    officer = User.objects.create(username="bench-officer")
    UnitRole.objects.create(user=officer, unit=city, role=Role.OFFICER)
    congress, one, n = timed(
        "setup: a conference of 150 per commune (not measured)", lambda: setup(city)
    )
    print(f"{'  communes, delegates':<62} {n:5} {Delegate.objects.count():9,}")
    timed("findings of one conference of 150", lambda: check_conference(one), repeat=20)
    timed(f"roll-up of the congress over {n} communes", lambda: rollup(congress), repeat=10)
    client = Client()
    client.force_login(officer)
    timed(
        "delegate page (100 of 150, with findings), HTML",
        lambda: client.get(reverse("conferences:delegates", args=[one.pk])),
        repeat=10,
    )
    timed(
        "brief-profile list of 150, DOCX",
        lambda: client.get(reverse("conferences:brief_profiles", args=[one.pk, "docx"])),
    )
    job = PrintJob.objects.create(conference=one, kind="badges", total=DELEGATES)
    timed("badges of 150 with QR codes, PDF (the task's work)", lambda: printing.render_job(job))
    timed(
        "pull 10 delegates of every commune into the congress",
        lambda: [
            delegates.pull_delegates(actor=None, conference=congress, unit=q.unit)
            for q in congress.quotas.select_related("unit")
        ],
    )
    print_peak_memory()


if __name__ == "__main__":
    main()
