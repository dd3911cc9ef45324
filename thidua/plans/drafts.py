"""Preparing a plan before it is issued: reading it from its document, correcting what was
read, its milestones and who owes them, and its conference rule sets. Once issued, a plan
is a signed document and these refuse to change it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.text import fold
from thidua.plans.deliverables import guess_deliverable
from thidua.plans.models import Milestone, Plan, PlanFile, PlanKind, PlanStatus
from thidua.plans.rules import ConferenceRuleSet, validate_rule_set
from thidua.units.models import Unit
from thidua.units.services import lock

PLAN_FIELDS = ["doc_type", "symbol", "issued_on", "issuer_name", "title", "kind", "implements",
               "outside_basis"]  # fmt: skip
MILESTONE_FIELDS = ["title", "deliverable", "window_start", "due_on"]
# Words of a plan's title, folded, that say what kind of plan it is; the first match wins.
KIND_WORDS = [
    ("hoi nghi", PlanKind.CONFERENCE),
    ("dai hoi", PlanKind.CONGRESS),
    ("nhan rong", PlanKind.MODEL_BUILDING),
    ("mo hinh", PlanKind.MODEL_BUILDING),
]


def _readable(text: str):
    """Restores marks when the document reads as a mangled scan; else leaves words be."""
    from thidua.plans.diacritics import MANGLED_BONUS, looks_mangled, restore  # noqa: PLC0415

    if not looks_mangled(text):
        return lambda words: words
    return lambda words: restore(words, printed_bonus=MANGLED_BONUS)


def _kept(facts: dict, **restored: str) -> dict:
    """The facts as read, with what the scan printed where the draft restored it."""
    printed = {key: facts[key] for key, value in restored.items()
               if facts.get(key) and value != facts[key][: len(value)]}  # fmt: skip
    return {**facts, "printed": printed} if printed else facts


def ensure_draft(plan: Plan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("Kế hoạch đã ban hành; không sửa được nữa.")


def _guess(text: str, table, default: str) -> str:
    folded = fold(text)
    return next((value for words, value in table if words in folded), default)


def addressed_units(issuer: Unit, *, level="", kind="", group=None, units=()) -> list[Unit]:
    """The units a plan addresses, chosen by level, kind, emulation group or one by one;
    always inside the issuer's subtree and in force."""
    chosen = Unit.objects.filter(path__startswith=issuer.path, valid_to__isnull=True).exclude(
        pk=issuer.pk
    )
    if level:
        chosen = chosen.filter(level=level)
    if kind:
        chosen = chosen.filter(kind=kind)
    if group is not None:
        chosen = chosen.filter(group_memberships__group=group)
    if units:
        chosen = chosen.filter(pk__in=[unit.pk for unit in units])
    return list(chosen.distinct().order_by("sort_name"))


@transaction.atomic
def create_plan(*, actor, issuer: Unit, title: str, kind: str, **fields) -> Plan:
    """A draft typed by hand, for a plan that has no document to read."""
    plan = Plan(issuer=issuer, title=title, kind=kind, **fields)
    _check_basis(plan)
    set_search_text(plan)
    plan.save()
    record_event(actor=actor, action=Action.CREATE, target=plan, scope_path=issuer.path)
    return plan


def set_search_text(plan: Plan) -> None:
    """The folded symbol and title, which plan searches match ignoring diacritics."""
    plan.search_text = fold(f"{plan.doc_type} {plan.symbol} {plan.title}")[:600]


def _check_basis(plan: Plan) -> None:
    """A plan implements a plan of its own unit's ancestors (the cascade goes down)."""
    higher = plan.implements
    if higher is None:
        return
    if higher.pk == plan.pk or not plan.issuer.path.startswith(higher.issuer.path):
        raise ValidationError({"implements": "Chỉ thực hiện được kế hoạch của cấp trên."})


@transaction.atomic
def update_plan(*, actor, plan: Plan, **fields) -> Plan:
    """Correct a draft: its number, date, title, kind and basis. The stored row is re-read,
    since a bound form has already changed the instance it was given."""
    plan = lock(Plan, plan.pk, "Kế hoạch này vừa bị xóa.")
    ensure_draft(plan)
    before = snapshot(plan, PLAN_FIELDS)
    for name, value in fields.items():
        setattr(plan, name, value)
    _check_basis(plan)
    set_search_text(plan)
    plan.save()
    record_event(actor=actor, action=Action.UPDATE, target=plan, scope_path=plan.issuer.path,
                 changes=diff(before, snapshot(plan, PLAN_FIELDS)))  # fmt: skip
    return plan


def _rule_sets_from(plan: Plan, facts: dict, deadlines: list[str]) -> None:
    """One draft rule set per delegate cap the document sets (or one, if it only sets a
    share or a plenary threshold): the officer says which units each applies to."""
    caps = facts["delegate_caps"] or ([None] if facts["exemplary_share_pct"] else [])
    if facts["plenary_below"] and not caps:
        caps = [None]
    if not caps or not deadlines:
        return
    plenary = facts["plenary_below"][0] if facts["plenary_below"] else None
    for n, cap in enumerate(caps, start=1):
        ConferenceRuleSet.objects.create(
            plan=plan, name=f"Nhóm {n}" + (f": tối đa {cap} đại biểu" if cap else ""),
            delegate_cap=cap, plenary_below=plenary,
            exemplary_share_pct=facts["exemplary_share_pct"],
            window_end=datetime.date.fromisoformat(deadlines[-1]),
        )  # fmt: skip


@transaction.atomic
def draft_from_text(*, actor, issuer: Unit, name: str, text: str, facts: dict,
                    stored_name: str) -> Plan:  # fmt: skip
    """Make a draft of a plan read from its document (`facts` are what `extract` found in
    `text`): one milestone per deadline with the sentence it came from, and draft rule sets
    from the delegate caps, plenary thresholds and share. From a mangled scan, the title,
    issuer and milestones are shown with their marks restored (issue 17); what the scan
    printed is kept beside them. The stored document becomes the plan's file. The officer
    corrects the draft, chooses the owing units, then issues it."""
    from thidua.plans.extraction import deadline_sentences  # noqa: PLC0415

    readable = _readable(text)
    title = readable((facts["title"] or name)[:500])
    issuer_name = readable((facts["issuer"] or "")[:255])
    plan = Plan(
        issuer=issuer, doc_type=facts["doc_type"] or "KH", symbol=facts["symbol"] or "",
        title=title[:500], kind=_guess(title, KIND_WORDS, PlanKind.OTHER),
        issuer_name=issuer_name, extracted=_kept(facts, title=title, issuer=issuer_name),
        issued_on=datetime.date.fromisoformat(facts["issued_on"]) if facts["issued_on"] else None,
        outside_basis=", ".join(facts["basis"])[:500],
    )  # fmt: skip
    set_search_text(plan)
    plan.save()
    deadlines = deadline_sentences(text)
    for due, sentence in deadlines:
        Milestone.objects.create(
            plan=plan, title=readable(sentence)[:255], source_sentence=sentence,
            deliverable=guess_deliverable(sentence), due_on=datetime.date.fromisoformat(due),
        )  # fmt: skip
    _rule_sets_from(plan, facts, [due for due, _ in deadlines])
    PlanFile.objects.create(plan=plan, file=stored_name, original_name=name[:255],
                            uploaded_by=actor)  # fmt: skip
    record_event(actor=actor, action=Action.CREATE, target=plan, scope_path=issuer.path,
                 note=f"Đọc từ tệp {name}: {len(deadlines)} mốc")  # fmt: skip
    return plan


@transaction.atomic
def add_milestone(
    *, plan: Plan, title: str, deliverable: str, due_on, units=(), window_start=None,
    source_sentence: str = "", actor=None,
) -> Milestone:  # fmt: skip
    """A milestone of a draft plan and the units that will owe it once the plan is issued."""
    ensure_draft(plan)
    if window_start and window_start > due_on:
        raise ValidationError({"window_start": "Ngày bắt đầu phải trước hạn."})
    milestone = Milestone.objects.create(
        plan=plan, title=title, deliverable=deliverable, due_on=due_on,
        window_start=window_start, source_sentence=source_sentence,
    )  # fmt: skip
    milestone.owing_units.set(units)
    record_event(actor=actor, action=Action.CREATE, target=milestone,
                 scope_path=plan.issuer.path)  # fmt: skip
    return milestone


@transaction.atomic
def update_milestone(*, actor, milestone: Milestone, **fields) -> Milestone:
    """Correct a milestone of a draft: its title, deliverable and dates (on the stored row)."""
    milestone = lock(Milestone, milestone.pk, "Mốc này vừa bị xóa.")
    ensure_draft(milestone.plan)
    before = snapshot(milestone, MILESTONE_FIELDS)
    for name, value in fields.items():
        setattr(milestone, name, value)
    if milestone.window_start and milestone.window_start > milestone.due_on:
        raise ValidationError({"window_start": "Ngày bắt đầu phải trước hạn."})
    milestone.save()
    record_event(actor=actor, action=Action.UPDATE, target=milestone,
                 scope_path=milestone.plan.issuer.path,
                 changes=diff(before, snapshot(milestone, MILESTONE_FIELDS)))  # fmt: skip
    return milestone


@transaction.atomic
def delete_milestone(*, actor, milestone: Milestone) -> None:
    """Drop a milestone the reading found but the plan does not need (e.g. a cited date)."""
    ensure_draft(milestone.plan)
    record_event(actor=actor, action=Action.DELETE, target=milestone,
                 scope_path=milestone.plan.issuer.path)  # fmt: skip
    milestone.delete()


@transaction.atomic
def set_owing_units(*, actor, milestone: Milestone, units) -> None:
    """Choose who owes a milestone of a draft plan."""
    ensure_draft(milestone.plan)
    milestone.owing_units.set(units)
    units = list(units)
    names = [str(unit) for unit in units[:50]]
    record_event(actor=actor, action=Action.UPDATE, target=milestone.plan,
                 scope_path=milestone.plan.issuer.path,
                 changes={"owing_units": [None, names]},
                 note=f"{len(units)} đơn vị thực hiện «{milestone.title[:80]}»")  # fmt: skip


@transaction.atomic
def save_rule_set(*, actor, rule_set: ConferenceRuleSet, pilot_units=None) -> ConferenceRuleSet:
    """Add or correct a rule set of a draft plan, refused with every problem on its field.
    Pilot units hold their conference first (sample 002, 004) and must be the issuer's."""
    ensure_draft(rule_set.plan)
    validate_rule_set(rule_set)
    issuer_path = rule_set.plan.issuer.path
    if pilot_units and any(not unit.path.startswith(issuer_path) for unit in pilot_units):
        raise ValidationError({"pilot_units": "Đơn vị làm điểm phải thuộc đơn vị ban hành."})
    created = rule_set.pk is None
    rule_set.save()
    if pilot_units is not None:
        rule_set.pilot_units.set(pilot_units)
    record_event(actor=actor, action=Action.CREATE if created else Action.UPDATE,
                 target=rule_set, scope_path=rule_set.plan.issuer.path)  # fmt: skip
    return rule_set


@transaction.atomic
def delete_rule_set(*, actor, rule_set: ConferenceRuleSet) -> None:
    ensure_draft(rule_set.plan)
    record_event(actor=actor, action=Action.DELETE, target=rule_set,
                 scope_path=rule_set.plan.issuer.path)  # fmt: skip
    rule_set.delete()


@transaction.atomic
def attach_plan_file(*, actor, plan: Plan, upload) -> PlanFile:
    """Attach a checked file (the signed plan, an annex) to a plan, draft or issued."""
    attached = PlanFile.objects.create(plan=plan, file=upload, uploaded_by=actor,
                                       original_name=upload.name[:255])  # fmt: skip
    record_event(actor=actor, action=Action.CREATE, target=attached, scope_path=plan.issuer.path)
    return attached
