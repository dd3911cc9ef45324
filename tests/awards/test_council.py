"""The council's meeting: quorum, a member standing aside for a nomination from the unit
they belong to, votes by the secretary or by each member for themselves, the pass
threshold, the close approving or rejecting through the workflow, and the minutes."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from tests.awards.conftest import complete_dossier
from tests.conftest import _person
from thidua.accounts.models import Role, UnitRole
from thidua.awards import council, nominations
from thidua.awards.council_docx import minutes_docx
from thidua.awards.council_views import _rows
from thidua.awards.models import Award, NominationAction, NominationState
from thidua.exemplars import services as exemplar_services
from thidua.workflow.engine import transition

pytestmark = pytest.mark.django_db
A, S = NominationAction, NominationState


@pytest.fixture
def members(commune_a, village_a):
    people = [_person(commune_a, Role.COUNCIL, f"hoi_dong_{n}") for n in range(3)]
    UnitRole.objects.create(user=people[1], unit=village_a, role=Role.LEADER)  # the village's head
    return people


def _in_review(officer, unit, name):
    subject = exemplar_services.create_subject(actor=officer, unit=unit, kind="individual",
                                               name=name)  # fmt: skip
    award = Award.objects.get(code="ldtt")
    nomination = nominations.create_nomination(
        actor=officer, unit=unit, subject=subject, award=award, year=2025
    )
    complete_dossier(nomination)
    for action in (A.SUBMIT, A.RECEIVE):
        nomination = transition(nomination, action, by=officer)
    return nomination


@pytest.fixture
def meeting(officer_a, commune_a, village_a, members):
    _in_review(officer_a, commune_a, "Ngô Văn Một")
    _in_review(officer_a, village_a, "Ngô Văn Hai")  # from the village: its head stands aside
    return council.open_meeting(
        actor=officer_a,
        unit=commune_a,
        held_on=datetime.date(2025, 12, 15),
        place="Hội trường xã",
        chair="Chủ tịch xã",
        secretary="Cán bộ TĐKT",
    )


def _items(meeting):
    return {item.nomination.subject.name: item for item in meeting.items.all()}


def test_votes_thresholds_recusal_and_the_close(officer_a, meeting, members):
    items = _items(meeting)
    one, two = items["Ngô Văn Một"], items["Ngô Văn Hai"]
    m = [member.pk for member in members]
    council.record_votes(actor=officer_a, meeting=meeting, presence={}, recusals={}, votes={
        (one.pk, m[0]): "for", (one.pk, m[1]): "for", (one.pk, m[2]): "against",
        (two.pk, m[0]): "for", (two.pk, m[1]): "for", (two.pk, m[2]): "against"})  # fmt: skip

    results = {name: council.tally(meeting, item) for name, item in items.items()}
    council.close_meeting(actor=officer_a, meeting=meeting)
    one.nomination.refresh_from_db()
    two.nomination.refresh_from_db()

    assert list(two.recused.all()) == [members[1]]
    assert (results["Ngô Văn Một"].yes, results["Ngô Văn Một"].voters) == (2, 3)
    assert (results["Ngô Văn Hai"].yes, results["Ngô Văn Hai"].voters) == (
        1,
        2,
    )  # the recused vote is not counted
    assert one.nomination.state == S.APPROVED
    assert two.nomination.state == S.REJECTED
    assert two.nomination.reason == "Hội đồng không đủ tỷ lệ đồng ý (1/2)."


def test_without_a_quorum_the_meeting_cannot_close(officer_a, meeting, members):
    council.record_votes(actor=officer_a, meeting=meeting, votes={}, recusals={},
                         presence={members[0].pk: False, members[1].pk: False})  # fmt: skip

    with pytest.raises(Exception, match="Không đủ số thành viên có mặt"):
        council.close_meeting(actor=officer_a, meeting=meeting)


def test_a_member_votes_for_themselves_only_and_cannot_close(client, meeting, members):
    one = _items(meeting)["Ngô Văn Một"]
    client.force_login(members[0])
    own, other = f"{one.pk}-{members[0].pk}", f"{one.pk}-{members[2].pk}"

    client.post(reverse("awards:meeting_votes", args=[meeting.pk]),
                {"cell": [own, other], f"v-{own}": "for", f"v-{other}": "against"})  # fmt: skip
    closing = client.post(reverse("awards:meeting_close", args=[meeting.pk]))

    assert list(one.votes.values_list("member", "choice")) == [(members[0].pk, "for")]
    assert closing.status_code == 403


def test_a_sibling_officer_sees_no_meeting(client, officer_b, meeting):
    client.force_login(officer_b)

    assert client.get(reverse("awards:meeting", args=[meeting.pk])).status_code == 404


def test_the_page_and_the_minutes(client, officer_a, meeting, members):
    client.force_login(officer_a)
    page = client.get(reverse("awards:meeting", args=[meeting.pk]))
    seats, items = _rows(meeting, officer_a)

    document = Document(io.BytesIO(minutes_docx(meeting, seats, items, council.quorum(meeting))))
    text = "\n".join([p.text for p in document.paragraphs] + [
        p.text for t in document.tables for c in t._cells for p in c.paragraphs])  # fmt: skip

    assert page.status_code == 200
    assert "Không biểu quyết" in page.content.decode()
    parts = ("BIÊN BẢN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Thành viên có mặt: 3/3",
             "Ngô Văn Hai", "cùng đơn vị đề nghị", "Kết quả biểu quyết", "CHỦ TRÌ")  # fmt: skip
    for part in parts:
        assert part in text, part
