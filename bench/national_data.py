"""Generates the national dataset into one scratch PostgreSQL database; national.py runs it
once per database (the full one and its 1 % copy):

    python bench/national_data.py --database thidua_bench_national --scale 1.0

At scale 1.0: the official tree (34 provinces, 3,321 communes), 20,000 other units,
2,000,000 subjects, 1,000,000 exemplars, 500 plans with about 50,000 obligations, 3,355
conferences with about 500,000 delegates (national_conferences.py), clusters with quota
submissions, the ledger of every stage, status and delivery, 10,000,000 award records
(national_awards.py), three officers. Big tables go in by COPY with their secondary indexes
rebuilt after; every derived column (search and sort keys, path, depth, level) comes from
the app's own functions. Each step is one transaction recorded in bench_national_step: an
interrupted run resumes, a finished step never repeats.
"""

import national_env  # noqa: F401, I001 -- first: Django on the scratch database

import argparse
import datetime
import io
import random
from collections import Counter
from functools import cache
from types import SimpleNamespace

import national_awards
import national_conferences
import national_db as db
import national_keys as keys
import national_names as names
import national_plans
from django.contrib.auth.hashers import make_password
from django.core.management import call_command, get_commands
from django.db import connection, transaction
from django.utils import timezone

from thidua.accounts.models import Role, UnitRole, User
from thidua.core.text import clean_text, fold
from thidua.exemplars.enums import Stage, SubjectKind
from thidua.exemplars.models import Exemplar, Field, Subject
from thidua.exemplars.services import _set_subject_keys
from thidua.movements.models import Movement
from thidua.units.loader import load_official_tree
from thidua.units.models import Unit
from thidua.units.services import level_for, set_names

SUBJECTS, EXEMPLARS = 2_000_000, 1_000_000
# Where subjects belong, by the kind of unit (a weight per unit of that kind).
SUBJECT_WEIGHTS = {"province": 200, "commune": 300, "village": 40, "school": 40,
                   "hospital": 60, "agency": 60, "mass_org": 30, "enterprise": 60,
                   "armed_forces": 60}  # fmt: skip
STAGES = ([Stage.DISCOVERED, Stage.NURTURING, Stage.RECOGNISED, Stage.REPLICATING,
           Stage.DECLINED, Stage.WITHDRAWN], [30, 25, 25, 10, 5, 5])  # fmt: skip
STAGE_TABLE = names.weighted(list(zip(*STAGES, strict=True)))
WORKFORCE = {"enterprise": (20, 3000), "school": (20, 120), "hospital": (15, 800),
             "agency": (20, 200), "mass_org": (5, 40), "armed_forces": (50, 900)}  # fmt: skip


class Context:
    """What every step shares: the scale, one clock, seeded randomness, the raw cursor."""

    def __init__(self, scale: float):
        self.scale = scale
        self.now = timezone.now()
        self.today = timezone.localdate()
        connection.ensure_connection()
        self.cursor = connection.connection.cursor()

    def rng(self, step: str) -> random.Random:
        return random.Random(f"{step}-{self.scale}")  # noqa: S311 -- the same data each run

    def n(self, full: int, minimum: int = 0) -> int:
        return max(minimum, round(full * self.scale))

    def copy(self, model, columns, rows) -> int:
        return db.copy_rows(self.cursor, model, columns, rows, now=self.now)

    def load_big(self, model, columns, rows) -> int:
        """COPY into a big table with its secondary indexes dropped, then rebuilt. Foreign
        keys are checked at the end of the COPY (Django declares them deferred, and pending
        checks would forbid the CREATE INDEX)."""
        indexes = db.secondary_indexes(self.cursor, model)
        for name, _definition in indexes:
            self.cursor.execute(f'DROP INDEX "{name}"')
        self.cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        count = self.copy(model, columns, rows)
        self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for _name, definition in indexes:
            self.cursor.execute(definition)
        db.reset_sequence(self.cursor, model)
        return count


def short_name(unit) -> str:
    """ "Xã Đại Sơn" → "Đại Sơn"; "Tỉnh Bắc Ninh" → "tỉnh Bắc Ninh" (as in "Sở Y tế tỉnh …")."""
    for word in ("Xã ", "Phường ", "Đặc khu "):
        if unit.name.startswith(word):
            return unit.name[len(word) :]
    return unit.name[:1].lower() + unit.name[1:]


def step_tree(ctx) -> int:
    load_official_tree()
    return Unit.objects.count()


UNIT_COLUMNS = ["id", "name", "kind", "level", "parent_id", "path", "depth", "search_name",
                "sort_name", "economic_sector", "workforce"]  # fmt: skip


def step_units(ctx) -> int:
    """Villages, schools, health stations under communes; agencies, unions, enterprises,
    hospitals, armed forces under provinces."""
    rng, first = ctx.rng("units"), db.next_id(ctx.cursor, Unit)
    parents = {where: list(Unit.objects.filter(kind=where, valid_to__isnull=True).order_by("pk"))
               for where in ("commune", "province")}  # fmt: skip
    counters, rows = Counter(), []
    for kind, full, where, patterns in names.BODIES:
        for _ in range(ctx.n(full)):
            parent = rng.choice(parents[where])
            counters[parent.pk, kind] += 1
            unit = Unit(kind=kind, parent=parent, level=level_for(kind, parent),
                        name=names.body_name(rng, patterns, counters[parent.pk, kind] - 1,
                                             short_name(parent)))  # fmt: skip
            set_names(unit)
            pk = first + len(rows)
            low, high = WORKFORCE.get(kind, (0, 0))
            sector = rng.choice(["state", "collective", "private", "private", "foreign"])
            rows.append((pk, unit.name, kind, unit.level, parent.pk, f"{parent.path}{pk}/",
                         parent.depth + 1, unit.search_name, unit.sort_name,
                         sector if kind == "enterprise" else "",
                         rng.randint(low, high) if high else None))  # fmt: skip
    count = ctx.copy(Unit, UNIT_COLUMNS, rows)
    db.reset_sequence(ctx.cursor, Unit)
    return count


def step_officers(ctx) -> int:
    """The national administrator and the officers of Hải Phòng and of Xã Đại Sơn."""
    for _key, username, full_name, code in db.PERSONAS:
        user = User.objects.create(username=username, full_name=full_name,
                                   password=make_password(None), is_superuser=code is None,
                                   is_staff=code is None)  # fmt: skip
        if code is not None:
            UnitRole.objects.create(user=user, unit=Unit.objects.get(code=code), role=Role.OFFICER)
    return len(db.PERSONAS)


def step_movements(ctx) -> int:
    rng, start = ctx.rng("movements"), datetime.date(2025, 1, 1)
    launchers = [Unit.objects.get(kind="nation")]
    launchers += list(Unit.objects.filter(kind="province").order_by("pk"))
    communes = list(Unit.objects.filter(kind="commune").order_by("pk"))
    launchers += rng.sample(communes, ctx.n(330))
    movements = []
    for unit in launchers:
        name = f"Phong trào thi đua «Chung sức xây dựng nông thôn mới» {short_name(unit)}"
        if unit.kind == "nation":
            name = "Phong trào thi đua «Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại"
            name += " phía sau»"
        movements.append(Movement(name=name, search_name=fold(name)[:255], launched_by=unit,
                                  starts_on=start, ends_on=start.replace(year=2030),
                                  theme="Giai đoạn 2025–2030"))  # fmt: skip
    return len(Movement.objects.bulk_create(movements))


def _service_keys(kind: str, name: str) -> tuple[str, str, str]:
    subject = SimpleNamespace(kind=kind, name=name)  # what the service reads and sets
    _set_subject_keys(subject)
    return subject.name, subject.search_name, subject.sort_name


@cache
def subject_keys(kind: str, name: str) -> tuple[str, str, str]:
    """(name, search_name, sort_name) as exemplars.services sets them (checked against it)."""
    clean = " ".join(clean_text(name).split())
    search_name, sort_name = keys.keys(clean, kind == SubjectKind.INDIVIDUAL)
    got = (clean, search_name[:255], sort_name)
    keys.check(name, got, lambda: _service_keys(kind, name))
    return got


def _individual(rng):
    name, gender = names.person(rng)
    occupation = names.occupation(rng)
    _code, _weight, position, direct = names.OCCUPATION_ROW[occupation]
    return (SubjectKind.INDIVIDUAL, name, gender, rng.randint(1950, 2006),
            names.ethnicity(rng), occupation, direct, position, "", None)  # fmt: skip


def _group(rng, kind, where):
    if kind == SubjectKind.COLLECTIVE:
        name, collective_kind = names.collective(rng, where)
        return (kind, name, "", None, "", "", False, "", collective_kind, rng.randint(5, 200))
    return (kind, names.household(rng), "", None, "", "", False, "", "", rng.randint(2, 8))


SUBJECT_COLUMNS = ["id", "unit_id", "kind", "name", "search_name", "sort_name", "gender",
                   "birth_year", "ethnicity", "occupation", "is_direct_labourer", "position",
                   "collective_kind", "size"]  # fmt: skip


def step_subjects(ctx) -> int:
    """Individuals (90 %), collectives (7 %), households (3 %), over the units by kind; the
    bodies weigh 1/scale each, so that every kind keeps its share at any scale."""
    rng, first = ctx.rng("subjects"), db.next_id(ctx.cursor, Subject)
    units = list(Unit.objects.exclude(kind="nation").order_by("pk"))
    weights = [SUBJECT_WEIGHTS.get(u.kind, 0) / (1 if u.is_official else ctx.scale)
               for u in units]  # fmt: skip
    wheres = {u.pk: u.name[:1].lower() + u.name[1:] for u in units}

    def rows():
        for offset, unit in enumerate(rng.choices(units, weights=weights, k=ctx.n(SUBJECTS))):
            draw = rng.random()
            if draw < 0.90:
                values = _individual(rng)
            else:
                kind = SubjectKind.COLLECTIVE if draw < 0.97 else SubjectKind.HOUSEHOLD
                values = _group(rng, kind, wheres[unit.pk])
            name, search_name, sort_name = subject_keys(values[0], values[1])
            yield (first + offset, unit.pk, values[0], name, search_name, sort_name,
                   *values[2:])  # fmt: skip

    return ctx.load_big(Subject, SUBJECT_COLUMNS, rows())


EXEMPLAR_COLUMNS = ["id", "subject_id", "unit_id", "title", "description", "field_id",
                    "achievements", "year_from", "year_to", "stage", "stage_changed_at",
                    "search_text", "created_at", "updated_at"]  # fmt: skip
SORT_COPY = db.has_field(Exemplar, "sort_name")  # newer code keeps the subject's key on it


def _exemplar(rng, ctx, pk, subject, field_id):
    subject_id, unit_id, name, sort_name = subject
    title, year = names.model_title(rng), rng.randint(2019, 2025)
    stage = names.draw(rng, STAGE_TABLE)
    changed = ctx.now - datetime.timedelta(seconds=int(rng.random() * 900 * 86400))
    year_to = None if rng.random() < 0.5 else min(year + int(rng.random() * 4), 2026)
    honoured = stage in {Stage.RECOGNISED, Stage.REPLICATING}
    achievements = f"Được tặng Giấy khen năm {year + 1}" if honoured else ""
    description = f"{title}, triển khai từ năm {year}, mang lại hiệu quả thiết thực."
    search_text = f"{keys.folded(name)} {keys.folded(title)}"[:600]
    keys.check(title, search_text, lambda: fold(f"{name} {title}")[:600])  # services._search_text
    created = changed - datetime.timedelta(days=int(rng.random() * 200))
    row = (pk, subject_id, unit_id, title, description, field_id, achievements, year,
           year_to, stage, changed, search_text, created, changed)  # fmt: skip
    return (*row, sort_name) if SORT_COPY else row  # services: exemplar.sort_name = subject's


def step_exemplars(ctx) -> int:
    """Exemplars of subjects drawn at random (some have several); a fifth of them take part
    in the national movement or their province's."""
    rng, first = ctx.rng("exemplars"), db.next_id(ctx.cursor, Exemplar)
    subjects = db.fetch(ctx.cursor, "SELECT id, unit_id, name, sort_name FROM {s} ORDER BY id",
                        s=Subject)  # fmt: skip
    fields = list(Field.objects.order_by("pk").values_list("pk", flat=True))
    chosen, seen = [], set()
    for offset in range(ctx.n(EXEMPLARS) if subjects else 0):
        row = _exemplar(rng, ctx, first + offset, rng.choice(subjects), rng.choice(fields))
        if (row[1], row[3], row[7]) not in seen:  # the service refuses a repeated model
            seen.add((row[1], row[3], row[7]))
            chosen.append(row)
    del seen, subjects
    columns = EXEMPLAR_COLUMNS + (["sort_name"] if SORT_COPY else [])
    count = ctx.load_big(Exemplar, columns, iter(chosen))
    _take_part(ctx, rng, [(row[0], row[2]) for row in chosen])
    return count


def _take_part(ctx, rng, exemplars) -> None:
    province_of = {pk: int(path.split("/")[2]) for pk, path in
                   Unit.objects.filter(depth__gte=1).values_list("pk", "path")}  # fmt: skip
    movements = dict(Movement.objects.filter(launched_by__kind="province")
                     .values_list("launched_by_id", "pk"))  # fmt: skip
    national = Movement.objects.get(launched_by__kind="nation").pk
    links = [(pk, national if rng.random() < 0.5 else movements[province_of[unit_id]])
             for pk, unit_id in exemplars if rng.random() < 0.2]  # fmt: skip
    ctx.load_big(Exemplar.movements.through, ["exemplar_id", "movement_id"], iter(links))


def step_vocabulary(ctx) -> int:
    """The typo-correction vocabulary, where the code has one: rebuilt by the app's own
    command for data loaded in bulk (rebuild_search_words)."""
    if "rebuild_search_words" not in get_commands():
        return 0
    call_command("rebuild_search_words", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM core_searchword")
        return cursor.fetchone()[0]


def step_tallies(ctx) -> int:
    """The dashboards' tallies, where the code keeps them: recounted by the app's own
    command for data loaded in bulk (rebuild_tallies)."""
    if "rebuild_tallies" not in get_commands():
        return 0
    call_command("rebuild_tallies", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM tallies_tally")
        return cursor.fetchone()[0]


STEPS = [
    ("tree", step_tree),
    ("units", step_units),
    ("officers", step_officers),
    ("movements", step_movements),
    ("subjects", step_subjects),
    ("exemplars", step_exemplars),
    ("plans", national_plans.step_plans),
    ("conferences", national_conferences.step_conferences),
    ("delegates", national_conferences.step_delegates),
    ("quotas", national_plans.step_quotas),
    ("ledger", national_plans.step_ledger),
    ("awards", national_awards.step_awards),
    ("vocabulary", step_vocabulary),
    ("tallies", step_tallies),
]


assert [name for name, _step in STEPS] + ["analyze"] == db.STEP_NAMES, "steps out of step"


def vacuum_analyze() -> None:
    """VACUUM ANALYZE, outside any transaction: planner statistics and visibility maps."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def generate(scale: float) -> None:
    call_command("migrate", verbosity=0)  # never bench/common.fresh_database: it flushes
    ctx = Context(scale)
    db.ensure_steps_table(ctx.cursor)
    connection.connection.commit()
    done = db.finished_steps(national_env.DATABASE)
    wrong = {step: info["scale"] for step, info in done.items() if info["scale"] != scale}
    if wrong:
        raise SystemExit(f"{national_env.DATABASE} holds data of another scale: {wrong}")
    for name, step in [*STEPS, ("analyze", None)]:
        if name in done:
            print(f"  {name:<12} already there: {done[name]['rows']:>10,} rows")
            continue
        timer = db.Timer()
        if step is None:
            vacuum_analyze()
            rows = 0
        else:
            with transaction.atomic():
                ctx.cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
                rows = step(ctx)
        with transaction.atomic():
            db.mark_done(ctx.cursor, name, scale, rows, timer.seconds)
        print(f"  {name:<12} {rows:>10,} rows  {timer.seconds:7.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--scale", type=float, required=True)
    args = parser.parse_args()
    print(f"{args.database}: generating at scale {args.scale:g}", flush=True)
    timer = db.Timer()
    generate(args.scale)
    print(f"  {'total':<12} {'':>10}       {timer.seconds:7.1f} s", flush=True)


if __name__ == "__main__":
    main()
