"""The catalogue over the API: titles and forms with the rule and authorities in force on a
date, and the base salaries. Read by every account; corrected only in the pages."""

import datetime
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from thidua.awards import eligibility, selectors
from thidua.awards.models import Category, Certainty
from thidua.awards.selectors import get_award
from thidua.exemplars.selectors import get_subject_for

router = Router(tags=["Khen thưởng"])


class AuthorityOut(Schema):
    issuer_kind: str
    issuer_level: str
    issuer_title: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    legal_basis: str
    certainty: Certainty


class RuleOut(Schema):
    valid_from: datetime.date
    valid_to: datetime.date | None
    name: str = Field(description="Tên trong giai đoạn này, nếu khác tên hiện nay")
    periods: list[str]
    commendation_types: list[str]
    reward_multiple: Decimal | None = Field(description="Tiền thưởng, số lần mức lương cơ sở")
    reward_objects: str
    criteria: str
    legal_basis: str
    certainty: Certainty


class AwardOut(Schema):
    code: str
    name: str
    category: Category
    subject_kinds: list[str]
    rule: RuleOut | None = Field(description="Quy định áp dụng tại ngày hỏi")
    reward_amount: int | None = Field(alias="amount", description="Tiền thưởng (đồng)")
    authorities: list[AuthorityOut] = Field(alias="grantors")


class BaseSalaryOut(Schema):
    amount: int
    valid_from: datetime.date
    valid_to: datetime.date | None
    legal_basis: str
    certainty: Certainty


@router.get("/awards", response=list[AwardOut])
def list_awards(request, on: datetime.date | None = None, category: Category | None = None):
    """Every title and form with its rule and authorities in force on `on` (today when
    absent) and the reward in đồng at the base salary then."""
    on = on or timezone.localdate()
    salary = selectors.base_salary_on(on)
    awards = selectors.catalogue(on, category=category or "")
    for award in awards:
        award.amount = selectors.reward_amount(award.rule, salary)
    return awards


@router.get("/base-salaries", response=list[BaseSalaryOut])
def list_base_salaries(request):
    """Mức lương cơ sở over time, newest first."""
    return selectors.base_salaries()


class AwardRecordOut(Schema):
    id: int
    award_code: str | None = Field(alias="award.code", default=None)
    title: str
    year: int
    commendation_type: str
    decision_number: str
    decision_date: datetime.date | None
    issuer: str
    revoked_on: datetime.date | None


class InitiativeOut(Schema):
    title: str
    recognised_by: str
    scope: int = Field(description="1 cơ sở, 2 bộ/ngành/tỉnh, 3 toàn quốc")
    recognised_on: datetime.date
    decision_number: str


class RatingOut(Schema):
    year: int
    rating: int = Field(description="1 không hoàn thành … 4 hoàn thành xuất sắc nhiệm vụ")


class DisciplineOut(Schema):
    sanction: int = Field(description="1 khiển trách, 2 cảnh cáo, … 6 buộc thôi việc")
    starts_on: datetime.date
    ends_on: datetime.date


class BlockOut(Schema):
    reason: str
    since: datetime.date
    until: datetime.date | None


class MemberOut(Schema):
    year: int
    member_id: int
    member_name: str = Field(alias="member.name")


class HistoryOut(Schema):
    awards: list[AwardRecordOut]
    initiatives: list[InitiativeOut]
    ratings: list[RatingOut]
    disciplines: list[DisciplineOut]
    blocks: list[BlockOut]
    members: list[MemberOut]


@router.get("/subjects/{subject_id}/history", response=HistoryOut)
def subject_history(request, subject_id: int):
    """A subject's history for commendation (awards, initiatives, ratings, discipline,
    blocks, a collective's members by year); 404 outside the caller's scope."""
    return selectors.history_of(get_subject_for(request.user, subject_id))


class FindingOut(Schema):
    label: str
    status: str = Field(description="met, not_met hoặc unknown (chưa kiểm tra được)")
    facts: str


class VerdictOut(Schema):
    award_code: str = Field(alias="award.code")
    year: int
    status: str
    rule_valid_from: datetime.date | None = Field(alias="rule.valid_from", default=None)
    findings: list[FindingOut]


@router.get("/subjects/{subject_id}/eligibility", response=VerdictOut)
def subject_eligibility(request, subject_id: int, award: str,
                        year: int = Query(..., ge=1945, le=2100)):  # fmt: skip
    """Whether the subject meets the award's checkable criteria in `year`, each criterion
    met, not met or unknown with the facts used; 404 outside the caller's scope."""
    subject = get_subject_for(request.user, subject_id)
    return eligibility.evaluate(subject, get_award(award), year)
