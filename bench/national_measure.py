"""Measures the pages of the national benchmark on one scratch database and writes the
figures as JSON; national.py runs it once per database and prints the comparison.

    python bench/national_measure.py --database thidua_bench_national --out figures.json

Each page is requested through the Django test client as each persona (site administrator,
officer of Hải Phòng, officer of Xã Đại Sơn): once under query capture (the warm-up), once
more if it was fast, then timed repeatedly. Its main query is the slowest SELECT the page
ran, re-run under EXPLAIN ANALYZE. The stock Django admin changelists of the same tables
are measured the same way (national_settings.py adds the admin to this process only).
"""

import national_env  # noqa: F401, I001 -- first: Django on the scratch database

import argparse
import json
import math
import time

import national_db as db
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from national_names import NEAR_DUPLICATES, TARGET_NAME
from national_pages import ADMIN, API_PAGE, DEEP_PAGE, PAGES, TYPO

from thidua.accounts.models import User
from thidua.awards.models import AwardRecord
from thidua.conferences.models import Conference, Delegate
from thidua.exemplars.models import Exemplar, Subject
from thidua.exemplars.selectors import exemplar_list, subject_list, visible_exemplars
from thidua.exemplars.selectors import visible_subjects
from thidua.plans.models import Obligation, Plan
from thidua.quotas.models import Submission
from thidua.units.models import EmulationGroup, GroupMembership, Unit
from thidua.workflow.models import Transition


def refs() -> dict:
    """The objects the pages are about, found by their natural keys in either database."""
    province = Unit.objects.get(code=db.PROVINCE_CODE)
    commune = Unit.objects.get(code=db.COMMUNE_CODE)
    cluster = EmulationGroup.objects.get(owner=province, kind="cluster", number=1)
    return {
        "root": {"national": Unit.objects.get(kind="nation"), "province": province,
                 "commune": commune},
        "province": province,
        "plan": Plan.objects.get(symbol="01/KH-HĐTĐKT"),
        "congress": Conference.objects.get(unit=province, kind="congress"),
        "conference": Conference.objects.get(unit=commune, kind="conference"),
        "cluster": cluster,
        "membership": GroupMembership.objects.get(group=cluster, unit=commune),
    }  # fmt: skip


def deep_page(path: str, queryset, seen: int) -> str:
    """Page 1,000 of the API's pages of 50 (the last page when there are fewer): by number,
    or by the cursor of the page before where the code pages deep lists by cursor."""
    page = min(DEEP_PAGE, max(1, math.ceil(seen / API_PAGE)))
    try:
        from thidua.core.pagination import keyset_order, token_of  # noqa: PLC0415 -- newer code
    except ImportError:
        return f"{path}?page={page}"
    order = keyset_order(queryset)
    if page == 1 or order is None:
        return f"{path}?page={page}"
    return f"{path}?cursor={token_of(queryset[(page - 1) * API_PAGE - 1], order)}"


def deep_pages(user, seen: dict) -> dict:
    return {"subject": deep_page("/api/v1/subjects", subject_list(user), seen["sees_subjects"]),
            "exemplar": deep_page("/api/v1/exemplars", exemplar_list(user),
                                  seen["sees_exemplars"])}  # fmt: skip


def fetch(client, url) -> dict:
    """One request, its body read to the end (exports stream)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    found = {"status": response.status_code, "bytes": len(body)}
    if url.startswith("/api/") and response.status_code == 200:
        found["rows"] = len(json.loads(body).get("items", []))
    return found


def explain(sql: str) -> tuple[float, str]:
    """Planning + execution time of `sql` under EXPLAIN ANALYZE, and its plan's top node."""
    with connection.connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0][0]
    node = plan["Plan"]
    return plan["Planning Time"] + plan["Execution Time"], (
        f"{node['Node Type']} {node.get('Relation Name', '')}".strip()
    )


def main_query(captured) -> dict:
    """The page's main query: of the SELECTs it ran, the slowest under EXPLAIN ANALYZE (each
    once; the slowest once more, best of the two). A streamed export's query counts in full,
    though the log times only its DECLARE."""
    reads = ("SELECT", "WITH")
    selects = {q["sql"] for q in captured if q["sql"].lstrip().upper().startswith(reads)}
    if not selects:
        return {}
    timed = {sql: explain(sql) for sql in selects}
    slowest = max(timed, key=lambda sql: timed[sql][0])
    again = explain(slowest)
    best = min(timed[slowest], again)
    return {"main_query_ms": best[0], "main_query_plan": best[1], "main_query_sql": slowest[:400]}


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(client, url: str, *, repeat: int, budget: float) -> dict:
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as capture:
        found = fetch(client, url)
    first, captured = time.perf_counter() - began, list(capture.captured_queries)
    if first < 1:
        fetch(client, url)  # a second warm-up for fast pages
    least = 3 if first > 5 else 5
    samples, started = [], time.perf_counter()

    def more() -> bool:
        return len(samples) < least or time.perf_counter() - started < budget

    while len(samples) < repeat and more():
        began = time.perf_counter()
        fetch(client, url)
        samples.append((time.perf_counter() - began) * 1000)
    return {"url": url, **found, "n": len(samples), "p50_ms": percentile(samples, 0.5),
            "p95_ms": percentile(samples, 0.95), "queries": len(captured),
            **main_query(captured)}  # fmt: skip


def recall(user) -> dict:
    """How many of the subjects (and their exemplars) folding to "nguyen van an" the user may
    see, and how many of them the typo search finds."""
    subjects = visible_subjects(user).filter(search_name=TARGET_NAME)
    exemplars = visible_exemplars(user).filter(subject__search_name=TARGET_NAME)
    found_subjects = subject_list(user, q=TYPO).filter(search_name=TARGET_NAME)
    found_exemplars = exemplar_list(user, q=TYPO).filter(subject__search_name=TARGET_NAME)
    return {"subjects": subjects.count(), "subjects_found": found_subjects.count(),
            "exemplars": exemplars.count(), "exemplars_found": found_exemplars.count(),
            "sees_subjects": visible_subjects(user).count(),
            "sees_exemplars": visible_exemplars(user).count()}  # fmt: skip


def dataset() -> dict:
    models = {"units": Unit, "subjects": Subject, "exemplars": Exemplar, "plans": Plan,
              "obligations": Obligation, "conferences": Conference, "delegates": Delegate,
              "submissions": Submission, "ledger rows": Transition,
              "award records": AwardRecord}  # fmt: skip
    counts = {label: model.objects.count() for label, model in models.items()}
    counts["delegates sent up"] = Delegate.objects.filter(to_upper=True).count()
    names = {"Nguyễn Văn An": Subject.objects.filter(name="Nguyễn Văn An").count(),
             "Nguyễn Văn Ân": Subject.objects.filter(name="Nguyễn Văn Ân").count(),
             f"all folding to «{TARGET_NAME}»": Subject.objects.filter(
                 search_name=TARGET_NAME).count(),
             "planted near-duplicates (others)": Subject.objects.filter(
                 name__in=[n for n, _ in NEAR_DUPLICATES]).exclude(
                 search_name=TARGET_NAME).count()}  # fmt: skip
    return {"counts": counts, "names": names}


def wanted(key: str, only: list[str]) -> bool:
    return not only or any(key.startswith(prefix) for prefix in only)


def run(args) -> dict:
    r, result = refs(), {"database": national_env.DATABASE, **dataset(), "pages": {}}
    result["steps"] = db.finished_steps(national_env.DATABASE)
    result["recall"], r["deep"], clients = {}, {}, {}
    for key, username, _full_name, _code in db.PERSONAS:
        if key in args.personas:
            user = User.objects.get(username=username)
            clients[key] = Client()
            clients[key].force_login(user)
            result["recall"][key] = recall(user)
            r["deep"][key] = deep_pages(user, result["recall"][key])
    for persona, client in clients.items():
        result["pages"][persona] = {}
        for key, label, _table, url in PAGES:
            address = url(r, persona) if wanted(key, args.only) else None
            if address is not None:
                print(f"  {persona:<9} {label:<48}", end="", flush=True)
                found = measure(client, address, repeat=args.repeat, budget=args.budget)
                result["pages"][persona][key] = found
                print(f" {found['p50_ms']:9.1f} ms  {found['status']}", flush=True)
    tables = {t for k, _l, t, _u in PAGES if t and wanted(k, args.only)}
    admin = Client()
    admin.force_login(User.objects.get(username=db.PERSONAS[0][1]))
    result["admin"] = {t: measure(admin, ADMIN[t], repeat=args.repeat, budget=args.budget)
                       for t in sorted(tables)}  # fmt: skip
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--only", default="", help="page keys or prefixes, comma-separated")
    parser.add_argument("--personas", default="national,province,commune")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per page")
    args = parser.parse_args()
    args.only = [key for key in args.only.split(",") if key]
    args.personas = args.personas.split(",")
    call_command("migrate", verbosity=0)  # the schema of the code being measured
    print(f"{national_env.DATABASE}: measuring", flush=True)
    result = run(args)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(result, out, ensure_ascii=False, indent=1, default=str)


if __name__ == "__main__":
    main()
