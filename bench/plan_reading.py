"""Benchmark of the plan reader (issue 17): the time to read each text of the three
development sets (five OCR'd sample plans, 18 web copies, the same 18 mangled like a bad
OCR), with the shared scorer's result per set. Prints figures; asserts nothing.

    make plan-scores      (or: .venv/bin/python bench/plan_reading.py)

The target is under a second per text document; the figures are medians and maxima of
several rounds, in milliseconds, in this process (no subprocess per file).
"""

import json
import statistics
import sys
import time
from pathlib import Path

import common  # noqa: F401  (first: sets Django up)

from thidua.plans.extraction import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = ("plans", "plans-web", "plans-web-ocr")
ROUNDS = 5


def _scorer():
    sys.path.insert(0, str(SHARED / "tools"))
    import score_plan_extraction  # noqa: PLC0415

    return score_plan_extraction


def measure(folder: Path, scorer) -> tuple[list[float], float]:
    times, scores = [], []
    for expected in sorted((folder / "expected").glob("*.json")):
        text = (folder / f"{expected.stem}.txt").read_text(encoding="utf-8")
        rounds = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            got = extract(text)
            rounds.append((time.perf_counter() - start) * 1000)
        times.append(statistics.median(rounds))
        want = json.loads(expected.read_text(encoding="utf-8"))
        fields = [scorer.score_field(name, got.get(name), want.get(name)) for name in scorer.FIELDS]
        scores.append(sum(fields) / len(fields))
    return times, sum(scores) / len(scores)


# Texts that once took minutes (backtracking, a quadratic split): each must stay fast.
HOSTILE = {
    "200,000 newlines": "\n" * 200_000 + "trước ngày 1/1/2027",
    "«Số: 1/» × 30,000": "Số: 1/" * 30_000,
    "one 200,000-character line": ("UBND tỉnh " + "Nam" * 40 + " a b c d e f g h. ") * 4_000,
    "a 2,000,000-character plan": "Các xã gửi báo cáo trước ngày 15/3/2026.\n" * 48_000,
}


def hostile() -> None:
    print(f"\n{'hostile text':<30}{'ms':>9}")
    for label, text in HOSTILE.items():
        start = time.perf_counter()
        extract(text)
        print(f"{label:<30}{(time.perf_counter() - start) * 1000:>9.0f}")


def main() -> None:
    if not (SHARED / "samples").exists():
        sys.exit("The development sets are not beside the repository (../shared/samples).")
    scorer = _scorer()
    extract("Khởi động")  # loads the place names once, as a running server has
    print(f"{'set':<16}{'texts':>6}{'score':>8}{'median ms':>11}{'max ms':>9}")
    for name in SETS:
        times, score = measure(SHARED / "samples" / name, scorer)
        median, most = statistics.median(times), max(times)
        print(f"{name:<16}{len(times):>6}{score:>8.3f}{median:>11.1f}{most:>9.1f}")
    hostile()


if __name__ == "__main__":
    main()
