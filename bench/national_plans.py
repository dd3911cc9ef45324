"""Steps of national_data.py: plans with their obligations in mixed states, the quota
clusters and blocks with their submissions, and the ledger of every state change. Small
tables through the ORM, big ones by COPY (ctx.copy / ctx.load_big)."""

import datetime

import national_db as db
from django.utils import timezone
from national_db import COMMUNE_CODE, PROVINCE_CODE

from thidua.conferences.models import Conference
from thidua.core.periods import period_containing
from thidua.exemplars.models import Exemplar
from thidua.plans import drafts
from thidua.plans.models import Milestone, Obligation, Plan
from thidua.plans.rules import ConferenceRuleSet
from thidua.quotas.models import Submission
from thidua.units import group_services
from thidua.units.models import EmulationGroup, GroupMembership, MembershipTerm, Unit
from thidua.workflow.models import Transition

PLANS = 500
# (symbol or kind, kind, title, [(milestone, deliverable, due in days from today)])
NATIONAL = [
    ("01/KH-HĐTĐKT", "congress", "Tổ chức Đại hội Thi đua yêu nước toàn quốc lần thứ XI",
     [("Ban hành kế hoạch của đơn vị", "own_plan", -60),
      ("Tổ chức hội nghị điển hình tiên tiến", "conference", -10),
      ("Gửi hồ sơ kết quả", "dossier", 45)]),
    ("02/KH-HĐTĐKT", "models", "Xây dựng, nhân rộng điển hình tiên tiến giai đoạn 2025–2030",
     [("Gửi danh sách điển hình", "exemplar_list", -30),
      ("Báo cáo kết quả nhân rộng", "report", 90)]),
]  # fmt: skip
PROVINCE = [
    ("conference", "Tổ chức hội nghị điển hình tiên tiến các cấp tiến tới Đại hội Thi đua "
     "yêu nước {where} lần thứ VI",
     [("Ban hành kế hoạch", "own_plan", -45), ("Tổ chức hội nghị", "conference", -5),
      ("Gửi hồ sơ kết quả", "dossier", 20), ("Báo cáo tổng hợp", "report", 60)]),
    ("models", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến {where} năm 2026",
     [("Gửi danh sách điển hình", "exemplar_list", -20), ("Báo cáo sơ kết", "report", 30),
      ("Báo cáo tổng kết", "report", 120)]),
]  # fmt: skip
COMMUNE = ("other", "Thực hiện phong trào thi đua năm 2026 của {where}",
           [("Đăng ký thi đua", "report", -15), ("Báo cáo 6 tháng", "report", 15),
            ("Báo cáo năm", "report", 40)])  # fmt: skip


RETURNED = "Thiếu báo cáo số liệu, đề nghị bổ sung"


def where(unit) -> str:
    return unit.name[:1].lower() + unit.name[1:]


def chosen_provinces(ctx) -> list[Unit]:
    """The provinces that hold plans, congresses and clusters: all 34 at full scale, fewer
    below (at least Hải Phòng, always first)."""
    provinces = list(Unit.objects.filter(kind="province").order_by("pk"))
    first = next(p for p in provinces if p.code == PROVINCE_CODE)
    others = [p for p in provinces if p is not first]
    return [first, *ctx.rng("provinces").sample(others, ctx.n(len(provinces), 1) - 1)]


def sample_communes(share: float, rng, communes: list[Unit]) -> list[Unit]:
    """A `share` of `communes` (at least one), Xã Đại Sơn among them when it is there."""
    chosen = rng.sample(communes, max(1, round(len(communes) * share)))
    forced = next((c for c in communes if c.code == COMMUNE_CODE), None)
    if forced is not None and forced not in chosen:
        chosen[0] = forced
    return chosen


class PlanWriter:
    """Collects plans, milestones, owing units and obligations, then writes them in bulk."""

    def __init__(self, ctx):
        self.ctx, self.rng = ctx, ctx.rng("plans")
        self.owing, self.addressed, self.obligations = [], [], []

    def plan(self, issuer, symbol, kind, title, *, milestones, owing, status="issued",
             implements=None) -> Plan:  # fmt: skip
        today = self.ctx.today
        plan = Plan(
            issuer=issuer, symbol=symbol, kind=kind, title=title, status=status,
            implements=implements, issued_on=None if status == "draft" else today.replace(day=1),
        )  # fmt: skip
        if hasattr(drafts, "set_search_text"):  # newer code folds the symbol and title
            drafts.set_search_text(plan)
        plan.save()
        rows = Milestone.objects.bulk_create(
            Milestone(plan=plan, title=name, deliverable=deliverable,
                      due_on=today + datetime.timedelta(days=days))
            for name, deliverable, days in milestones
        )  # fmt: skip
        for milestone in rows:
            self.owing += [(milestone.pk, unit.pk) for unit in owing]
            if status != "draft":
                self.obligations += [self.obligation(milestone, unit) for unit in owing]
        if status != "draft":
            self.addressed += [(plan.pk, unit.pk) for unit in owing]
        return plan

    def obligation(self, milestone, unit) -> tuple:
        """(milestone, unit, state, delivered_on, reason), by the due date and today."""
        rng, today, due = self.rng, self.ctx.today, milestone.due_on
        draw, day = rng.random(), datetime.timedelta(days=1)
        if due >= today:
            if draw < 0.2:
                return (milestone.pk, unit.pk, "delivered", today - rng.randint(0, 20) * day, "")
            return (milestone.pk, unit.pk, "pending", None, "")
        early = min(due - rng.randint(0, 20) * day, today)
        late = due + rng.randint(1, max(1, (today - due).days)) * day
        if draw < 0.30:
            return (milestone.pk, unit.pk, "accepted", early, "")
        if draw < 0.45:
            return (milestone.pk, unit.pk, "delivered", early, "")
        if draw < 0.65:
            return (milestone.pk, unit.pk, "delivered", min(late, today), "")
        if draw < 0.72:
            return (milestone.pk, unit.pk, "returned", early, RETURNED)
        return (milestone.pk, unit.pk, "pending", None, "")

    def write(self) -> int:
        ctx = self.ctx
        ctx.copy(Milestone.owing_units.through, ["milestone_id", "unit_id"], iter(self.owing))
        ctx.copy(Plan.addressees.through, ["plan_id", "unit_id"], iter(sorted(set(self.addressed))))
        columns = ["milestone_id", "unit_id", "state", "delivered_on", "reason"]
        return ctx.load_big(Obligation, columns, iter(self.obligations))


def _rule_set(plan, name, kinds, *, cap, share, today) -> ConferenceRuleSet:
    day = datetime.timedelta(days=1)
    return ConferenceRuleSet.objects.create(
        plan=plan, name=name, kinds=kinds, allowed_forms=["Hội nghị", "Đại hội"],
        window_start=today - 120 * day, window_end=today + 60 * day, length="half_day",
        delegate_cap=cap, exemplary_share_pct=share, share_tolerance_pct=5,
        representation=["women", "ethnic_minorities", "direct_labourers"],
        presidium_min=5, presidium_max=11, dossier_deadline=today + 20 * day,
        dossier_documents=["Báo cáo tổng kết", "Danh sách đại biểu"],
    )  # fmt: skip


def step_plans(ctx) -> int:
    """2 national plans owed by the communes, 2 per chosen province owed by its communes,
    and commune plans owed by the commune's villages and bodies (500 plans at full scale)."""
    writer, rng = PlanWriter(ctx), ctx.rng("plan-units")
    nation = Unit.objects.get(kind="nation")
    communes = list(Unit.objects.filter(kind="commune", valid_to__isnull=True).order_by("pk"))
    national = {}
    for symbol, kind, title, milestones in NATIONAL:
        owing = sample_communes(ctx.scale, rng, communes)
        national[kind] = writer.plan(nation, symbol, kind, title, milestones=milestones,
                                     owing=owing)  # fmt: skip
    _rule_set(national["congress"], "Cấp tỉnh", ["province"], cap=1000, share=60, today=ctx.today)
    provinces = chosen_provinces(ctx)
    for number, province in enumerate(provinces, start=100):
        own = [c for c in communes if c.parent_id == province.pk]
        for kind, title, milestones in PROVINCE:
            above = national["congress" if kind == "conference" else "models"]
            plan = writer.plan(province, f"{number}/KH-UBND", kind,
                               title.format(where=where(province)), milestones=milestones,
                               owing=sample_communes(ctx.scale, rng, own),
                               implements=above)  # fmt: skip
            if kind == "conference":
                _rule_set(plan, "Cấp xã", ["commune"], cap=150, share=70, today=ctx.today)
    _commune_plans(ctx, writer, rng, PLANS - len(NATIONAL) - len(PROVINCE) * 34)
    return writer.write()


def _commune_plans(ctx, writer, rng, full: int) -> None:
    parents = set(Unit.objects.filter(parent__kind="commune").values_list("parent_id", flat=True))
    candidates = list(Unit.objects.filter(pk__in=parents).order_by("pk"))
    rng.shuffle(candidates)
    candidates.sort(key=lambda unit: unit.code != COMMUNE_CODE)  # Đại Sơn first when there
    above = {p.issuer_id: p for p in Plan.objects.filter(kind="models", issuer__kind="province")}
    for n, commune in enumerate(candidates[: ctx.n(full, 1)]):
        kind, title, milestones = COMMUNE
        status = rng.choices(["issued", "closed", "draft"], [8, 1, 1])[0]
        owing = list(commune.children.order_by("pk"))
        writer.plan(commune, f"{n + 1}/KH-UBND", kind, title.format(where=where(commune)),
                    milestones=milestones, owing=owing, status=status,
                    implements=above.get(commune.parent_id))  # fmt: skip


def step_quotas(ctx) -> int:
    """Per chosen province: cluster 1 of its communes (quarterly, 2 exemplars) and block 1
    of its agencies (half-yearly, 1); submissions for the current and the last period."""
    groups = []
    for province in chosen_provinces(ctx):
        for kind, name, cadence, minimum in (
            ("cluster", "Các xã, phường, đặc khu", "quarter", 2),
            ("block", "Các sở, ban, ngành", "half_year", 1),
        ):
            group = EmulationGroup(
                owner=province,
                kind=kind,
                number=1,
                name=name,
                default_cadence=cadence,
                default_min_exemplars=minimum,
            )
            group_services._set_search_name(group)  # as create_group does  # noqa: SLF001
            groups.append(group)
    EmulationGroup.objects.bulk_create(groups)
    joined = datetime.date(2025, 1, 1)
    members = []
    for group in groups:
        kind = "commune" if group.kind == "cluster" else "agency"
        members += [GroupMembership(group=group, unit=unit, cadence=group.default_cadence,
                                    min_exemplars=group.default_min_exemplars, joined_on=joined)
                    for unit in Unit.objects.filter(parent=group.owner, kind=kind)]  # fmt: skip
    GroupMembership.objects.bulk_create(members, batch_size=2000)
    MembershipTerm.objects.bulk_create(
        [MembershipTerm(membership=m, starts_on=joined, cadence=m.cadence,
                        min_exemplars=m.min_exemplars) for m in members], batch_size=2000,
    )  # fmt: skip
    return len(members) + _submissions(ctx, members)


def _open_exemplars(ctx) -> dict[int, list[int]]:
    """{unit at depth 2 (commune, agency): up to 8 of its subtree's open exemplars}."""
    rows = db.fetch(
        ctx.cursor,
        "SELECT member, id FROM (SELECT split_part(u.path, '/', 4)::bigint AS member, e.id, "
        "row_number() OVER (PARTITION BY split_part(u.path, '/', 4) ORDER BY e.id) AS n "
        "FROM {exemplar} e JOIN {unit} u ON u.id = e.unit_id WHERE u.depth >= 2 "
        "AND e.stage NOT IN ('declined', 'withdrawn')) t WHERE n <= 8",
        exemplar=Exemplar,
        unit=Unit,
    )
    found: dict[int, list[int]] = {}
    for member, pk in rows:
        found.setdefault(member, []).append(pk)
    return found


def _submissions(ctx, members) -> int:
    rng, open_ones, rows = ctx.rng("submissions"), _open_exemplars(ctx), []
    for membership in members:
        current = period_containing(membership.cadence, ctx.today)
        exemplars = iter(open_ones.get(membership.unit_id, []))
        for period in (current, current.previous()):
            for exemplar in [
                e for _, e in zip(range(rng.choice([0, 1, 2, 2, 3])), exemplars, strict=False)
            ]:
                state = rng.choices(["accepted", "submitted", "returned"], [6, 2.5, 1.5])[0]
                reason = "Hồ sơ chưa đủ minh chứng" if state == "returned" else ""
                rows.append((membership.pk, period.key, exemplar, state, reason))
    columns = ["membership_id", "period_key", "exemplar_id", "state", "reason"]
    return ctx.copy(Submission, columns, iter(rows))


LEDGER_COLUMNS = ["workflow", "object_type", "object_id", "action", "from_state", "to_state",
                  "actor_name", "unit_path", "level", "reason", "payload", "at", "on"]  # fmt: skip
CHAINS = {  # the steps that led an exemplar to its stage
    "nurturing": ["nurture"], "recognised": ["nurture", "recognise"],
    "replicating": ["nurture", "recognise", "replicate"], "declined": ["decline"],
    "withdrawn": ["nurture", "withdraw"],
    "approved": ["approve"], "held": ["approve", "hold"], "reported": ["approve", "hold", "report"],
}  # fmt: skip
MOVES = {"nurture": ("discovered", "nurturing"), "recognise": ("nurturing", "recognised"),
         "replicate": ("recognised", "replicating"), "decline": ("discovered", "declined"),
         "withdraw": ("nurturing", "withdrawn"), "approve": ("draft", "approved"),
         "hold": ("approved", "held"), "report": ("held", "reported"),
         "deliver": ("pending", "delivered"), "accept": ("delivered", "accepted"),
         "return": ("delivered", "returned"), "issue": ("draft", "issued"),
         "close": ("issued", "closed")}  # fmt: skip
REASONS = {"decline": "Chưa đáp ứng tiêu chí điển hình",
           "withdraw": "Đơn vị đề nghị rút khỏi danh sách"}  # fmt: skip


def _row(workflow, model, pk, action, *, path, level, at, payload=None, reason=""):
    before, after = MOVES[action]
    return (workflow, model._meta.label_lower, pk, action, before, after, "hệ thống", path,
            level, reason or REASONS.get(action, ""), payload or {}, at,
            timezone.localdate(at))  # fmt: skip


def _exemplar_rows(ctx):
    return db.fetch(ctx.cursor, "SELECT e.id, e.stage, e.stage_changed_at, u.path, u.level "
                    "FROM {exemplar} e JOIN {unit} u ON u.id = e.unit_id "
                    "WHERE e.stage <> 'discovered'", exemplar=Exemplar, unit=Unit)  # fmt: skip


def _exemplar_moves(ctx, rows):
    for pk, stage, changed, path, level in rows:
        chain = CHAINS[stage]
        for back, action in enumerate(reversed(chain)):
            at = changed - datetime.timedelta(days=45 * back)
            yield _row("exemplar", Exemplar, pk, action, path=path, level=level, at=at)


def _conference_rows(ctx):
    return db.fetch(ctx.cursor, "SELECT c.id, c.status, c.held_on, u.path, u.level FROM "
                    "{conference} c JOIN {unit} u ON u.id = c.unit_id WHERE c.status <> 'draft'",
                    conference=Conference, unit=Unit)  # fmt: skip


def _conference_moves(ctx, rows):
    offsets = {"approve": -30, "hold": 0, "report": 10}
    for pk, status, held_on, path, level in rows:
        for action in CHAINS[status]:
            day = min(held_on + datetime.timedelta(days=offsets[action]), ctx.today)
            if status == "approved":
                day = ctx.today - datetime.timedelta(days=5)
            at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
            payload = {"findings": []} if action != "report" else {}
            yield _row("conference", Conference, pk, action, path=path, level=level, at=at,
                       payload=payload)  # fmt: skip


def _obligation_rows(ctx):
    return db.fetch(ctx.cursor, "SELECT o.id, o.state, o.delivered_on, o.reason, m.due_on, "
                    "u.path, u.level FROM {obligation} o JOIN {milestone} m ON "
                    "m.id = o.milestone_id JOIN {unit} u ON u.id = o.unit_id "
                    "WHERE o.state <> 'pending'", obligation=Obligation, milestone=Milestone,
                    unit=Unit)  # fmt: skip


def _obligation_moves(ctx, rows):
    for pk, state, delivered_on, reason, due_on, path, level in rows:
        at = timezone.make_aware(datetime.datetime.combine(delivered_on, datetime.time(10)))
        payload = {
            "note": "",
            "files": [],
            "due_on": due_on.isoformat(),
            "delivered_on": delivered_on.isoformat(),
            "late": delivered_on > due_on,
        }
        yield _row("obligation", Obligation, pk, "deliver", path=path, level=level, at=at,
                   payload=payload)  # fmt: skip
        if state in {"accepted", "returned"}:
            decision = "accept" if state == "accepted" else "return"
            yield _row("obligation", Obligation, pk, decision, path=path, level=level,
                       at=at + datetime.timedelta(days=2), reason=reason)  # fmt: skip


def _plan_rows(ctx):
    return list(Plan.objects.exclude(status="draft").select_related("issuer"))


def _plan_moves(ctx, plans):
    for plan in plans:
        at = timezone.make_aware(datetime.datetime.combine(plan.issued_on, datetime.time(8)))
        steps = ["issue"] if plan.status == "issued" else ["issue", "close"]
        for action in steps:
            yield _row("plan", Plan, plan.pk, action, path=plan.issuer.path,
                       level=plan.issuer.level, at=at)  # fmt: skip


def step_ledger(ctx) -> int:
    """The ledger rows the workflows would have written for every stage, status and
    delivery above (quota decisions are left out). Read first: no query runs during COPY."""
    sources = [
        (_exemplar_moves, _exemplar_rows(ctx)),
        (_conference_moves, _conference_rows(ctx)),
        (_obligation_moves, _obligation_rows(ctx)),
        (_plan_moves, _plan_rows(ctx)),
    ]

    def rows():
        for moves, fetched in sources:
            yield from moves(ctx, fetched)

    return ctx.load_big(Transition, LEDGER_COLUMNS, rows())
