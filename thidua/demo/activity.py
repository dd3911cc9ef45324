"""Demo movements, drives, registrations, quota submissions, a cluster's pact and an
inspection of the demo province, made through the services (one movement dated in this
statistics year). Quota periods are the two quarters before today, so the compliance
table of Cụm thi đua số 1 always shows one period met and one short."""

import datetime

from django.utils import timezone

from thidua.core.periods import period_containing
from thidua.exemplars.models import Exemplar
from thidua.inspections import services as inspection_services
from thidua.movements import services as movement_services
from thidua.movements.models import Movement
from thidua.pacts import scoring
from thidua.pacts import services as pact_services
from thidua.quotas import services as quota_services
from thidua.quotas.models import Submission
from thidua.statistics.definitions import day_in_default_year
from thidua.units import group_services
from thidua.units.models import EmulationGroup, GroupKind
from thidua.workflow.engine import transition

D = datetime.date


def seed_movements(*, province, commune, agency) -> None:
    if Movement.objects.filter(launched_by=province).exists():
        return
    rural = movement_services.launch_movement(
        actor=None, launched_by=province, follower=agency,
        name="Chung sức, chung lòng xây dựng nông thôn mới", starts_on=D(2021, 1, 1),
        ends_on=D(2025, 12, 31), theme="Xây dựng nông thôn mới nâng cao, kiểu mẫu.",
    )  # fmt: skip
    movement_services.launch_movement(
        actor=None, launched_by=province, follower=agency, starts_on=D(2021, 1, 1),
        name="Vì người nghèo – không để ai bị bỏ lại phía sau", ends_on=D(2025, 12, 31),
    )  # fmt: skip
    drive = movement_services.add_drive(
        actor=None, movement=rural, name="Đợt thi đua cao điểm chào mừng Đại hội",
        starts_on=D(2025, 1, 1), ends_on=D(2025, 9, 30),
        anniversary="Đại hội Thi đua yêu nước thành phố lần thứ I (2025-2030)",
    )  # fmt: skip
    movement_services.register_work(
        actor=None, drive=drive, unit=commune, title="Tuyến đường hoa thôn Mỹ Đoàn",
        registered_on=D(2025, 2, 10),
    )  # fmt: skip
    for exemplar in Exemplar.objects.filter(unit=commune, field__code="agriculture"):
        exemplar.movements.add(rural)
    starts = day_in_default_year(timezone.localdate())
    movement_services.launch_movement(
        actor=None, launched_by=commune, name="Thi đua chuyên đề «Bình dân học vụ số»",
        starts_on=starts, ends_on=starts + datetime.timedelta(days=150), method="thematic",
        theme="Phổ cập kỹ năng số cho người dân (dữ liệu thống kê năm nay, biểu 0601.N).",
    )  # fmt: skip


def seed_quotas(*, province, commune) -> None:
    """Xã Đại Sơn in cluster 1: the quarter before last met, the last quarter short."""
    cluster = EmulationGroup.objects.get(owner=province, kind=GroupKind.CLUSTER, number=1)
    membership = cluster.members.filter(unit=commune).first()
    if membership is None:
        membership = group_services.add_member(actor=None, group=cluster, unit=commune)
    if Submission.objects.filter(membership=membership).exists():
        return
    last = period_containing(membership.cadence, timezone.localdate()).previous()
    before = last.previous()
    open_exemplars = list(
        Exemplar.objects.filter(unit=commune).exclude(stage__in=["declined", "withdrawn"])
    )
    for exemplar in open_exemplars[:3]:  # sent on paper at the time, recorded now
        _submit(membership, before, exemplar, "accept", on=before.end)
    _submit(membership, last, open_exemplars[0], "accept")
    _submit(membership, last, open_exemplars[1], "return", "Chưa có minh chứng kết quả năm nay.")


def _submit(membership, period, exemplar, action, reason="", *, on=None) -> None:
    submission = quota_services.submit_exemplar(
        actor=None, membership=membership, period=period, exemplar=exemplar, on=on
    )
    transition(submission, action, by=None, reason=reason)


PACT_CRITERIA = [
    ("Hoàn thành các chỉ tiêu phát triển kinh tế – xã hội năm", "40", "1"),
    ("Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến", "30", "1,5"),
    ("Tổ chức phong trào thi đua và công tác khen thưởng", "30", "1"),
]  # fmt: skip


def seed_pact(*, province, commune) -> None:
    """Cụm thi đua số 1's pact of this year: opened with the head by rotation, criteria,
    signed in mid-January (or today, early in January), Xã Đại Sơn's targets registered
    and its mid-year scores sent."""
    cluster = EmulationGroup.objects.get(owner=province, kind=GroupKind.CLUSTER, number=1)
    today = timezone.localdate()
    if cluster.pacts.filter(year=today.year).exists():
        return
    pact = pact_services.open_pact(actor=None, group=cluster, year=today.year)
    pact_services.save_criteria(actor=None, pact=pact, rows=PACT_CRITERIA)
    ours = cluster.members.get(unit=commune)
    pact_services.register_target(
        actor=None, pact=pact, membership=ours,
        text="Phát hiện ít nhất 4 điển hình mới; nhân rộng 2 mô hình «Dân vận khéo».",
    )  # fmt: skip
    on = min(today, D(today.year, 1, 15))
    pact = transition(
        pact, "sign", by=None, data={"signed_on": on, "place": f"Hội trường {pact.head.unit.name}"}
    )
    _mid_year_scores(pact, ours)


def _mid_year_scores(pact, ours) -> None:
    """Xã Đại Sơn's mid-year self-scores, sent; the others still scoring."""
    card = scoring.card_of(pact, ours, "mid")
    values = ("36", "27", "25,5")
    points = {c.pk: v for c, v in zip(pact.criteria.all(), values, strict=True)}
    scoring.save_self_scores(actor=None, card=card, points=points,
                             note="Báo cáo sơ kết 6 tháng của UBND xã gửi kèm.")  # fmt: skip
    transition(card, "submit", by=None)


def seed_inspection(*, province, commune) -> None:
    """The city's inspection of Xã Đại Sơn three weeks ago: findings recorded, one item
    short, two fixes open (due in two and in five weeks)."""
    if commune.inspections.exists():
        return
    today = timezone.localdate()
    inspection = inspection_services.plan_inspection(
        actor=None, by_unit=province, unit=commune, planned_on=today - datetime.timedelta(21),
        inspectors="Bà Nguyễn Thị Hòa, Trưởng ban Thi đua - Khen thưởng (trưởng đoàn); "
                   "ông Lê Văn Tâm, chuyên viên",
    )  # fmt: skip
    items = list(inspection.items.all())
    findings = {i.pk: ("1", "Thực hiện đầy đủ, có văn bản kèm theo.") for i in items}
    findings[items[4].pk] = ("0", "Chưa công khai danh sách đề nghị khen thưởng năm trước.")
    inspection_services.record_findings(actor=None, inspection=inspection, findings=findings)
    inspection = transition(inspection, "record", by=None)
    for text, weeks in [("Công khai danh sách đề nghị khen thưởng trước khi xét", 2),
                        ("Bổ sung sổ theo dõi khen thưởng của xã", 5)]:  # fmt: skip
        inspection_services.request_fix(actor=None, inspection=inspection, text=text,
                                        due_on=today + datetime.timedelta(weeks=weeks),
                                        item=items[4])  # fmt: skip
