"""Eligibility (LAW.md §1.7): whether a subject meets an award's machine-checkable criteria
in a year, under the version of the rule in force at the reference date (the end of that
year unless given). Every criterion is answered met, not met or cannot be checked from the
data, in Vietnamese, with the facts it used. Only merit (công trạng) awards that were not
revoked count as prerequisites (ND 152/2025); years up to the end of a discipline do not
count (achievements count from the end of the disciplinary period)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from thidua.awards.facts import Facts, unit_counts
from thidua.awards.models import Award, Rating, Sanction, Scope
from thidua.awards.selectors import rule_on
from thidua.exemplars.models import Subject
from thidua.units.models import Unit

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
STATUS_LABELS = {MET: "Đủ điều kiện", NOT_MET: "Chưa đủ điều kiện",
                 UNKNOWN: "Cần cán bộ xem xét"}  # fmt: skip


@dataclass
class Finding:
    label: str
    status: str
    facts: str = ""


@dataclass
class Verdict:
    subject: object
    award: Award
    year: int
    rule: object
    findings: list[Finding] = field(default_factory=list)

    @property
    def status(self) -> str:
        states = {finding.status for finding in self.findings}
        return NOT_MET if NOT_MET in states else UNKNOWN if UNKNOWN in states else MET

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def eligible(self) -> bool:
        return self.status == MET


@dataclass
class Context:
    facts: Facts
    awards: dict  # code → Award, for names and nested checks
    year: int
    today: datetime.date
    depth: int = 0
    current: str = ""  # the award being evaluated (the one a cap limits)
    rules: dict = field(default_factory=dict)  # (award, date) → rule: read once per batch

    def rule(self, award: Award, on: datetime.date):
        key = (award.pk, on)
        if key not in self.rules:
            self.rules[key] = rule_on(award, on)
        return self.rules[key]


def _name(ctx: Context, code: str) -> str:
    award = ctx.awards.get(code)
    return f"«{award.name if award else code}»"


def _years(years) -> str:
    return ", ".join(str(y) for y in sorted(years)) or "không có"


def _held(ctx: Context, sid: int, code: str) -> set[int]:
    """Years `sid` counts `code` in: merit, not revoked, after any discipline's end."""
    after = ctx.facts.counts_from(sid)
    return {year for year in ctx.facts.titles(sid, code) if year > after}


def check_rating(ctx, subject, level: int, **_):
    label = f"Xếp loại năm {ctx.year} từ «{Rating(level).label}» trở lên"
    rating = ctx.facts.rating(subject.pk, ctx.year)
    if rating is None:
        return Finding(label, UNKNOWN, f"Chưa có xếp loại năm {ctx.year}.")
    return Finding(
        label, MET if rating >= level else NOT_MET, f"Năm {ctx.year}: {Rating(rating).label}."
    )


def check_holds(ctx, subject, award: str, **_):
    """Holds `award` in the year; or meets its criteria (decided in the same round)."""
    label = f"Đạt {_name(ctx, award)} năm {ctx.year}"
    if ctx.year in _held(ctx, subject.pk, award):
        return Finding(label, MET, f"Có {_name(ctx, award)} năm {ctx.year}.")
    other = ctx.awards.get(award)
    if other is None or ctx.depth:
        return Finding(label, NOT_MET, f"Không có {_name(ctx, award)} năm {ctx.year}.")
    inner = evaluate(subject, other, ctx.year, ctx=Context(**{**ctx.__dict__, "depth": 1}))
    status = {MET: MET, UNKNOWN: UNKNOWN}.get(inner.status, NOT_MET)
    verb = {MET: "đạt tiêu chuẩn", UNKNOWN: "chưa rõ tiêu chuẩn"}.get(status, "không đạt")
    return Finding(label, status, f"Chưa có quyết định; {verb} {_name(ctx, award)} năm {ctx.year}.")


def check_consecutive(ctx, subject, award: str, years: int, **_):
    """`years` consecutive years of `award`, ending with the year or the year before (the
    decree's exact moment of assessment is not verified: both readings are accepted)."""
    label = f"{years:02d} năm liên tục đạt {_name(ctx, award)}"
    held = _held(ctx, subject.pk, award)
    for end in (ctx.year, ctx.year - 1):
        window = set(range(end - years + 1, end + 1))
        if window <= held:
            return Finding(label, MET, f"{_name(ctx, award)} {_years(window)}.")
    window = set(range(ctx.year - years + 1, ctx.year + 1))
    missing = window - held
    after = ctx.facts.counts_from(subject.pk)
    if after >= min(window):
        missing_note = f" Thành tích chỉ tính từ sau thời hạn kỷ luật (năm {after})."
        return Finding(label, NOT_MET, f"{_name(ctx, award)} {_years(held & window)}; "
                       f"thiếu {_years(missing)}.{missing_note}")  # fmt: skip
    return Finding(
        label, NOT_MET, f"{_name(ctx, award)} {_years(held & window)}; thiếu {_years(missing)}."
    )


def check_initiatives(ctx, subject, count: int, scope: int, years: int, **_):
    first = max(ctx.year - years + 1, ctx.facts.counts_from(subject.pk) + 1)
    label = f"Ít nhất {count} sáng kiến {Scope(scope).label.lower()} trở lên ({first}–{ctx.year})"
    found = [row for row in ctx.facts.initiatives(subject.pk)
             if row[1] >= scope and first <= row[0].year <= ctx.year]  # fmt: skip
    text = "; ".join(f"{title} ({on:%d/%m/%Y})" for on, _s, title in found) or "Không có."
    return Finding(label, MET if len(found) >= count else NOT_MET, text)


def _members(ctx, subject, label):
    members = ctx.facts.members(subject.pk, ctx.year)
    if not members:
        return None, Finding(label, UNKNOWN, f"Chưa có danh sách thành viên năm {ctx.year}.")
    return members, None


def check_members_share(ctx, subject, award: str, percent: int, strict: bool = False, **_):
    least = "Trên" if strict else "Ít nhất"
    label = f"{least} {percent} % thành viên đạt {_name(ctx, award)} năm {ctx.year}"
    members, missing = _members(ctx, subject, label)
    if missing:
        return missing
    holders = sum(ctx.year in ctx.facts.titles(member, award) for member in members)
    share = 100 * holders / len(members)
    ok = share > percent if strict else share >= percent
    return Finding(
        label, MET if ok else NOT_MET, f"{holders}/{len(members)} thành viên ({share:.0f} %)."
    )


def check_members_rating(ctx, subject, level: int, **_):
    label = f"100 % thành viên từ «{Rating(level).label}» trở lên năm {ctx.year}"
    members, missing = _members(ctx, subject, label)
    if missing:
        return missing
    ratings = [ctx.facts.rating(member, ctx.year) for member in members]
    below = sum(r is not None and r < level for r in ratings)
    unknown = sum(r is None for r in ratings)
    status = NOT_MET if below else UNKNOWN if unknown else MET
    return Finding(
        label, status, f"{len(members)} thành viên; {below} dưới mức; {unknown} chưa có xếp loại."
    )


def check_member_holds(ctx, subject, award: str, **_):
    label = f"Có thành viên đạt {_name(ctx, award)} năm {ctx.year}"
    members, missing = _members(ctx, subject, label)
    if missing:
        return missing
    holders = [m for m in members if ctx.year in ctx.facts.titles(m, award)]
    return Finding(label, MET if holders else NOT_MET, f"{len(holders)} thành viên.")


def check_member_discipline(ctx, subject, sanction: int, **_):
    label = f"Không có thành viên bị kỷ luật từ «{Sanction(sanction).label}» trở lên năm {ctx.year}"
    members, missing = _members(ctx, subject, label)
    if missing:
        return missing
    hit = [m for m in members if ctx.facts.disciplined_in(m, ctx.year, sanction)]
    return Finding(label, NOT_MET if hit else MET, f"{len(hit)} thành viên bị kỷ luật.")


def check_own_discipline(ctx, subject, sanction: int, **_):
    label = f"Không bị kỷ luật năm {ctx.year}"
    found = ctx.facts.disciplined_in(subject.pk, ctx.year, sanction)
    if not found:
        return Finding(label, MET, "Không có.")
    text = "; ".join(f"{Sanction(s).label} {a:%d/%m/%Y}–{b:%d/%m/%Y}" for a, b, s in found)
    return Finding(label, NOT_MET, text)


def check_blocked(ctx, subject, **_):
    label = "Không bị tạm dừng xét khen thưởng"
    found = ctx.facts.blocked_on(subject.pk, ctx.today)
    if not found:
        return Finding(label, MET, "")
    return Finding(
        label, NOT_MET, "; ".join(f"{reason} từ {since:%d/%m/%Y}" for reason, since in found)
    )


def check_cap(ctx, subject, award: str, percent: int, **_):
    """At most `percent` % of the unit's holders of `award` in the year (e.g. CSTĐCS ≤ 15 %
    of LĐTT); the caller's own award is the one being capped."""
    base = ctx.facts.unit_count(subject.unit_id, award, ctx.year)
    label = f"Tối đa {percent} % số {_name(ctx, award)} của đơn vị năm {ctx.year}"
    if not base:
        return Finding(label, UNKNOWN, f"Đơn vị chưa có {_name(ctx, award)} năm {ctx.year}.")
    limit = base * percent // 100
    taken = ctx.facts.unit_count(subject.unit_id, ctx.current, ctx.year)
    status = MET if taken < limit else NOT_MET
    return Finding(label, status, f"Đã có {taken}/{limit} (={percent} % của {base}).")


CHECKS = {"rating_at_least": check_rating, "holds": check_holds,
          "consecutive": check_consecutive, "initiatives": check_initiatives,
          "members_share": check_members_share, "members_rating": check_members_rating,
          "member_holds": check_member_holds, "no_member_discipline": check_member_discipline,
          "no_own_discipline": check_own_discipline, "not_blocked": check_blocked,
          "cap": check_cap}  # fmt: skip
NESTED_SKIP = {"cap", "not_blocked"}  # a prerequisite's own caps and blocks are not re-checked


def _preconditions(subject, award: Award, year: int, rule) -> Finding | None:
    """Why the rule's checks cannot be run at all, if they cannot."""
    if subject.kind not in award.subject_kinds:
        kind = subject.get_kind_display().lower()
        return Finding("Đối tượng được xét", NOT_MET, f"{award.name} không xét cho {kind}.")
    if rule is None:
        return Finding("Quy định áp dụng", UNKNOWN, f"Không có quy định áp dụng cho năm {year}.")
    if not rule.checks:
        text = "Chưa kiểm tra được từ dữ liệu: cán bộ xem xét theo tiêu chuẩn."
        return Finding("Tiêu chuẩn", UNKNOWN, text)
    return None


def _run(ctx: Context, subject, check: dict) -> Finding | None:
    name = check.get("test")
    if ctx.depth and name in NESTED_SKIP:
        return None
    function = CHECKS.get(name)
    if function is None:
        return Finding(f"Điều kiện «{name}»", UNKNOWN, "Chưa được hỗ trợ.")
    return function(ctx, subject, **{k: v for k, v in check.items() if k != "test"})


def evaluate(subject, award: Award, year: int, *, ctx: Context | None = None,
             on: datetime.date | None = None) -> Verdict:  # fmt: skip
    """The verdict on `subject` for `award` in `year`, under the rule in force on `on`
    (31/12 of the year by default)."""
    ctx = ctx or Context(facts=Facts([subject]), awards=awards_by_code(), year=year,
                         today=timezone.localdate())  # fmt: skip
    rule = ctx.rule(award, on or datetime.date(year, 12, 31))
    verdict = Verdict(subject, award, year, rule)
    blocker = _preconditions(subject, award, year, rule)
    if blocker is not None:
        verdict.findings.append(blocker)
        return verdict
    ctx.current = award.code
    for check in rule.checks:
        finding = _run(ctx, subject, check)
        if finding is not None:
            verdict.findings.append(finding)
    return verdict


def awards_by_code() -> dict[str, Award]:
    return {award.code: award for award in Award.objects.all()}


LIST_LIMIT = 2000  # a unit's page; a province's subjects are a job (bench/awards.py)


def eligible_in(unit, award: Award, year: int, *, today: datetime.date | None = None,
                limit: int = LIST_LIMIT) -> tuple[list[Verdict], bool]:  # fmt: skip
    """The verdicts on the subjects of `unit` and the units below it that `award` is given
    to, in dictionary order: at most `limit`, and whether there were more. A fixed number of
    queries, whatever the number of subjects."""
    below = Unit.objects.filter(path__startswith=unit.path).values("pk")
    subjects = list(
        Subject.objects.filter(unit_id__in=below, kind__in=award.subject_kinds)
        .select_related("unit").order_by("sort_name", "pk")[: limit + 1]
    )  # fmt: skip
    more, subjects = len(subjects) > limit, subjects[:limit]
    ctx = Context(facts=Facts(subjects), awards=awards_by_code(), year=year,
                  today=today or timezone.localdate())  # fmt: skip
    return [evaluate(subject, award, year, ctx=ctx) for subject in subjects], more


@dataclass
class Cap:
    """A cap of the award's rule for one unit and year, as the round approaches it."""

    label: str
    limit: int | None  # None: the unit has none of the base award yet
    taken: int

    @property
    def left(self) -> int:
        return max(0, (self.limit or 0) - self.taken)


def caps_of(unit, award: Award, year: int) -> list[Cap]:
    """The caps (test "cap") of the rule in force at the end of `year`, counted for the
    unit's own subjects with its nominations in progress: shown beside the ticks."""
    rule = rule_on(award, datetime.date(year, 12, 31))
    caps = [check for check in (rule.checks if rule else []) if check.get("test") == "cap"]
    if not caps:
        return []
    counts, awards, found = unit_counts(unit.pk, year), awards_by_code(), []
    for check in caps:
        base = counts.get(check["award"], 0)
        name = awards.get(check["award"]) or check["award"]
        label = f"Tối đa {check['percent']} % số {name} của {unit.name}"
        limit = base * check["percent"] // 100 if base else None
        found.append(Cap(label=label, limit=limit, taken=counts.get(award.code, 0)))
    return found
