"""Public notice before the state's awards: published by the nominating unit for the period
its form requires, commented on by anyone on a public page while open (a few an hour from
one address), every comment answered or closed with a reason; until then the nomination
is not sent. Scoped like the rest: a sibling sees no notice."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.awards.conftest import complete_dossier
from thidua.awards import nominations
from thidua.awards import notice as notices
from thidua.awards.models import Award, CommentState, NominationAction, NoticeComment
from thidua.exemplars import services as exemplar_services
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db
A = NominationAction
DAY = datetime.date(2026, 3, 2)


@pytest.fixture
def nomination(officer_a, commune_a):
    subject = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name="Võ Thị Sáu")  # fmt: skip
    made = nominations.create_nomination(actor=officer_a, unit=commune_a, subject=subject,
                                         award=Award.objects.get(code="hc_lao_dong_3"),
                                         year=2025, achievement="Mười năm dẫn đầu.")  # fmt: skip
    complete_dossier(made)
    return made


def _publish(officer, unit, nomination, day=DAY):
    return notices.publish_notice(actor=officer, unit=unit, nominations=[nomination],
                                  opens_on=day)  # fmt: skip


def test_the_state_award_is_sent_only_after_its_notice_ran_and_comments_were_handled(
    officer_a, commune_a, nomination
):
    with freeze_time(DAY), pytest.raises(Refused, match="công khai ít nhất 10 ngày"):
        transition(nomination, A.SUBMIT, by=officer_a)
    published = _publish(officer_a, commune_a, nomination)
    with freeze_time(DAY + datetime.timedelta(days=3)):
        comment = notices.add_comment(notice=published, nomination=nomination,
                                      author="Trần Văn Dân",
                                      text="Năm 2023 bà nghỉ ốm dài.")  # fmt: skip
    with freeze_time(DAY + datetime.timedelta(days=9)), pytest.raises(Refused, match="đang công"):
        transition(nomination, A.SUBMIT, by=officer_a)  # the tenth day is still open
    with freeze_time(DAY + datetime.timedelta(days=10)), pytest.raises(Refused, match="1 ý kiến"):
        transition(nomination, A.SUBMIT, by=officer_a)
    reply = "Đã xác minh: nghỉ ốm 2 tuần, vẫn hoàn thành xuất sắc."
    notices.answer_comment(actor=officer_a, comment=comment, reply=reply)
    with freeze_time(DAY + datetime.timedelta(days=10)):
        sent = transition(nomination, A.SUBMIT, by=officer_a)

    assert published.closes_on == DAY + datetime.timedelta(days=9)
    assert sent.state == "submitted"


def test_a_form_without_a_notice_period_is_sent_at_once(officer_a, commune_a):
    subject = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name="Lê Văn Tám")  # fmt: skip
    ldtt = Award.objects.get(code="ldtt")
    made = nominations.create_nomination(actor=officer_a, unit=commune_a, subject=subject,
                                         award=ldtt, year=2025)  # fmt: skip

    assert transition(made, A.SUBMIT, by=officer_a).state == "submitted"


def test_the_public_page_takes_comments_while_open_and_keeps_what_was_typed(
    client, officer_a, commune_a, nomination
):
    published = _publish(officer_a, commune_a, nomination)
    url = published.get_public_url()
    data = {"nomination": "1", "author": "Phạm Thị Thu", "text": "Xứng đáng."}

    with freeze_time(DAY - datetime.timedelta(days=1)):
        early = client.get(url).content.decode()
    with freeze_time(DAY):
        page = client.get(url).content.decode()
        sent = client.post(url, data)
        missing = client.post(url, {"author": "Không ý kiến", "text": ""})
        for _ in range(5):
            client.post(url, data)
        throttled = client.post(url, data)
    with freeze_time(DAY + datetime.timedelta(days=10)):
        late = client.post(url, data)

    assert "Võ Thị Sáu" in page
    assert "Mười năm dẫn đầu." in page
    assert "Chưa đến thời gian nhận ý kiến" in early
    assert "Cảm ơn bạn" in sent.content.decode()
    assert missing.status_code == 400
    assert "Không ý kiến" in missing.content.decode()
    assert "nhiều ý kiến trong một giờ" in throttled.content.decode()
    assert "Đã hết thời gian nhận ý kiến" in late.content.decode()
    assert NoticeComment.objects.count() == 5
    assert set(NoticeComment.objects.values_list("nomination", flat=True)) == {nomination.pk}


def test_officers_answer_or_close_with_a_reason_a_sibling_sees_nothing(
    client, officer_a, officer_b, commune_a, nomination
):
    published = _publish(officer_a, commune_a, nomination)
    with freeze_time(DAY):
        comment = notices.add_comment(notice=published, author="Ẩn danh", text="Không rõ.")
    answer = reverse("awards:notice_answer", args=[published.pk, comment.pk])
    client.force_login(officer_b)
    assert client.get(published.get_absolute_url()).status_code == 404
    assert client.post(answer, {"reply": "x", "action": "close"}).status_code == 404
    client.force_login(officer_a)

    client.post(answer, {"reply": "", "action": "close"})
    blank = NoticeComment.objects.get().state
    client.post(answer, {"reply": "Ý kiến không nêu nội dung cụ thể.", "action": "close"})
    page = client.get(published.get_absolute_url()).content.decode()

    assert blank == CommentState.OPEN
    assert NoticeComment.objects.get().state == CommentState.CLOSED
    assert "Ý kiến không nêu nội dung cụ thể." in page
    assert published.get_public_url() in page


def test_publishing_from_the_list_needs_one_unit_and_drafts(
    client, officer_a, commune_a, nomination
):
    client.force_login(officer_a)

    asked = {"chon": [nomination.pk], "title": "Đề nghị Huân chương năm 2025"}
    response = client.post(reverse("awards:notice_publish"), asked)

    published = nomination.notices.get()
    assert response["Location"] == published.get_absolute_url()
    assert published.title == "Đề nghị Huân chương năm 2025"
    assert (published.closes_on - published.opens_on).days == 9
    nomination = transition(nomination, A.WITHDRAW, by=officer_a)
    with pytest.raises(Exception, match="dự thảo hoặc bị trả lại"):
        notices.publish_notice(actor=officer_a, unit=commune_a, nominations=[nomination])


def test_a_notice_still_running_blocks_sending_again(officer_a, commune_a, nomination):
    first = _publish(officer_a, commune_a, nomination)
    with freeze_time(DAY + datetime.timedelta(days=12)):
        _publish(officer_a, commune_a, nomination, day=DAY + datetime.timedelta(days=12))
        with pytest.raises(Refused, match="đang công khai"):
            transition(nomination, A.SUBMIT, by=officer_a)

    assert first.closes_on < DAY + datetime.timedelta(days=12)
