"""Checking a conference against the rule set of the plan it answers to. Every number
comes from the rule set (thidua.plans.rules), never from here; every finding is a
Vietnamese sentence with its numbers. Errors block approval; warnings are shown and
recorded with the transition; information is the representation report (sample 003)."""

from dataclasses import asdict, dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from thidua.conferences.enums import ConferenceStatus, DelegateCategory, Severity
from thidua.conferences.models import Conference, Delegate, UpperQuota
from thidua.plans.rules import REPRESENTATION
from thidua.units.models import EconomicSector

MAJORITY_ETHNICITY = "kinh"  # everyone else counts as an ethnic minority (dân tộc thiểu số)


@dataclass(frozen=True)
class Finding:
    severity: str
    rule: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Tally:
    """Counts of a conference's delegates, from one aggregate query (plus one per grouped
    representation the rule set asks for)."""

    total: int = 0
    exemplary: int = 0
    presidium: int = 0
    women: int = 0
    minorities: int = 0
    direct: int = 0
    to_upper: int = 0
    to_upper_women: int = 0
    to_upper_direct: int = 0
    listed: int = 0  # the delegates on the list, before a what-if adjustment
    groups: dict = field(default_factory=dict)


def _pct(part: int, whole: int) -> str:
    value = round(part * 100 / whole, 1) if whole else 0
    return f"{value:g}".replace(".", ",")


def tally(conference: Conference, *, adjust: dict | None = None) -> Tally:
    """The counts, with `adjust` ({"exemplary": n, "guest": m}, negative to remove) applied
    for the what-if view without saving anything."""
    women, upper = Q(gender="female"), Q(to_upper=True)
    minority = ~Q(ethnicity="") & ~Q(ethnicity__iexact=MAJORITY_ETHNICITY)
    row = Delegate.objects.filter(conference=conference).aggregate(
        total=Count("pk"),
        exemplary=Count("pk", filter=Q(category=DelegateCategory.EXEMPLARY)),
        presidium=Count("pk", filter=Q(is_presidium=True)),
        women=Count("pk", filter=women),
        minorities=Count("pk", filter=minority),
        direct=Count("pk", filter=Q(is_direct_labourer=True)),
        sent_up=Count("pk", filter=upper),
        to_upper_women=Count("pk", filter=upper & women),
        to_upper_direct=Count("pk", filter=upper & Q(is_direct_labourer=True)),
    )
    row["to_upper"] = row.pop("sent_up")
    counts = Tally(**row, listed=row["total"])
    adjust = adjust or {}
    exemplary = max(0, counts.exemplary + adjust.get("exemplary", 0))
    others = max(0, counts.total - counts.exemplary + adjust.get("guest", 0))
    counts.exemplary, counts.total = exemplary, exemplary + others
    return counts


def _grouped(conference: Conference, key: str) -> dict[str, int]:
    rows = (
        Delegate.objects.filter(conference=conference)
        .exclude(**{f"{key}__isnull": True})
        .values(key)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row[key]: row["n"] for row in rows if row[key] != ""}


def _form(conference, rules, counts):
    if not conference.form:
        return [Finding(Severity.ERROR, "form", "Chưa chọn hình thức hội nghị.")]
    if rules.allowed_forms and conference.form not in rules.allowed_forms:
        allowed = "; ".join(rules.allowed_forms)
        message = f"Hình thức «{conference.form}» không có trong quy định ({allowed})."
        return [Finding(Severity.ERROR, "form", message)]
    return []


def _window(conference, rules, counts):
    found = []
    pilots = {unit.pk for unit in rules.pilot_units.all()}
    if conference.unit_id in pilots and not conference.is_pilot:
        found.append(
            Finding(
                Severity.WARNING,
                "pilot",
                "Đơn vị được chọn làm điểm nhưng hội nghị chưa đánh dấu là hội nghị điểm.",
            )
        )
    if conference.is_pilot and rules.pilot_needs_appraisal:
        found.append(
            Finding(
                Severity.WARNING,
                "pilot",
                "Kế hoạch hội nghị điểm phải được cơ quan thường trực thẩm định trước khi tổ chức.",
            )
        )
    held = conference.held_on
    if held is None:
        return [*found, Finding(Severity.ERROR, "window", "Chưa có ngày tổ chức.")]
    deadline = (rules.pilot_deadline if conference.is_pilot else None) or rules.window_end
    label = "hạn hội nghị điểm" if conference.is_pilot and rules.pilot_deadline else "hạn"
    if held > deadline:
        found.append(
            Finding(
                Severity.ERROR,
                "window",
                f"Ngày tổ chức {held:%d/%m/%Y} sau "
                f"{label} {deadline:%d/%m/%Y} của quy định «{rules.name}».",
            )
        )
    if rules.window_start and held < rules.window_start:
        found.append(
            Finding(
                Severity.ERROR,
                "window",
                f"Ngày tổ chức {held:%d/%m/%Y} trước "
                f"ngày bắt đầu {rules.window_start:%d/%m/%Y} của quy định.",
            )
        )
    return found


PREPARING = {ConferenceStatus.DRAFT, ConferenceStatus.APPROVED}


def days_late(conference, today=None) -> int:
    """How many days ago the conference's date passed while it was not yet recorded as
    held (0: not late, or no date)."""
    held_on = conference.held_on
    if held_on is None or conference.status not in PREPARING:
        return 0
    return max(((today or timezone.localdate()) - held_on).days, 0)


def _twice(conference):
    """Another conference of the unit under the same plan for the same target group (rule
    set): allowed (a conference redone), but the level above counts only the latest."""
    if conference.plan_id is None or conference.pk is None:
        return []
    other = (Conference.objects.filter(unit_id=conference.unit_id, plan_id=conference.plan_id,
                                       rule_set_id=conference.rule_set_id)
             .exclude(pk=conference.pk).order_by("-held_on", "-pk").first())  # fmt: skip
    if other is None:
        return []
    when = f" ngày {other.held_on:%d/%m/%Y}" if other.held_on else ""
    return [Finding(Severity.WARNING, "twice",
                    f"Đơn vị đã có «{other.name}»{when} theo cùng kế hoạch, cùng đối tượng; "
                    "cấp trên chỉ tính đại biểu của hội nghị tổ chức sau cùng.")]  # fmt: skip


def _late(conference):
    """A conference whose date has passed while not recorded as held: warned, with or
    without rules."""
    late = days_late(conference)
    if not late:
        return []
    return [Finding(Severity.WARNING, "late",
                    f"Ngày tổ chức {conference.held_on:%d/%m/%Y} đã qua {late} ngày mà hội nghị "
                    "chưa được ghi nhận đã tổ chức; hãy sửa ngày hoặc ghi nhận.")]  # fmt: skip


def is_plenary(conference, rules) -> bool:
    """Sample 002/004: a unit under the threshold of staff or workers meets in full."""
    size = conference.unit.workforce
    return rules.plenary_below is not None and size is not None and size < rules.plenary_below


def _size(conference, rules, counts):
    if is_plenary(conference, rules):
        size, below = conference.unit.workforce, rules.plenary_below
        return [
            Finding(
                Severity.INFO,
                "plenary",
                f"Đơn vị có {size} người, dưới {below}: tổ "
                "chức hội nghị toàn thể, không áp dụng mức tối đa đại biểu.",
            )
        ]
    if counts.total == 0:
        return [Finding(Severity.WARNING, "cap", "Chưa có đại biểu nào.")]
    cap = rules.delegate_cap
    if cap is not None and counts.total > cap:
        over = counts.total - cap
        return [Finding(Severity.ERROR, "cap", f"Vượt {over} đại biểu so với mức tối đa {cap}.")]
    return []


def _share(conference, rules, counts):
    target, tolerance = rules.exemplary_share_pct, rules.share_tolerance_pct
    if target is None or not counts.total or is_plenary(conference, rules):
        return []
    share = _pct(counts.exemplary, counts.total)
    band = f"{target} %" + (f" ± {tolerance}" if tolerance else "")
    if counts.exemplary * 100 < (target - tolerance) * counts.total:
        return [
            Finding(
                Severity.ERROR, "share", f"Đại biểu điển hình chiếm {share} %, dưới mức {band}."
            )
        ]
    if counts.exemplary * 100 > (target + tolerance) * counts.total:
        return [
            Finding(
                Severity.WARNING, "share", f"Đại biểu điển hình chiếm {share} %, trên mức {band}."
            )
        ]
    return []


def _presidium(conference, rules, counts):
    low, high = rules.presidium_min, rules.presidium_max
    n = counts.presidium
    if (low is not None and n < low) or (high is not None and n > high):
        bounds = f"từ {low} đến {high}" if None not in (low, high) else f"{low or high}"
        return [
            Finding(
                Severity.WARNING,
                "presidium",
                f"Đoàn chủ tịch có {n} người; quy định {bounds} người.",
            )
        ]
    return []


def _upper_quota(conference, counts):
    quota = UpperQuota.objects.filter(
        conference_id=conference.feeds_id, unit_id=conference.unit_id
    ).first()
    if quota is None:
        return []
    sent, found = counts.to_upper, []
    if sent > quota.number:
        found.append(
            Finding(
                Severity.ERROR,
                "quota",
                f"Vượt {sent - quota.number} đại biểu so "
                f"với chỉ tiêu {quota.number} đại biểu dự cấp trên.",
            )
        )
    elif sent < quota.number:
        found.append(
            Finding(
                Severity.WARNING, "quota", f"Mới chọn {sent}/{quota.number} đại biểu dự cấp trên."
            )
        )
    for minimum, have, what in (
        (quota.min_women, counts.to_upper_women, "nữ"),
        (quota.min_direct_labourers, counts.to_upper_direct, "trực tiếp lao động"),
    ):
        if minimum and have < minimum:
            found.append(
                Finding(
                    Severity.WARNING,
                    "quota",
                    f"Đại biểu dự cấp trên mới có {have} {what}, chỉ tiêu tối thiểu {minimum}.",
                )
            )
    return found


def _representation(conference, rules, counts):
    found = []
    simple = {
        "women": counts.women,
        "ethnic_minorities": counts.minorities,
        "direct_labourers": counts.direct,
    }
    # Shares of the delegates listed: a what-if adds or removes people of unknown gender,
    # ethnicity or work, so the groups are never divided by a total they are not part of.
    of_list = "" if counts.listed == counts.total else " của danh sách hiện có"
    for key in rules.representation:
        if key in simple:
            n = simple[key]
            text = f"{REPRESENTATION[key]}: {n} người ({_pct(n, counts.listed)} %{of_list})."
            found.append(Finding(Severity.INFO, key, text))
    if "economic_sectors" in rules.representation:
        labels = dict(EconomicSector.choices)
        by = _grouped(conference, "economic_sector")
        parts = ", ".join(f"{labels[k]} {n}" for k, n in sorted(by.items())) or "chưa có"
        found.append(Finding(Severity.INFO, "economic_sectors", f"Thành phần kinh tế: {parts}."))
    if "fields" in rules.representation:
        by = _grouped(conference, "field__name")
        parts = ", ".join(f"{k} {n}" for k, n in sorted(by.items())) or "chưa có"
        found.append(Finding(Severity.INFO, "fields", f"Lĩnh vực: {parts}."))
    if "former_localities" in rules.representation:
        found += _former_localities(conference)
    return found


def _former_localities(conference):
    """Merged units (1/7/2025): delegates should come from every locality before the merger."""
    former = list(conference.unit.predecessors.order_by("sort_name"))
    if not former:
        return []
    by = _grouped(conference, "origin_unit_id")
    parts = ", ".join(f"{unit.name} {by.get(unit.pk, 0)}" for unit in former)
    found = [Finding(Severity.INFO, "former_localities", f"Các địa phương trước sắp xếp: {parts}.")]
    found += [
        Finding(
            Severity.WARNING,
            "former_localities",
            f"Chưa có đại biểu từ {unit.name} (trước sắp xếp).",
        )
        for unit in former
        if not by.get(unit.pk)
    ]
    return found


RULES = [_form, _window, _size, _share, _presidium, _representation]


def check_conference(conference: Conference, *, adjust: dict | None = None) -> list[Finding]:
    """Every finding for the conference as it stands (or with `adjust` applied)."""
    counts = tally(conference, adjust=adjust)
    rules = conference.rule_set
    if rules is None:
        found = [
            Finding(
                Severity.WARNING,
                "rules",
                "Hội nghị chưa gắn với quy định của kế hoạch "
                "cấp trên; không kiểm tra được số đại biểu, thời hạn, hình thức.",
            )
        ]
    else:
        found = [finding for rule in RULES for finding in rule(conference, rules, counts)]
    found += _upper_quota(conference, counts) + _late(conference) + _twice(conference)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(found, key=lambda finding: order[finding.severity])


def errors_of(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == Severity.ERROR]
