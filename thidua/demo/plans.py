"""Demo plans of Hải Phòng, made through the services: the conference plan modelled on
sample 000 (communes, then departments, then the congress), the model-building plan
modelled on sample 001, and commune plans beneath them in mixed states. The conference
cycle's dates are the story's (calendar.py), placed around today: the board shows on-time,
late, returned and overdue units while the communes' conferences are still to be held;
the model-building plan's dates follow today so that it always has work still to come."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.demo.calendar import story, story_dates
from thidua.demo.data import PAPER_PDF
from thidua.plans import drafts
from thidua.plans.models import Obligation, Plan, PlanKind
from thidua.plans.rules import ConferenceRuleSet
from thidua.units.models import EmulationGroup, Unit, UnitKind
from thidua.workflow.engine import transition

D = datetime.date
COMMUNE_FORMS = [
    "Hội nghị tuyên dương điển hình tiên tiến",
    "Hội nghị biểu dương người tốt, việc tốt",
    "Hội nghị biểu dương người lao động giỏi, lao động sáng tạo",
]
DOSSIER = ["Báo cáo tóm tắt kết quả hội nghị", "Danh sách trích ngang đại biểu dự cấp trên",
           "Tờ trình", "Biên bản hội nghị", "Báo cáo thành tích của đại biểu"]  # fmt: skip
# (title, deliverable, due date, who owes it)
CONFERENCE_MILESTONES = [
    ("Ban hành kế hoạch tổ chức hội nghị điển hình tiên tiến cấp xã", "own_plan",
     D(2025, 8, 15), "communes"),
    ("Tổ chức hội nghị điển hình tiên tiến cấp xã", "conference", D(2025, 9, 30), "communes"),
    ("Gửi hồ sơ kết quả hội nghị về Ban Thi đua – Khen thưởng", "dossier", D(2025, 10, 15),
     "communes"),
    ("Tổ chức hội nghị điển hình tiên tiến của sở, ban, ngành, đoàn thể", "conference",
     D(2025, 10, 31), "agencies"),
    ("Chuẩn bị Đại hội Thi đua yêu nước thành phố lần thứ I", "report", D(2025, 11, 30),
     "standing"),
]  # fmt: skip


def _conference_plan(province: Unit, standing: Unit) -> Plan:
    plan = drafts.create_plan(
        actor=None, issuer=province, symbol="115/KH-UBND", issued_on=story(D(2025, 7, 16)),
        kind=PlanKind.CONFERENCE, outside_basis="01/KH-HĐTĐKT, 2823/HD-BNV",
        title="Tổ chức Hội nghị điển hình tiên tiến các cấp tiến tới Đại hội Thi đua yêu nước "
        "thành phố Hải Phòng lần thứ I",
    )  # fmt: skip
    current = Unit.objects.filter(parent=province, valid_to__isnull=True)
    owing = {
        "communes": list(current.filter(kind=UnitKind.COMMUNE)),
        "agencies": list(current.filter(kind__in=[UnitKind.AGENCY, UnitKind.MASS_ORG])),
        "standing": [standing],
    }
    for title, deliverable, due, who in CONFERENCE_MILESTONES:
        drafts.add_milestone(plan=plan, title=title, deliverable=deliverable, due_on=story(due),
                             units=owing[who])  # fmt: skip
    _conference_rules(plan)
    return transition(plan, "issue", by=None)


# The rule sets of the conference plan, one per target group (samples 000, 002, 003, 004).
RULE_SETS = [
    {"name": "Xã, phường, đặc khu", "kinds": [UnitKind.COMMUNE], "allowed_forms": COMMUNE_FORMS,
     "window_end": D(2025, 9, 30), "length": "half_day", "delegate_cap": 150,
     "dossier_deadline": D(2025, 10, 15), "pilot_deadline": D(2025, 8, 20),
     "presidium_min": 5, "presidium_max": 7,
     "representation": ["women", "ethnic_minorities", "direct_labourers", "former_localities"]},
    {"name": "Sở, ban, ngành, đoàn thể", "kinds": [UnitKind.AGENCY, UnitKind.MASS_ORG],
     "allowed_forms": ["Hội nghị điển hình tiên tiến"], "window_end": D(2025, 10, 31),
     "length": "session", "delegate_cap": 200, "plenary_below": 100,
     "dossier_deadline": D(2025, 11, 10), "representation": ["women", "fields"]},
    {"name": "Doanh nghiệp", "kinds": [UnitKind.ENTERPRISE], "allowed_forms": COMMUNE_FORMS[2:],
     "window_end": D(2025, 10, 31), "length": "session", "delegate_cap": 200,
     "plenary_below": 200, "representation": ["direct_labourers", "economic_sectors"]},
]  # fmt: skip


def _conference_rules(plan: Plan) -> None:
    """The commune rule set names the first commune (by name) as the pilot (sample 002)."""
    pilot = Unit.objects.filter(parent=plan.issuer, kind=UnitKind.COMMUNE, valid_to__isnull=True)
    pilots = list(pilot.order_by("sort_name")[:1])
    for rules in RULE_SETS:
        rule_set = ConferenceRuleSet(plan=plan, exemplary_share_pct=70, share_tolerance_pct=5,
                                     dossier_documents=DOSSIER, **story_dates(rules))  # fmt: skip
        is_communes = rules["kinds"] == [UnitKind.COMMUNE]
        drafts.save_rule_set(
            actor=None, rule_set=rule_set, pilot_units=pilots if is_communes else None
        )


def _commune_plan(province_plan: Plan, commune: Unit, *, symbol: str, on) -> Plan:
    """The commune's own plan (modelled on sample 003), owed by its villages."""
    on = story(on)
    plan = drafts.create_plan(
        actor=None, issuer=commune, symbol=symbol, issued_on=on, kind=PlanKind.CONFERENCE,
        implements=province_plan, outside_basis="3194/QĐ-UBND",
        title=f"Tổ chức Hội nghị tuyên dương điển hình tiên tiến {commune.name[0].lower()}"
        f"{commune.name[1:]} "
        "lần thứ I (2025-2030)",
    )  # fmt: skip
    villages = list(commune.children.filter(kind=UnitKind.VILLAGE))
    drafts.add_milestone(plan=plan, title="Thôn bình xét, gửi danh sách điển hình tiên tiến",
                         deliverable="exemplar_list", due_on=on + datetime.timedelta(days=6),
                         units=villages)  # fmt: skip
    return plan


def _deliver_conference_plan(plan: Plan, commune: Unit, sibling: Unit) -> None:
    """Đại Sơn on time and accepted (with its own plan), Tứ Kỳ late then returned, a few
    communes on time or late, the rest overdue."""
    due = {m.title: m for m in plan.milestones.all()}
    own_title, held_title = CONFERENCE_MILESTONES[0][0], CONFERENCE_MILESTONES[1][0]
    own = _commune_plan(plan, commune, symbol="28/KH-UBND", on=D(2025, 8, 14))
    own = transition(own, "issue", by=None)
    villages_list = own.milestones.get()
    for village in list(villages_list.owing_units.order_by("sort_name"))[:4]:
        _deliver(villages_list, village, D(2025, 8, 19), accept=True)
    own = transition(own, "close", by=None)  # its conference was held on 25/8/2025
    _deliver(due[own_title], commune, D(2025, 8, 14), linked=own, accept=True)
    _deliver(due[held_title], commune, D(2025, 8, 25), accept=True)
    _commune_plan(plan, sibling, symbol="", on=D(2025, 8, 20))  # still a draft
    _deliver(due[own_title], sibling, D(2025, 8, 20), note="Gửi bản scan kế hoạch")
    returned = Obligation.objects.get(milestone=due[own_title], unit=sibling)
    transition(returned, "return", by=None, reason="Thiếu chữ ký, đóng dấu; đề nghị gửi lại.")
    others = (
        Obligation.objects.filter(milestone=due[own_title])
        .exclude(unit__in=[commune, sibling])
        .select_related("unit")
        .order_by("unit__sort_name")[:12]
    )
    for n, obligation in enumerate(others):
        _deliver(due[own_title], obligation.unit, D(2025, 8, 8) + datetime.timedelta(days=n))


def _deliver(milestone, unit, on, *, linked=None, note="", accept=False) -> None:
    obligation = Obligation.objects.get(milestone=milestone, unit=unit)
    delivered = transition(obligation, "deliver", by=None, data={
        "note": note or "Đã gửi", "linked_plan": linked, "files": [_paper(unit)],
        "on": story(on),
    })  # fmt: skip
    if accept:
        transition(delivered, "accept", by=None)


def _paper(unit):
    """The signed document a unit sends, as a stand-in PDF."""
    return SimpleUploadedFile(f"{unit.code or unit.pk}.pdf", PAPER_PDF)


def _model_plan(province: Unit, commune: Unit) -> None:
    """Modelled on sample 001: build and replicate exemplars; the cluster's communes send
    their own plan, then report every six months."""
    today = timezone.localdate()
    plan = drafts.create_plan(
        actor=None, issuer=province, symbol="960/KH-UBND",
        issued_on=today - datetime.timedelta(90), kind=PlanKind.MODEL_BUILDING,
        outside_basis="1526/QĐ-TTg",
        title="Xây dựng, nhân rộng các mô hình, điển hình tiên tiến trên địa bàn thành phố "
        "giai đoạn 2025 - 2030 và những năm tiếp theo",
    )  # fmt: skip
    cluster = EmulationGroup.objects.get(owner=province, kind="cluster", number=1)
    members = drafts.addressed_units(province, group=cluster)
    drafts.add_milestone(plan=plan, title="Ban hành kế hoạch xây dựng điển hình của đơn vị",
                         deliverable="own_plan", due_on=today - datetime.timedelta(60),
                         units=members)  # fmt: skip
    drafts.add_milestone(plan=plan, title="Báo cáo 6 tháng xây dựng, nhân rộng điển hình",
                         deliverable="report", due_on=today + datetime.timedelta(20),
                         units=members)  # fmt: skip
    transition(plan, "issue", by=None)
    first = plan.milestones.order_by("due_on").first()
    for n, unit in enumerate(members[:4]):
        _deliver(first, unit, first.due_on + datetime.timedelta(days=n - 2))


def seed_plans(*, province: Unit, commune: Unit, sibling: Unit) -> None:
    if Plan.objects.filter(issuer=province).exists():
        return
    standing = Unit.objects.get(name="Ban Thi đua – Khen thưởng", path__startswith=province.path)
    plan = _conference_plan(province, standing)
    _deliver_conference_plan(plan, commune, sibling)
    _model_plan(province, commune)
