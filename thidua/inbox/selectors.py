"""What waits for an officer, read from the units they act for (those where they hold the
officer role themselves): what the units owe and by when, what was returned to them, what
others sent them to decide, conferences to prepare and drafts left unfinished.

Each section is a queryset and a way to show one of its rows, so that the home page shows
the first few with the count and the section's own page pages through all of them, in a
number of queries that does not grow with the rows."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import Role, UnitRole
from thidua.awards.models import Nomination, NominationState
from thidua.conferences.checks import PREPARING, days_late
from thidua.conferences.models import Conference
from thidua.inspections.models import Fix, FixState
from thidua.pacts.models import CardState, Pact, PactState, RankingState, Scorecard
from thidua.plans.models import Obligation, ObligationState, Plan, PlanStatus
from thidua.quotas.models import Submission, SubmissionState

WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Item:
    """One line of the inbox: what, where to act on it, by when, and a word of its state."""

    text: str
    link: str
    when: datetime.date | None = None
    badge: str = ""
    tone: str = ""  # "late", "soon" or "": how the badge is coloured
    note: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: QuerySet
    describe: Callable[[Any, datetime.date], Item]
    empty: str


def acting_units(user) -> list[int]:
    """Ids of the units the user acts for: officer roles held on the units themselves."""
    roles = UnitRole.objects.filter(user=user, role=Role.OFFICER, user__is_active=True)
    return list(roles.values_list("unit_id", flat=True))


def _plan_name(plan) -> str:
    return plan.symbol or plan.title


def _owed(obligation, today) -> Item:
    due = obligation.milestone.due_on
    returned = obligation.state == ObligationState.RETURNED
    if returned:
        badge, tone = "Bị trả lại", "late"
    elif due < today:
        badge, tone = f"Quá hạn {(today - due).days} ngày", "late"
    elif due <= today + WEEK:
        badge, tone = "Đến hạn trong tuần", "soon"
    else:
        badge, tone = "Chưa đến hạn", ""
    return Item(text=f"{obligation.milestone.title} · {_plan_name(obligation.milestone.plan)}",
                link=reverse("plans:obligation", args=[obligation.pk]), when=due,
                badge=badge, tone=tone, note=obligation.reason if returned else "")  # fmt: skip


def _delivered(obligation, today) -> Item:
    return Item(text=f"{obligation.unit} · {obligation.milestone.title} · "
                     f"{_plan_name(obligation.milestone.plan)}",
                link=reverse("plans:obligation", args=[obligation.pk]),
                when=obligation.delivered_on, badge="Chờ xem xét")  # fmt: skip


def _submission(submission, today) -> Item:
    return Item(text=f"{submission.membership.unit} · {submission.exemplar.title}",
                link=reverse("quotas:submission", args=[submission.pk]),
                when=submission.submitted_at.date(), badge="Chờ xem xét")  # fmt: skip


def _nomination(nomination, today) -> Item:
    waiting = nomination.state == NominationState.SUBMITTED
    return Item(text=f"{nomination.unit} · {nomination.award} · {nomination.subject}",
                link=nomination.get_absolute_url(), when=nomination.due_on,
                badge="Chờ tiếp nhận" if waiting else "Đang thẩm định")  # fmt: skip


def _nomination_returned(nomination, today) -> Item:
    return Item(text=f"{nomination.award} · {nomination.subject}",
                link=nomination.get_absolute_url(), badge="Trả lại để bổ sung",
                tone="late", note=nomination.reason)  # fmt: skip


def _conference(conference, today) -> Item:
    late = days_late(conference, today)
    badge = f"Đã qua {late} ngày" if late else conference.get_status_display()
    return Item(text=conference.name, link=conference.get_absolute_url(), when=conference.held_on,
                badge=badge, tone="late" if late else "")  # fmt: skip


def _draft_plan(plan, today) -> Item:
    return Item(text=plan.title, link=plan.get_absolute_url(), badge="Dự thảo")


def _draft_nomination(nomination, today) -> Item:
    return Item(text=f"{nomination.award} · {nomination.subject}",
                link=nomination.get_absolute_url(), badge="Dự thảo")  # fmt: skip


def _pact_to_host(pact, today) -> Item:
    return Item(text=f"{pact} · chủ trì ký kết", link=pact.get_absolute_url(),
                badge="Trưởng cụm, khối")  # fmt: skip


def _pact_target(pact, today) -> Item:
    return Item(text=str(pact), link=pact.get_absolute_url(), badge="Chưa đăng ký chỉ tiêu")


def _fix_owed(fix, today) -> Item:
    late = fix.due_on < today
    return Item(text=f"{fix.text} · {fix.inspection}", link=fix.get_absolute_url(),
                when=fix.due_on, badge=f"Quá hạn {(today - fix.due_on).days} ngày" if late
                else fix.get_state_display(), tone="late" if late else "")  # fmt: skip


def _fix_delivered(fix, today) -> Item:
    return Item(text=f"{fix.inspection.unit} · {fix.text}", link=fix.get_absolute_url(),
                when=fix.delivered_on, badge="Chờ xác nhận")  # fmt: skip


def _fix_sections(units: list[int]) -> list[Section]:
    """Fixes an inspection asked of the units; those reported done, for the inspectors."""
    return [
        Section("khac-phuc", "Yêu cầu khắc phục sau kiểm tra", Fix.objects.filter(
            inspection__unit__in=units, state__in=[FixState.PENDING, FixState.RETURNED])
            .select_related("inspection__unit").order_by("due_on", "pk"), _fix_owed,
            "Không có yêu cầu khắc phục nào."),
        Section("khac-phuc-cho-xac-nhan", "Kết quả khắc phục chờ xác nhận", Fix.objects.filter(
            inspection__by_unit__in=units, state=FixState.DELIVERED)
            .select_related("inspection__unit").order_by("delivered_on", "pk"),
            _fix_delivered, "Không có kết quả khắc phục nào chờ xác nhận."),
    ]  # fmt: skip


def _card_sent(card, today) -> Item:
    return Item(text=f"{card.membership.unit} · {card.get_review_display()} · {card.pact}",
                link=card.get_absolute_url(), badge="Đã gửi điểm")  # fmt: skip


def _pact_sections(units: list[int]) -> list[Section]:
    """The year's head hosts the signing and collects the scores (LAW.md §3.2); every
    member registers targets."""
    year = timezone.localdate().year
    return [
        Section("giao-uoc-diem", "Phiếu chấm điểm giao ước các thành viên đã gửi",
                Scorecard.objects.filter(pact__head__unit__in=units,
                                         state=CardState.SUBMITTED,
                                         pact__rankings__review=F("review"),
                                         pact__rankings__state=RankingState.OPEN)
                .select_related("membership__unit", "pact__group").order_by("pk"),
                _card_sent, "Không có phiếu chấm điểm nào chờ tổng hợp."),
        Section("giao-uoc-chu-tri", "Giao ước thi đua cần chủ trì ký kết", Pact.objects.filter(
            head__unit__in=units, state=PactState.DRAFT).select_related("group")
            .order_by("year", "pk"), _pact_to_host, "Không có giao ước nào cần chủ trì."),
        Section("giao-uoc-chi-tieu", "Giao ước thi đua chưa đăng ký chỉ tiêu",
                Pact.objects.filter(group__members__unit__in=units, year__gte=year,
                                    state=PactState.DRAFT)
                .exclude(targets__membership__unit__in=units).select_related("group")
                .distinct().order_by("year", "pk"), _pact_target,
                "Đã đăng ký chỉ tiêu mọi giao ước."),
    ]  # fmt: skip


OPEN = [ObligationState.PENDING, ObligationState.RETURNED]
REVIEWED = [NominationState.SUBMITTED, NominationState.IN_REVIEW]


def sections(units: list[int]) -> list[Section]:
    """The inbox of the units, most urgent first; each queryset in a stable order."""
    issued = {"milestone__plan__status": PlanStatus.ISSUED}
    return [
        Section("phai-nop", "Việc phải nộp", Obligation.objects.filter(
            unit__in=units, state__in=OPEN, **issued).select_related("milestone__plan")
            .order_by("milestone__due_on", "pk"), _owed, "Không còn việc nào phải nộp."),
        Section("cho-xem-xet", "Báo cáo, sản phẩm chờ bạn xem xét", Obligation.objects.filter(
            milestone__plan__issuer__in=units, state=ObligationState.DELIVERED, **issued)
            .select_related("unit", "milestone__plan").order_by("delivered_on", "pk"),
            _delivered, "Không có sản phẩm nào chờ xem xét."),
        Section("chi-tieu", "Điển hình gửi theo chỉ tiêu chờ xem xét", Submission.objects.filter(
            membership__group__owner__in=units, state=SubmissionState.SUBMITTED)
            .select_related("membership__unit", "exemplar").order_by("submitted_at", "pk"),
            _submission, "Không có điển hình nào chờ xem xét."),
        Section("de-nghi-den", "Đề nghị khen thưởng gửi đến", Nomination.objects.filter(
            at_unit__in=units, state__in=REVIEWED)
            .select_related("unit", "award", "subject").order_by("at_since", "pk"),
            _nomination, "Không có đề nghị nào gửi đến."),
        Section("de-nghi-tra-lai", "Đề nghị khen thưởng bị trả lại", Nomination.objects.filter(
            unit__in=units, state=NominationState.RETURNED)
            .select_related("award", "subject").order_by("pk"),
            _nomination_returned, "Không có đề nghị nào bị trả lại."),
        Section("hoi-nghi", "Hội nghị cần chuẩn bị", Conference.objects.filter(
            unit__in=units, status__in=PREPARING).order_by("held_on", "pk"),
            _conference, "Không có hội nghị nào đang chuẩn bị."),
        Section("ke-hoach-du-thao", "Kế hoạch đang soạn", Plan.objects.filter(
            issuer__in=units, status=PlanStatus.DRAFT).order_by("-pk"),
            _draft_plan, "Không có kế hoạch nào đang soạn."),
        Section("de-nghi-du-thao", "Đề nghị khen thưởng đang soạn", Nomination.objects.filter(
            unit__in=units, state=NominationState.DRAFT)
            .select_related("award", "subject").order_by("-pk"),
            _draft_nomination, "Không có đề nghị nào đang soạn."),
        *_pact_sections(units),
        *_fix_sections(units),
    ]  # fmt: skip


def section(units: list[int], key: str) -> Section | None:
    return next((s for s in sections(units) if s.key == key), None)


SHOWN = 5


def summary(units: list[int], today: datetime.date) -> list[tuple[Section, int, list[Item]]]:
    """Per non-empty section: its count and its first rows, as items. Two queries per
    section at most (the first rows, then the count only when they fill the slice)."""
    found = []
    for part in sections(units):
        rows = list(part.rows[: SHOWN + 1])
        if not rows:
            continue
        count = len(rows) if len(rows) <= SHOWN else part.rows.count()
        found.append((part, count, [part.describe(row, today) for row in rows[:SHOWN]]))
    return found
