"""Steps of national_data.py: a congress per chosen province, a conference per commune
(3,355 in all at full scale) with its agenda and the congress's quota, then about 500,000
delegates: ~145 per commune (exemplary delegates from the commune's own exemplars, leaders,
guests; 10 sent up), and each congress's own delegates plus those pulled up from its held
communes, as delegates.pull_delegates copies them. Honours for what the communes held."""

import datetime

import national_db as db
import national_keys as keys
import national_names as names
from django.utils import timezone
from national_plans import chosen_provinces, sample_communes, where

from thidua.conferences.agenda import AGENDA_TEMPLATE
from thidua.conferences.delegates import NOT_COPIED
from thidua.conferences.models import AgendaItem, Conference, Delegate, Honour, UpperQuota
from thidua.conferences.services import propose_name
from thidua.core.text import fold
from thidua.exemplars.models import Exemplar, Subject
from thidua.plans.models import Plan
from thidua.units.models import Unit

CONFERENCES = 3_321  # commune conferences at full scale, beside the 34 congresses
PER_CONFERENCE, EXEMPLARY, LEADERS, SENT_UP, CONGRESS_OWN = 145, 101, 8, 10, 50
STATUSES = (["draft", "approved", "held", "reported"], [10, 15, 50, 25])
LEADER_POSITIONS = ["Bí thư Đảng ủy", "Chủ tịch UBND", "Chủ tịch HĐND", "Chủ tịch UBMTTQ",
                    "Phó Chủ tịch UBND", "Phó Bí thư Đảng ủy", "Trưởng ban Thi đua – Khen thưởng",
                    "Chủ tịch Hội Nông dân"]  # fmt: skip


def fold_names(conferences) -> None:
    """Newer code keeps the folded name, as conferences.services sets it."""
    if db.has_field(Conference, "search_name"):
        for conference in conferences:
            conference.search_name = fold(conference.name)[:300]


def _day(ctx, days: int) -> datetime.date:
    return ctx.today + datetime.timedelta(days=days)


def _congresses(ctx, rng) -> dict[int, Conference]:
    plan = Plan.objects.get(symbol="01/KH-HĐTĐKT")
    rules = plan.rule_sets.get()
    found = {}
    for province in chosen_provinces(ctx):
        found[province.pk] = Conference(
            unit=province, plan=plan, rule_set=rules, kind="congress", form="Đại hội",
            name=propose_name(unit=province, kind="congress", form="Đại hội", edition=6,
                              start=2025, end=2030),
            edition=6, period_start=2025, period_end=2030, held_on=_day(ctx, 40), length="day",
            venue=f"Trung tâm Hội nghị {where(province)}", status="draft",
            budget_estimate=rng.randint(300, 900) * 1_000_000,
        )  # fmt: skip
    fold_names(found.values())
    Conference.objects.bulk_create(found.values())
    return found


def _commune_conference(ctx, rng, commune, congress, plans) -> Conference:
    status = rng.choices(*STATUSES)[0]
    held_on = _day(ctx, -rng.randint(10, 200) if status in {"held", "reported"} else
                   rng.randint(5, 40))  # fmt: skip
    plan = plans.get(commune.parent_id)
    return Conference(
        unit=commune, plan=plan, rule_set=plan.rule_sets.first() if plan else None,
        kind="conference", form="Hội nghị", edition=1, period_start=2025, period_end=2030,
        name=propose_name(unit=commune, kind="conference", form="Hội nghị", edition=1,
                          start=2025, end=2030),
        held_on=held_on, length="half_day", venue=f"Hội trường UBND {where(commune)}",
        status=status, feeds=congress, budget_estimate=rng.randint(20, 90) * 1_000_000,
    )  # fmt: skip


def step_conferences(ctx) -> int:
    """The congresses, the commune conferences feeding them, agendas and quotas."""
    rng = ctx.rng("conferences")
    congresses = _congresses(ctx, rng)
    pool = list(Unit.objects.filter(kind="commune", valid_to__isnull=True,
                                    parent_id__in=congresses).order_by("pk"))  # fmt: skip
    share = min(1.0, CONFERENCES * ctx.scale / max(1, len(pool)))
    communes = sample_communes(share, rng, pool)
    plans = Plan.objects.filter(kind="conference", issuer__kind="province")
    plans = {plan.issuer_id: plan for plan in plans}
    conferences = [_commune_conference(ctx, rng, commune, congresses[commune.parent_id], plans)
                   for commune in communes]  # fmt: skip
    fold_names(conferences)
    Conference.objects.bulk_create(conferences, batch_size=1000)
    everything = [*congresses.values(), *conferences]
    AgendaItem.objects.bulk_create(
        [AgendaItem(conference=c, position=n, title=title, minutes=minutes)
         for c in everything for n, (title, minutes) in enumerate(AGENDA_TEMPLATE, start=1)],
        batch_size=5000,
    )  # fmt: skip
    UpperQuota.objects.bulk_create(
        [UpperQuota(conference=c.feeds, unit=c.unit, number=SENT_UP, min_women=3,
                    min_direct_labourers=2) for c in conferences], batch_size=2000,
    )  # fmt: skip
    return len(everything)


DELEGATE_COLUMNS = [
    "id", "conference_id", "subject_id", "exemplar_id", "source_id", "full_name", "sort_name",
    "search_name",
    "gender", "birth_year", "ethnicity", "position", "workplace", "origin_unit_id",
    "is_direct_labourer", "economic_sector", "field_id", "achievements", "category",
    "is_presidium", "is_speaker", "is_honouree", "to_upper", "review_unit_id", "reviewed_on",
    "votes_for", "votes_total", "status", "checked_in_at",
]  # fmt: skip
NOT_COPIED_COLUMNS = {Delegate._meta.get_field(name).attname for name in NOT_COPIED}
BLANK = {"gender": "", "ethnicity": "", "position": "", "workplace": "", "economic_sector": "",
         "achievements": "", "is_direct_labourer": False, "is_presidium": False,
         "is_speaker": False, "is_honouree": False, "to_upper": False,
         "status": "proposed"}  # fmt: skip


def _pool(ctx) -> dict[int, list[tuple]]:
    """{commune (or other unit at depth 2): up to 110 open exemplars of individuals of its
    subtree, with their subject's details}."""
    rows = db.fetch(
        ctx.cursor,
        "SELECT t.member, t.id, t.subject_id, t.field_id, t.title, t.unit_id, s.name, s.gender, "
        "s.birth_year, s.ethnicity, s.position, s.is_direct_labourer FROM (SELECT "
        "split_part(u.path, '/', 4)::bigint AS member, e.id, e.subject_id, e.field_id, e.title,"
        " e.unit_id, row_number() OVER (PARTITION BY split_part(u.path, '/', 4) ORDER BY e.id) "
        "AS n FROM {exemplar} e JOIN {unit} u ON u.id = e.unit_id JOIN {subject} k ON "
        "k.id = e.subject_id WHERE u.depth >= 2 AND k.kind = 'individual' AND e.stage IN "
        "('nurturing', 'recognised', 'replicating')) t JOIN {subject} s ON s.id = t.subject_id "
        "WHERE t.n <= 110",
        exemplar=Exemplar,
        unit=Unit,
        subject=Subject,
    )
    found: dict[int, list[tuple]] = {}
    for member, *row in rows:
        found.setdefault(member, []).append(tuple(row))
    return found


def _sort(name: str) -> str:
    return keys.keys(name, True)[1]  # person_sort_key, as delegates.add_delegate sets it


class DelegateWriter:
    """Builds the delegate rows in id order (the sources before their copies)."""

    def __init__(self, ctx, first_id: int):
        self.ctx, self.rng, self.next_id = ctx, ctx.rng("delegates"), first_id
        self.sent: dict[int, list[dict]] = {}  # conference: its delegates sent up
        self.honours: list[Honour] = []

    def row(self, **values) -> tuple:
        values["id"], self.next_id = self.next_id, self.next_id + 1
        values["sort_name"] = _sort(values["full_name"])
        values["search_name"] = fold(values["full_name"])[:255]
        return tuple(values.get(c, BLANK.get(c)) for c in DELEGATE_COLUMNS), values

    def status(self, conference) -> tuple[str, datetime.datetime | None]:
        if conference.status in {"held", "reported"}:
            if self.rng.random() < 0.85:
                at = datetime.datetime.combine(conference.held_on, datetime.time(7, 30))
                return "attended", timezone.make_aware(at)
            return "confirmed", None
        return {"draft": "proposed", "approved": "approved"}[conference.status], None

    def person(self, conference, category, position) -> tuple:
        name, gender = names.person(self.rng)
        status, checked_in = self.status(conference)
        return self.row(conference_id=conference.pk, full_name=name, gender=gender,
                        birth_year=self.rng.randint(1960, 1995),
                        ethnicity=names.ethnicity(self.rng),
                        position=position, workplace=f"UBND {where(conference.unit)}",
                        origin_unit_id=conference.unit_id, category=category, status=status,
                        checked_in_at=checked_in)  # fmt: skip

    def exemplary(self, conference, exemplar, up: bool) -> tuple:
        pk, subject_id, field_id, title, unit_id, name, gender, born, ethnic, position, direct = (
            exemplar
        )
        status, checked_in = self.status(conference)
        votes = self.rng.randint(20, 60)
        row, values = self.row(
            conference_id=conference.pk, subject_id=subject_id, exemplar_id=pk, full_name=name,
            gender=gender, birth_year=born, ethnicity=ethnic, position=position,
            is_direct_labourer=direct, field_id=field_id, achievements=title,
            origin_unit_id=unit_id, category="exemplary", is_honouree=up, to_upper=up,
            review_unit_id=unit_id, reviewed_on=conference.held_on - datetime.timedelta(days=30),
            votes_for=votes - self.rng.randint(0, 3), votes_total=votes, status=status,
            checked_in_at=checked_in,
        )  # fmt: skip
        if up and conference.status in {"held", "reported"}:
            self.sent.setdefault(conference.pk, []).append(values)
            honour = Honour(conference_id=conference.pk, exemplar_id=pk, level="commune",
                            honoured_on=conference.held_on)  # fmt: skip
            self.honours.append(honour)
        return row

    def commune(self, conference, pool) -> list[tuple]:
        chosen = pool.get(conference.unit_id, [])[:EXEMPLARY]
        rows = [self.exemplary(conference, e, n < SENT_UP) for n, e in enumerate(chosen)]
        for n in range(LEADERS):
            row, _values = self.person(conference, "leader", f"{LEADER_POSITIONS[n]} xã")
            rows.append(row)
        for _ in range(PER_CONFERENCE - len(rows)):
            rows.append(self.person(conference, "guest", "Khách mời")[0])
        return rows

    def congress(self, congress, feeders) -> list[tuple]:
        rows = [self.person(congress, "leader" if n < 15 else "guest", "Đại biểu tỉnh")[0]
                for n in range(CONGRESS_OWN)]  # fmt: skip
        for feeder in feeders:
            if self.rng.random() < 0.7:  # pulled up with delegates.pull_delegates
                for source in self.sent.get(feeder.pk, []):
                    copied = {k: v for k, v in source.items() if k not in NOT_COPIED_COLUMNS}
                    rows.append(self.row(**copied, conference_id=congress.pk,
                                         source_id=source["id"])[0])  # fmt: skip
        return rows


def step_delegates(ctx) -> int:
    pool = _pool(ctx)
    writer = DelegateWriter(ctx, db.next_id(ctx.cursor, Delegate))
    conferences = list(Conference.objects.filter(kind="conference").select_related("unit")
                       .order_by("pk"))  # fmt: skip
    congresses = list(Conference.objects.filter(kind="congress").select_related("unit"))
    rows = [row for conference in conferences for row in writer.commune(conference, pool)]
    for congress in congresses:
        rows += writer.congress(congress, [c for c in conferences if c.feeds_id == congress.pk])
    del pool
    count = ctx.load_big(Delegate, DELEGATE_COLUMNS, iter(rows))
    Honour.objects.bulk_create(writer.honours, batch_size=5000)
    return count
