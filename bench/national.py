"""National-scale benchmark: generates the national dataset (34 provinces, 3,321 communes,
23,000 units, 2,000,000 subjects, 1,000,000 exemplars, 500 plans with ~50,000 obligations,
3,355 conferences with ~500,000 delegates, 10,000,000 award records) and its 1 % copy into
two scratch PostgreSQL databases, then measures every page an officer uses on both, as three
personas, beside the stock Django admin over the same tables. Prints aligned tables; writes
the figures as JSON.

    make bench-national                                  # scale 1: generates, then measures
    .venv/bin/python bench/national.py --scale 0.01      # a quick run (and its 0.01 % copy)
    .venv/bin/python bench/national.py --skip-generate --only subjects,api_
    .venv/bin/python bench/national.py --skip-generate --compare before.json

Databases: thidua_bench_national (scale 1), thidua_bench_small (0.01), thidua_bench_x<scale>
otherwise, on BENCH_NATIONAL_SERVER (postgres://postgres@127.0.0.1:5432). Only thidua_bench_*
databases are ever created or written; the app's own database is never opened. Generation
resumes where it stopped; a finished dataset is kept (--regenerate rebuilds it).
National_data.py generates, national_measure.py measures (one process per database).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import national_db as db
from national_pages import PAGES

HERE = Path(__file__).resolve().parent
PERSONA_LABELS = {"national": "site administrator (the nation)",
                  "province": "officer of Thành phố Hải Phòng",
                  "commune": "officer of Xã Đại Sơn (Hải Phòng)"}  # fmt: skip


def child(script: str, *args: str) -> None:
    subprocess.run([sys.executable, str(HERE / script), *args], check=True)  # noqa: S603


def prepare(name: str, scale: float, args) -> float | None:
    """Make `name` a finished dataset of `scale`; the seconds it took, or None if kept."""
    steps = db.finished_steps(name)
    if args.skip_generate:
        if not db.is_complete(steps, scale):
            raise SystemExit(f"{name} holds no finished dataset of scale {scale:g}: "
                             "run without --skip-generate")  # fmt: skip
        return None
    stale = any(info["scale"] != scale for info in steps.values())
    if db.is_complete(steps, scale) and not args.regenerate:
        print(f"{name}: dataset of scale {scale:g} already there (--regenerate rebuilds it)")
        return None
    db.create(name, drop=args.regenerate or stale)
    started = time.perf_counter()
    child("national_data.py", "--database", name, "--scale", repr(scale))
    return time.perf_counter() - started


def measure(name: str, args) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        child("national_measure.py", "--database", name, "--out", str(out), "--only", args.only,
              "--personas", args.personas, "--repeat", str(args.repeat),
              "--budget", str(args.budget))  # fmt: skip
        return json.loads(out.read_text(encoding="utf-8"))


def jobs(name: str) -> list[dict]:
    """The export and import jobs, each in its own process (national_jobs.py)."""
    found = []
    for what in ("docx", "xlsx", "import", "summary"):
        script = str(HERE / "national_jobs.py")
        command = [sys.executable, script, "--database", name, "--what", what]
        out = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
        found.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return found


def print_jobs(found: list[dict]) -> None:
    print("\nbackground jobs on the full database, as the worker runs them (own process each)")
    print(f"{'job':<16} {'rows':>8} {'seconds':>8} {'peak MiB':>9} {'reader MiB':>10}  outcome")
    for job in found:
        outcome = job.get("message") or f"{job['state']}, {job['bytes']:,} bytes ({job['query']})"
        print(f"{job['what']:<16} {job['rows']:>8,} {job['seconds']:>8.1f} {job['mib']:>9.0f} "
              f"{job['children_mib']:>10.0f}  {outcome}")  # fmt: skip


def ms(value) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def times(value, digits=2) -> str:
    return "—" if value is None else f"{value:.{digits}f}×"


def derive(full: dict, small: dict) -> dict:
    """Per persona and page: growth from the 1 % database, ratio to its main query and to
    the admin changelist of its table (both measured in this run, on the full database)."""
    tables = {key: table for key, _label, table, _url in PAGES}
    derived = {}
    for persona, pages in full["pages"].items():
        derived[persona] = {}
        for key, page in pages.items():
            before = small["pages"].get(persona, {}).get(key, {})
            admin = full["admin"].get(tables.get(key) or "", {})
            derived[persona][key] = {
                "growth": ratio(page["p50_ms"], before.get("p50_ms")),
                "page_per_query": ratio(page["p50_ms"], page.get("main_query_ms")),
                "vs_admin": ratio(page["p50_ms"], admin.get("p50_ms")),
            }
    return derived


def print_dataset(full: dict, small: dict, seconds: dict) -> None:
    print(f"\n{'dataset':<40} {'full':>12} {'1 %':>12}")
    for section in ("counts", "names"):
        for label, n in full[section].items():
            print(f"{label:<40} {n:>12,} {small[section].get(label, 0):>12,}")
    for label, data, took in (("full", full, seconds["full"]), ("1 %", small, seconds["small"])):
        recorded = sum(step["seconds"] for step in data["steps"].values())
        when = f"{took:.0f} s in this run" if took else "generated earlier"
        print(f"{'generation, ' + label:<40} {recorded:>10.0f} s   ({when})")


def print_recall(full: dict, small: dict) -> None:
    print("\ntypo fallback «nguyne vna an»: found / in scope of those folding to «nguyen van an»")
    print(f"{'persona':<36} {'subjects':>16} {'exemplars':>16} {'1 %: subjects':>16}")
    for persona, found in full["recall"].items():
        tiny = small["recall"].get(persona, {})
        print(f"{PERSONA_LABELS[persona]:<36} "
              f"{found['subjects_found']:>7,} / {found['subjects']:<6,} "
              f"{found['exemplars_found']:>7,} / {found['exemplars']:<6,} "
              f"{tiny.get('subjects_found', 0):>7,} / {tiny.get('subjects', 0):<6,}")  # fmt: skip


HEADER = (f"{'page':<48} {'p50 ms':>8} {'p95 ms':>8} {'n':>3} {'queries':>7} {'main q':>8} "
          f"{'page/q':>7} {'1% p50':>8} {'growth':>7} {'÷admin':>7}")  # fmt: skip


def print_pages(full: dict, small: dict, derived: dict) -> None:
    for persona, pages in full["pages"].items():
        seen = full["recall"][persona]
        print(f"\n{PERSONA_LABELS[persona]}: sees {seen['sees_subjects']:,} subjects, "
              f"{seen['sees_exemplars']:,} exemplars")  # fmt: skip
        print(HEADER)
        for key, label, _table, _url in PAGES:
            if key not in pages:
                continue
            page, more = pages[key], derived[persona][key]
            before = small["pages"].get(persona, {}).get(key, {})
            status = "" if page["status"] == 200 else f"  HTTP {page['status']}"
            print(f"{label:<48} {ms(page['p50_ms']):>8} {ms(page['p95_ms']):>8} {page['n']:>3} "
                  f"{page['queries']:>7} {ms(page.get('main_query_ms')):>8} "
                  f"{times(more['page_per_query'], 1):>7} {ms(before.get('p50_ms')):>8} "
                  f"{times(more['growth']):>7} {times(more['vs_admin']):>7}{status}")  # fmt: skip


def print_admin(full: dict, small: dict) -> None:
    print(f"\nstock Django admin changelist (100 rows a page, as the site administrator)\n{HEADER}")
    for table, page in full["admin"].items():
        before = small["admin"].get(table, {})
        print(f"{'admin: ' + page['url']:<48} {ms(page['p50_ms']):>8} {ms(page['p95_ms']):>8} "
              f"{page['n']:>3} {page['queries']:>7} {ms(page.get('main_query_ms')):>8} "
              f"{times(ratio(page['p50_ms'], page.get('main_query_ms')), 1):>7} "
              f"{ms(before.get('p50_ms')):>8} "
              f"{times(ratio(page['p50_ms'], before.get('p50_ms'))):>7} {'1.00×':>7}")  # fmt: skip


def print_comparison(result: dict, path: str) -> None:
    """p50 of each page now against the same page in an earlier run's JSON."""
    earlier = json.loads(Path(path).read_text(encoding="utf-8"))["full"]["pages"]
    print(f"\ncompared with {path} (p50 ms, full database)")
    print(f"{'persona':<9} {'page':<22} {'before':>9} {'now':>9} {'now/before':>11}")
    for persona, pages in result["full"]["pages"].items():
        for key, page in pages.items():
            old = earlier.get(persona, {}).get(key, {}).get("p50_ms")
            print(f"{persona:<9} {key:<22} {ms(old):>9} {ms(page['p50_ms']):>9} "
                  f"{times(ratio(page['p50_ms'], old)):>11}")  # fmt: skip


def default_json(scale: float) -> Path:
    folder = Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser() / "thidua-bench"
    stamp = datetime.datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    return folder / f"national-{scale:g}-{stamp}.json"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 full, 0.01 small, 0.001…")
    parser.add_argument("--skip-generate", action="store_true", help="reuse both databases")
    parser.add_argument("--regenerate", action="store_true", help="drop and rebuild both")
    parser.add_argument("--only", default="", help="page keys or prefixes: subjects,api_,…")
    parser.add_argument("--personas", default="national,province,commune")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page, at most")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per page, at most "
                        "(at least 5 requests; 3 for pages slower than 5 s)")  # fmt: skip
    parser.add_argument("--tag", default="", help="another pair of databases, e.g. «before»")
    parser.add_argument("--json", type=Path, help="where to write the figures")
    parser.add_argument("--compare", help="a JSON of an earlier run, to print before/now")
    parser.add_argument("--no-jobs", action="store_true", help="skip the export/import jobs")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    names = {which: db.database_name(scale, args.tag) for which, scale in
             (("full", args.scale), ("small", args.scale / 100))}  # fmt: skip
    scales = {"full": args.scale, "small": args.scale / 100}
    seconds = {which: prepare(names[which], scales[which], args) for which in ("small", "full")}
    facts = db.server_facts()
    full, small = measure(names["full"], args), measure(names["small"], args)
    background = [] if args.no_jobs else jobs(names["full"])
    derived = derive(full, small)
    facts["load"] = f"{facts['load']:.2f} before, {db.server_facts()['load']:.2f} after"
    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    print(f"\nthidua national benchmark, {started}: PostgreSQL {facts['postgresql']}, "
          f"{facts['cpus']} CPUs, load average {facts['load']} measuring; "
          f"{names['full']} (scale {args.scale:g}) and {names['small']} "
          f"(scale {args.scale / 100:g})")  # fmt: skip
    print_dataset(full, small, seconds)
    print_recall(full, small)
    print_pages(full, small, derived)
    print_admin(full, small)
    if background:
        print_jobs(background)
    result = {"run": {"at": started, "scales": scales, "databases": names, **facts,
                      "generation_seconds": seconds}, "full": full, "small": small,
              "derived": derived, "jobs": background}  # fmt: skip
    if args.compare:
        print_comparison(result, args.compare)
    path = args.json or default_json(args.scale)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nfigures written to {path}")


if __name__ == "__main__":
    main()
