"""Demo conferences of Hải Phòng under plan 115/KH-UBND, one in each status: the city's
congress (draft) with delegate quotas for its communes; Đại Sơn (reported), a merged
commune with delegates from its former communes; the pilot commune (held); an enterprise
under 200 workers that meets in full (approved); Tứ Kỳ (draft, with findings to fix)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.conferences import delegates as delegate_services
from thidua.conferences import dossier, services
from thidua.conferences.models import Conference
from thidua.conferences.workflows import needs_late_reason
from thidua.demo.calendar import story
from thidua.demo.data import PAPER_PDF
from thidua.exemplars.models import Exemplar
from thidua.plans.models import Plan
from thidua.units.models import Unit, UnitKind
from thidua.workflow.engine import transition

D = datetime.date
FORM = "Hội nghị tuyên dương điển hình tiên tiến"
GIVEN = ["Lan", "Hùng", "Mai", "Dũng", "Hoa", "Tuấn", "Hằng", "Nam", "Thu", "Bình"]
FAMILY = ["Nguyễn", "Trần", "Phạm", "Vũ", "Đỗ", "Hoàng", "Bùi", "Đặng"]


def _people(conference, *, exemplary: int, guests: int, origins, to_upper: int = 0):
    """Delegates with Vietnamese names; women every other one; the first `to_upper`
    exemplary ones go to the city's congress; five of them sit on the presidium."""
    for n in range(exemplary + guests):
        woman = n % 2 == 0
        delegate_services.add_delegate(
            actor=None,
            conference=conference,
            full_name=f"{FAMILY[n % 8]} {'Thị' if woman else 'Văn'} {GIVEN[n % 10]}",
            category="exemplary" if n < exemplary else ("leader" if n % 5 == 0 else "guest"),
            gender="female" if woman else "male",
            birth_year=1965 + n % 35,
            ethnicity="Kinh" if n % 9 else "Tày",
            origin_unit=origins[n % len(origins)],
            is_direct_labourer=n < exemplary and n % 3 == 0,
            is_presidium=n < 5,
            to_upper=n < to_upper,
        )


def _approve_all(conference) -> None:
    pks = list(conference.delegates.values_list("pk", flat=True))
    delegate_services.move_delegates(actor=None, conference=conference, pks=pks, action="approve")


def _run(conference, *, until: str) -> None:
    _approve_all(conference)
    for action in ("approve", "hold", "report"):
        if action == "report":
            for name in conference.rule_set.dossier_documents:
                upload = SimpleUploadedFile(f"{name[:30]}.pdf", PAPER_PDF)
                dossier.upload_dossier_document(
                    actor=None, conference=conference, name=name, upload=upload
                )
        # The story's past, entered now: a conference recorded late says why (the ledger).
        late = "Nhập lại hồ sơ hội nghị đã tổ chức." if needs_late_reason(conference) else ""
        conference = transition(conference, action, by=None, reason=late)
        if action == until:
            return


def _new(unit, plan, held_on, **fields) -> Conference:
    return services.create_conference(
        actor=None,
        unit=unit,
        plan=plan,
        period_start=2025,
        period_end=2030,
        held_on=story(held_on),
        starts_at=datetime.time(7, 30),
        **fields,
    )


def seed_conferences(*, province: Unit, commune: Unit, sibling: Unit) -> None:
    plan = Plan.objects.filter(issuer=province, symbol="115/KH-UBND").first()
    if plan is None or Conference.objects.filter(unit=province).exists():
        return
    congress = _new(
        province, None, D(2025, 11, 25), kind="congress", venue="Nhà hát Thành phố Hải Phòng"
    )
    rules = plan.rule_sets.get(kinds=[UnitKind.COMMUNE])
    pilot = rules.pilot_units.first()
    for unit, number in ((commune, 10), (sibling, 8), (pilot, 6)):
        delegate_services.set_quota(
            actor=None, conference=congress, unit=unit, number=number, min_women=number // 3
        )
    _dai_son(commune, plan)
    villages = list(pilot.children.all()[:3]) or [pilot]
    held = _new(pilot, plan, D(2025, 8, 15), form=FORM, venue=f"Hội trường {pilot.name}")
    _people(held, exemplary=28, guests=12, origins=villages, to_upper=5)
    _run(held, until="hold")
    firm = Unit.objects.filter(parent=province, name="Công ty cổ phần Cơ khí Hồng Bàng").first()
    if firm is not None:  # 150 workers, under the 200 of its rule set: everyone attends
        plenary = _new(
            firm,
            plan,
            D(2025, 10, 20),
            venue="Nhà ăn công ty",
            form="Hội nghị biểu dương người lao động giỏi, lao động sáng tạo",
        )
        _people(plenary, exemplary=30, guests=5, origins=[firm])
        _run(plenary, until="approve")
    draft = _new(sibling, plan, D(2025, 9, 26), form=FORM, venue="Hội trường UBND xã Tứ Kỳ")
    _people(draft, exemplary=12, guests=10, origins=list(sibling.children.all()) or [sibling])


def _dai_son(commune: Unit, plan: Plan) -> None:
    """Sample 003: Đại Sơn's first conference (25/8/2025), after the 2025 merger."""
    conference = _new(
        commune,
        plan,
        D(2025, 8, 25),
        form=FORM,
        venue="Hội trường UBND xã Đại Sơn",
        budget_estimate=45_000_000,
    )
    origins = list(commune.predecessors.all()) or [commune]
    for exemplar in Exemplar.objects.filter(
        unit__path__startswith=commune.path, stage__in=["recognised", "replicating"]
    ):
        delegate_services.add_delegate(
            actor=None,
            conference=conference,
            exemplar=exemplar,
            category="exemplary",
            is_honouree=True,
            origin_unit=origins[0],
        )
    _people(conference, exemplary=40, guests=18, origins=origins, to_upper=10)
    _run(conference, until="report")
