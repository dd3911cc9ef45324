import datetime

import pytest

from thidua.conferences import services
from thidua.conferences.models import Delegate
from thidua.plans import drafts
from thidua.plans.models import Plan
from thidua.plans.rules import ConferenceRuleSet
from thidua.workflow.engine import transition

D = datetime.date
DOSSIER = ["Báo cáo tóm tắt kết quả hội nghị", "Biên bản hội nghị"]


@pytest.fixture
def plan(province, commune_a, commune_b, province_officer):
    """The province's conference plan: communes hold theirs by 30/9/2025 (cap 150, about
    70 % ± 5 exemplary, presidium 5–7); enterprises under 200 workers meet in full."""
    plan = Plan.objects.create(
        issuer=province,
        symbol="9/KH-UBND",
        kind="conference",
        title="Hội nghị điển hình tiên tiến các cấp",
    )
    for title, deliverable, due in (
        ("Tổ chức hội nghị", "conference", D(2025, 9, 30)),
        ("Gửi hồ sơ", "dossier", D(2025, 10, 15)),
    ):
        drafts.add_milestone(
            plan=plan,
            title=title,
            deliverable=deliverable,
            due_on=due,
            units=[commune_a, commune_b],
        )
    communes = ConferenceRuleSet(
        plan=plan,
        name="Cấp xã",
        kinds=["commune"],
        allowed_forms=["Hội nghị tuyên dương điển hình tiên tiến"],
        window_start=D(2025, 7, 1),
        window_end=D(2025, 9, 30),
        delegate_cap=150,
        exemplary_share_pct=70,
        share_tolerance_pct=5,
        presidium_min=5,
        presidium_max=7,
        pilot_deadline=D(2025, 8, 20),
        dossier_documents=DOSSIER,
        representation=["women", "ethnic_minorities", "direct_labourers", "former_localities"],
    )
    drafts.save_rule_set(actor=None, rule_set=communes)
    enterprises = ConferenceRuleSet(
        plan=plan,
        name="Doanh nghiệp",
        kinds=["enterprise"],
        window_end=D(2025, 9, 30),
        allowed_forms=["Hội nghị biểu dương người lao động giỏi"],
        delegate_cap=200,
        plenary_below=200,
    )
    drafts.save_rule_set(actor=None, rule_set=enterprises)
    return transition(plan, "issue", by=province_officer)


@pytest.fixture
def conference(plan, commune_a, officer_a):
    return services.create_conference(
        actor=officer_a,
        unit=commune_a,
        plan=plan,
        period_start=2025,
        period_end=2030,
        form="Hội nghị tuyên dương điển hình tiên tiến",
        held_on=D(2025, 8, 25),
    )


def make_delegates(conference, *, exemplary=0, guest=0, presidium=0, **extra):
    rows = [("exemplary", n) for n in range(exemplary)] + [("guest", n) for n in range(guest)]
    Delegate.objects.bulk_create(
        Delegate(
            conference=conference,
            full_name=f"Người {category} {n}",
            sort_name=f"{category}{n:05}",
            category=category,
            is_presidium=i < presidium,
            **extra,
        )
        for i, (category, n) in enumerate(rows)
    )
