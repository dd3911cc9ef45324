"""The histories the eligibility engine reads, for many subjects at once: a fixed number of
queries however many subjects (the members of the collectives among them included), so
that a unit's "who is eligible" page costs what one subject's does."""

import datetime
from collections import defaultdict

from django.db.models import Count

from thidua.awards.models import (
    STANDING,
    AwardRecord,
    Block,
    BlockReason,
    CommendationType,
    Discipline,
    Initiative,
    Membership,
    Nomination,
    NominationState,
    TaskRating,
)


class Facts:
    def __init__(self, subjects):
        ids = {subject.pk for subject in subjects}
        collectives = [subject.pk for subject in subjects if subject.kind == "collective"]
        self._members = defaultdict(list)
        rows = Membership.objects.filter(collective_id__in=collectives)
        for collective, member, year in rows.values_list("collective_id", "member_id", "year"):
            self._members[(collective, year)].append(member)
        everyone = ids | {m for members in self._members.values() for m in members}
        self._load(everyone)
        self._unit_counts: dict[tuple, int] = {}

    def _load(self, ids: set[int]) -> None:
        self._titles = defaultdict(lambda: defaultdict(set))
        merit = AwardRecord.objects.filter(
            subject_id__in=ids, revoked_on__isnull=True, award__isnull=False,
            commendation_type=CommendationType.MERIT,
        )  # fmt: skip
        for sid, code, year in merit.values_list("subject_id", "award__code", "year"):
            self._titles[sid][code].add(year)
        ratings = TaskRating.objects.filter(subject_id__in=ids)
        self._ratings = {
            (s, y): r for s, y, r in ratings.values_list("subject_id", "year", "rating")
        }
        self._initiatives = defaultdict(list)
        rows = Initiative.objects.filter(subject_id__in=ids).values_list(
            "subject_id", "recognised_on", "scope", "title")  # fmt: skip
        for sid, on, scope, title in rows:
            self._initiatives[sid].append((on, scope, title))
        self._disciplines = defaultdict(list)
        rows = Discipline.objects.filter(subject_id__in=ids).values_list(
            "subject_id", "starts_on", "ends_on", "sanction")  # fmt: skip
        for sid, starts, ends, sanction in rows:
            self._disciplines[sid].append((starts, ends, sanction))
        self._blocks = defaultdict(list)
        rows = Block.objects.filter(subject_id__in=ids).values_list(
            "subject_id", "reason", "since", "until"
        )
        for sid, reason, since, until in rows:
            self._blocks[sid].append((reason, since, until))

    def titles(self, sid: int, code: str) -> set[int]:
        return self._titles[sid][code]

    def rating(self, sid: int, year: int) -> int | None:
        return self._ratings.get((sid, year))

    def initiatives(self, sid: int) -> list[tuple]:
        return self._initiatives[sid]

    def members(self, collective: int, year: int) -> list[int]:
        return self._members[(collective, year)]

    def counts_from(self, sid: int) -> int:
        """The last year that does not count: the year the latest discipline ended (0)."""
        ends = [ends.year for _s, ends, _sanction in self._disciplines[sid]]
        return max(ends, default=0)

    def disciplined_in(self, sid: int, year: int, sanction: int) -> list[tuple]:
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return [row for row in self._disciplines[sid]
                if row[2] >= sanction and row[0] <= last and row[1] >= first]  # fmt: skip

    def blocked_on(self, sid: int, day: datetime.date) -> list[tuple[str, datetime.date]]:
        return [(BlockReason(reason).label, since) for reason, since, until in self._blocks[sid]
                if since <= day and (until is None or until >= day)]  # fmt: skip

    def unit_count(self, unit_id: int, code: str, year: int, *, drafts: bool = True) -> int:
        """`unit_counts` of the unit and year, read once per batch."""
        key = (unit_id, year, drafts)
        if key not in self._unit_counts:
            self._unit_counts[key] = unit_counts(unit_id, year, drafts=drafts)
        return self._unit_counts[key].get(code, 0)


def unit_counts(unit_id: int, year: int, *, drafts: bool = True) -> dict[str, int]:
    """{award code: how many of the unit's subjects hold it in `year` (merit, not revoked)
    or are nominated for it and not yet decided (drafts too unless `drafts` is False)}, so
    that a cap is seen as it is approached in the round; two grouped queries."""
    held = AwardRecord.objects.filter(
        subject__unit_id=unit_id, year=year, revoked_on__isnull=True,
        commendation_type=CommendationType.MERIT, award__isnull=False,
    ).values("award__code").annotate(n=Count("pk")).order_by()  # fmt: skip
    pending = Nomination.objects.filter(
        subject__unit_id=unit_id, year=year,
        state__in=[s for s in STANDING if s != NominationState.DECIDED
                   and (drafts or s != NominationState.DRAFT)],
    ).values("award__code").annotate(n=Count("pk")).order_by()  # fmt: skip
    counts: dict[str, int] = {}
    for row in [*held, *pending]:
        counts[row["award__code"]] = counts.get(row["award__code"], 0) + row["n"]
    return counts
