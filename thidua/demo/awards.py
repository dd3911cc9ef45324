"""Demo commendation of Xã Đại Sơn, dated from today: five years of history of its staff
(ratings, titles with their decisions, initiatives, one discipline, one revoked award),
this year's round in progress (nominations in every state), a council meeting at which a
member stands aside, a decision issued, and a Bằng khen nomination under review at the
city. Made through the services and the workflow, so every step is in the ledger."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from thidua.awards import council, decisions, dossier, history, nominations, notice
from thidua.awards.dossier_docx import list_docx, proposal_docx, report_docx
from thidua.awards.loader import load_everything
from thidua.awards.models import (
    Award,
    AwardAuthority,
    AwardRecord,
    AwardRule,
    BaseSalary,
    Discipline,
    Initiative,
    Membership,
    Nomination,
    ProcessingLimit,
)
from thidua.awards.selectors import history_of, rule_on
from thidua.awards.workflows import reference_date
from thidua.exemplars import services as exemplar_services
from thidua.statistics.definitions import day_in_default_year
from thidua.workflow.engine import transition

STAFF = ["Đỗ Thị Hạnh", "Bùi Văn Khoa", "Ngô Thị Liên", "Hoàng Văn Mạnh", "Vũ Thị Ngọc",
         "Đặng Văn Phúc", "Lương Thị Quyên", "Trịnh Văn Sơn", "Mai Thị Tuyết", "Cao Văn Vinh",
         "Phan Thị Xuân", "Tạ Văn Yên"]  # fmt: skip
UNION_STAFF = ["Nguyễn Thị Diệu", "Trần Thị Gấm"]
RATINGS = [4, 3, 4, 3, 3, 4, 3, 2, 3, 4, 3, 3]  # each person's usual yearly rating


def _subjects(commune, union):
    people = [exemplar_services.create_subject(actor=None, unit=commune, kind="individual",
                                               name=name, occupation="civil_servant",
                                               leadership="other" if n == 3 else "")
              for n, name in enumerate(STAFF)]  # fmt: skip
    for name in UNION_STAFF:
        people.append(exemplar_services.create_subject(
            actor=None, unit=union, kind="individual", name=name, gender="female"))  # fmt: skip
    team = exemplar_services.create_subject(
        actor=None, unit=commune, kind="collective", name="Bộ phận Văn hóa – Xã hội xã Đại Sơn",
        size=6,
    )  # fmt: skip
    return people, team


def _past(commune, people, team, year: int) -> None:
    """Five closed years: ratings, LĐTT for those rated good or better (a decision each
    year), CSTĐCS with an initiative for two people, the team's TTLĐTT."""
    ldtt, cstdcs, ttldtt = (Award.objects.get(code=c) for c in ("ldtt", "cstdcs", "ttldtt"))
    for past in range(year - 5, year):
        number = f"{past - 2000:02d}/QĐ-UBND"
        for person, rating in zip(people, RATINGS + [3, 3], strict=False):
            history.rate_year(actor=None, subject=person, year=past, rating=rating)
            if rating >= 3:
                _given(person, ldtt, past, number, commune)
        for person in people[:2]:
            history.record_initiative(actor=None, initiative=Initiative(
                subject=person, title=f"Số hóa hồ sơ văn hóa năm {past}",
                recognised_by="Hội đồng sáng kiến xã Đại Sơn", scope=1,
                recognised_on=datetime.date(past, 10, 15)))  # fmt: skip
            _given(person, cstdcs, past, f"{past - 2000:02d}b/QĐ-UBND", commune)
        for person in people[:6]:
            Membership.objects.get_or_create(collective=team, member=person, year=past)
        _given(team, ttldtt, past, number, commune)


def _given(subject, award, year, number, commune):
    return history.record_award(actor=None, record=AwardRecord(
        subject=subject, award=award, year=year, decision_number=number, source="imported",
        decision_date=datetime.date(year, 12, 28),
        issuer=f"Chủ tịch Ủy ban nhân dân {commune.name}"))  # fmt: skip


def _city_awards(commune, people, team) -> None:
    """This statistics year's awards of the city (Bằng khen, Chiến sĩ thi đua thành phố),
    which the yearly statistics form 0603.N counts."""
    on = day_in_default_year(timezone.localdate())
    for subject, code, kind in [(people[3], "bang_khen_tinh", "merit"),
                                (team, "bang_khen_tinh", "movement"),
                                (people[1], "cstd_tinh", "merit")]:  # fmt: skip
        history.record_award(actor=None, record=AwardRecord(
            subject=subject, award=Award.objects.get(code=code), year=on.year,
            decision_number=f"{on.month * 31 + on.day}/QĐ-UBND", decision_date=on,
            commendation_type=kind,
            issuer=f"Chủ tịch Ủy ban nhân dân {commune.parent.name}"))  # fmt: skip


def _round(commune, union, people, team, *, year: int, secretary) -> None:
    """This year's round: ratings, and nominations in every state."""
    for person, rating in zip(people, RATINGS + [3, 4], strict=False):
        history.rate_year(actor=None, subject=person, year=year, rating=rating)
    for person in people[:6]:
        Membership.objects.get_or_create(collective=team, member=person, year=year)
    ldtt = Award.objects.get(code="ldtt")
    good = [person for person, rating in zip(people, RATINGS, strict=False) if rating >= 3]
    made = [nominations.create_nomination(actor=None, unit=commune, subject=p, award=ldtt,
                                          year=year) for p in good[:8]]  # fmt: skip
    made += [nominations.create_nomination(actor=None, unit=union, subject=p, award=ldtt,
                                           year=year) for p in people[12:]]  # fmt: skip
    # Two stay drafts; one is withdrawn; one returned; one waits to be received; the rest
    # go to the council.
    transition(made[2], "withdraw", by=None)
    _dossier([n for n in made[3:] if n.unit_id == union.pk])
    for nomination in made[3:]:
        transition(nomination, "submit", by=None)
    transition(made[3], "return", by=None, reason="Bổ sung báo cáo thành tích.")
    for nomination in made[5:]:
        transition(nomination, "receive", by=None)
    _meeting(commune, secretary, year)


def _dossier(batch) -> None:
    """The files the batch's form requires, as its officer would attach them: the drafts
    thidua writes (the tờ trình and list of the batch, each one's report), signed."""
    rule = rule_on(batch[0].award, reference_date(batch[0]))
    for kind in dossier.missing_kinds(batch[0]):
        if kind in ("bao_cao", "tom_tat"):
            for nomination in batch:
                content = report_docx(nomination, history_of(nomination.subject))
                _attach([nomination], kind, content)
            continue
        _attach(batch, kind, proposal_docx(batch, rule) if kind == "to_trinh" else list_docx(batch))


def _attach(batch, kind: str, content: bytes) -> None:
    upload = ContentFile(content, name=f"{kind}-{batch[0].year}.docx")
    dossier.attach_file(actor=None, nominations=batch, kind=kind, upload=upload)


def _meeting(commune, secretary, year: int) -> None:
    """The commune council votes: the chairwoman of the Women's Union stands aside for its
    staff; one nomination falls short; the others are approved, and a decision is issued
    for two of them."""
    today = timezone.localdate()
    meeting = council.open_meeting(
        actor=None, unit=commune, held_on=today, place="Hội trường UBND xã",
        chair="Đỗ Văn Bình", secretary="Trần Văn Minh",
    )  # fmt: skip
    seats = [seat.member_id for seat in meeting.seats.all()]
    votes = {}
    for index, item in enumerate(meeting.items.select_related("nomination__subject")):
        choice = "against" if index == 0 else "for"
        votes.update({(item.pk, member): choice for member in seats})
    council.record_votes(actor=secretary, meeting=meeting, presence={}, recusals={},
                         votes=votes)  # fmt: skip
    council.close_meeting(actor=None, meeting=meeting)
    approved = list(Nomination.objects.filter(unit=commune, year=year, state="approved")
                    .order_by("pk")[:2])  # fmt: skip
    decision = decisions.draft_decision(actor=None, issuer=commune, nominations=approved)
    decision.signer_name, decision.capacity = "Đỗ Văn Bình", ""
    decision.save()
    decisions.issue_decision(actor=None, decision=decision)


def _climbing(commune, people, year: int) -> None:
    """A Bằng khen of the city for the best officer, under review at the city."""
    award = Award.objects.get(code="bang_khen_tinh")
    nomination = nominations.create_nomination(
        actor=None, unit=commune, subject=people[0], award=award, year=year,
        achievement="Hoàn thành xuất sắc nhiệm vụ 5 năm liền.",
    )  # fmt: skip
    _dossier([nomination])
    transition(nomination, "submit", by=None)
    transition(nomination, "receive", by=None)


def _notice(commune, people, year: int) -> None:
    """A Huân chương Lao động hạng Ba for the commune's longest-serving officer: its list
    published for comment since three days ago, one comment waiting for an answer."""
    award = Award.objects.get(code="hc_lao_dong_3")
    nomination = nominations.create_nomination(
        actor=None, unit=commune, subject=people[5], award=award, year=year,
        achievement="Mười năm liền hoàn thành xuất sắc nhiệm vụ; hai sáng kiến cấp tỉnh.",
    )  # fmt: skip
    published = notice.publish_notice(
        actor=None, unit=commune, nominations=[nomination],
        opens_on=timezone.localdate() - datetime.timedelta(days=3),
        title=f"Danh sách đề nghị tặng Huân chương Lao động năm {year}",
    )  # fmt: skip
    notice.add_comment(notice=published, nomination=nomination, author="Nguyễn Văn Thành",
                       contact="Thôn 3, xã Đại Sơn",
                       text="Đề nghị làm rõ thời gian ông Phúc công tác tại xã.")  # fmt: skip


def _setbacks(people, year: int) -> None:
    """One discipline two years ago; one award revoked for a false declaration."""
    history.record_discipline(actor=None, discipline=Discipline(
        subject=people[7], sanction=1, starts_on=datetime.date(year - 2, 3, 1),
        ends_on=datetime.date(year - 2, 8, 31), decision_number="05/QĐ-UBND"))  # fmt: skip
    record = people[11].award_records.order_by("year").first()
    if record is not None:
        note = "Quyết định 21/QĐ-UBND: kê khai thành tích không trung thực."
        history.revoke_award(actor=None, record=record, on=datetime.date(year - 1, 6, 1),
                             note=note)  # fmt: skip


def seed_awards(*, commune, secretary) -> None:
    """Once: the demo's commendation data of `commune`, whose council members exist and
    whose officer `secretary` enters the council's votes."""
    # The catalogue comes with the migrations; a flushed database (transactional tests)
    # gets it back here.
    load_everything(Award, AwardRule, AwardAuthority, BaseSalary, ProcessingLimit)
    if Nomination.objects.filter(unit=commune).exists():
        return
    year = timezone.localdate().year
    union = commune.children.get(name="Hội Liên hiệp Phụ nữ xã Đại Sơn")
    people, team = _subjects(commune, union)
    _past(commune, people, team, year)
    _setbacks(people, year)
    _city_awards(commune, people, team)
    _round(commune, union, people, team, year=year, secretary=secretary)
    _climbing(commune, people, year)
    _notice(commune, people, year)
