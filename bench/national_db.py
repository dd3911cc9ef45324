"""The scratch databases of the national benchmark and the bulk writing into them. No
Django import at module level: the orchestrator (national.py) uses the naming and the
creation without setting Django up; national_data.py passes models to `copy_rows`.

Only databases named thidua_bench_* are ever created, dropped or written: never the app's
own (`thidua`), CI's, or a test database.
"""

import os
import time
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

SERVER = os.environ.get("BENCH_NATIONAL_SERVER", "postgres://postgres@127.0.0.1:5432")
PREFIX = "thidua_bench_"
STEPS_TABLE = "bench_national_step"
# Who is measured: (key, username, full name, official code of the unit they are officer of;
# None for the site administrator, who sees the nation).
PERSONAS = [
    ("national", "bench-quantri", "Quản trị toàn quốc", None),
    ("province", "bench-canbo-tinh", "Cán bộ thi đua Thành phố Hải Phòng", "31"),
    ("commune", "bench-canbo-xa", "Cán bộ thi đua Xã Đại Sơn", "11086"),
]
PROVINCE_CODE, COMMUNE_CODE = "31", "11086"
# The generation steps (national_data.STEPS, then VACUUM ANALYZE): all of them make a dataset.
STEP_NAMES = ["tree", "units", "officers", "movements", "subjects", "exemplars", "plans",
              "conferences", "delegates", "quotas", "ledger", "awards", "vocabulary",
              "tallies", "analyze"]  # fmt: skip


def database_name(scale: float, tag: str = "") -> str:
    """thidua_bench_national for the full scale, thidua_bench_small for 1 %, else by scale;
    a tag names another set (say, of an older version of the code)."""
    if tag:
        return database_name(scale) + "_" + "".join(c for c in tag.lower() if c.isalnum())
    named = {1.0: "national", 0.01: "small"}
    return PREFIX + named.get(scale, "x" + f"{scale:.8f}".rstrip("0").rstrip(".").replace(".", "_"))


def _url(name: str) -> str:
    parts = urlsplit(SERVER)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def database_url(name: str) -> str:
    check_scratch(name)
    return _url(name)


def check_scratch(name: str) -> None:
    if not name.startswith(PREFIX):
        raise SystemExit(f"refusing to touch {name!r}: not a {PREFIX}* scratch database")


def _admin_connection():
    return psycopg.connect(_url("postgres"), autocommit=True)


def exists(name: str) -> bool:
    check_scratch(name)
    with _admin_connection() as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def create(name: str, *, drop: bool = False) -> None:
    """Create the scratch database (dropped first when `drop`)."""
    check_scratch(name)
    with _admin_connection() as conn:
        if drop:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))  # fmt: skip
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def is_complete(steps: dict, scale: float) -> bool:
    return all(steps.get(step, {}).get("scale") == scale for step in STEP_NAMES)


def server_facts() -> dict:
    with _admin_connection() as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
    return {"postgresql": version, "cpus": os.cpu_count(), "load": os.getloadavg()[0]}


def finished_steps(name: str) -> dict[str, dict]:
    """{step: {scale, rows, seconds}} of the steps already written into `name`."""
    if not exists(name):
        return {}
    with psycopg.connect(database_url(name)) as conn:
        present = conn.execute("SELECT to_regclass(%s)", [STEPS_TABLE]).fetchone()[0]
        if present is None:
            return {}
        rows = conn.execute(f"SELECT step, scale, rows, seconds FROM {STEPS_TABLE}").fetchall()  # noqa: S608
    return {step: {"scale": scale, "rows": n, "seconds": s} for step, scale, n, s in rows}


# ---- inside the generating process (Django set up, `cursor` a psycopg cursor) ----


def ensure_steps_table(cursor) -> None:
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {STEPS_TABLE} (step text PRIMARY KEY, scale float8, "
        "rows bigint, seconds float8, finished_at timestamptz DEFAULT now())"
    )


def mark_done(cursor, step: str, scale: float, rows: int, seconds: float) -> None:
    cursor.execute(
        f"INSERT INTO {STEPS_TABLE} (step, scale, rows, seconds) VALUES (%s, %s, %s, %s)",  # noqa: S608
        [step, scale, rows, seconds],
    )


def fetch(cursor, text: str, **tables) -> list[tuple]:
    """Rows of the query `text`, whose {name} placeholders are the tables of the models
    passed by those names."""
    names = {name: sql.Identifier(model._meta.db_table) for name, model in tables.items()}
    cursor.execute(sql.SQL(text).format(**names))
    return cursor.fetchall()


def next_id(cursor, model) -> int:
    cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {model._meta.db_table}")  # noqa: S608
    return cursor.fetchone()[0]


def reset_sequence(cursor, model) -> None:
    table = model._meta.db_table
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), coalesce(max(id), 1)) FROM {table}",  # noqa: S608
        [table],
    )


def has_field(model, name: str) -> bool:
    """Whether this version of the app has the field (the code changes under the bench)."""
    return any(f.name == name for f in model._meta.concrete_fields)


def has_db_default(field) -> bool:
    """A column the database fills itself (Field.db_default): COPY leaves it out."""
    from django.db.models.fields import NOT_PROVIDED  # noqa: PLC0415 -- Django set up by then

    return field.db_default is not NOT_PROVIDED


def _filler(field, now):
    """What a column not given gets: what Django would have stored for it."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda: now
    if field.has_default():
        if callable(field.default):
            return field.default
        value = field.get_default()
        return lambda: value
    if field.null:
        return lambda: None
    if field.get_internal_type() in {"CharField", "TextField", "SlugField", "EmailField"}:
        return lambda: ""
    raise ValueError(f"{field.model.__name__}.{field.name} needs a value")


def copy_rows(cursor, model, columns: list[str], rows, *, now) -> int:
    """COPY `rows` (tuples of `columns`, attribute names such as "unit_id") into the model's
    table; every other concrete column gets its default, as Model.save() would give it.
    JSON columns are adapted. Returns the number of rows."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    unknown = set(columns) - set(fields)
    if unknown:
        raise ValueError(f"{model.__name__} has no column {sorted(unknown)}")
    rest = [f for name, f in fields.items()
            if name not in columns and name != "id" and not has_db_default(f)]  # fmt: skip
    fillers = [_filler(f, now) for f in rest]
    json_at = [i for i, c in enumerate(columns) if fields[c].get_internal_type() == "JSONField"]
    json_rest = {i for i, f in enumerate(rest) if f.get_internal_type() == "JSONField"}
    names = [fields[c].column for c in columns] + [f.column for f in rest]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    count = 0
    with cursor.copy(statement) as copy:
        for given in rows:
            row = list(given) if json_at else given
            for i in json_at:
                row[i] = Jsonb(row[i])
            tail = [Jsonb(f()) if i in json_rest else f() for i, f in enumerate(fillers)]
            copy.write_row((*row, *tail))
            count += 1
    return count


def secondary_indexes(cursor, model) -> list[tuple[str, str]]:
    """(name, definition) of the table's indexes that back no constraint (not the primary
    key nor a unique constraint): those that may be dropped for a load and rebuilt."""
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT "
        "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        [model._meta.db_table],
    )
    return cursor.fetchall()


class Timer:
    def __init__(self):
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started
