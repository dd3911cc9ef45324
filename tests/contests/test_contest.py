"""The writing contest: set up and launched by the unit's officers; a visitor sends a story
with no account (honeypot, limit per address, size and type checks, CSRF); the officer
accepts, rejects or asks for changes; judges score on their own accounts; prizes are
announced on the public page; an accepted story becomes an exemplar candidate."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.contests.conftest import entry_data, make_contest
from tests.showcase.conftest import jpeg_with_gps
from thidua.contests import candidates, services
from thidua.contests.models import Contest, Entry
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db


def _send(client, contest, **extra):
    return client.post(reverse("contest_public:contest", args=[contest.token]), entry_data(**extra))


def test_the_officer_sets_up_a_contest_line_by_line(client, officer_a, commune_a, judges):
    client.force_login(officer_a)
    form = {
        "unit": commune_a.pk,
        "title": "Gương người tốt",
        "rules": "Thể lệ.",
        "opens_on": "01/11/2026",
        "closes_on": "31/12/2026",
        "categories": "Bút ký",
        "prizes": "Giải Nhất: 1\nGiải Nhì",
        "criteria": "Nội dung: 60",
        "judges": [judges[0].pk],
    }

    refused = client.post(reverse("contests:create"), form)
    made = client.post(reverse("contests:create"), {**form, "prizes": "Giải Nhất: 1\nGiải Nhì: 2"})

    assert "Dòng 2 («Giải Nhì»): viết «tên giải: số»" in refused.content.decode()
    assert "Thể lệ." in refused.content.decode()
    contest = Contest.objects.get()
    assert made.status_code == 302
    assert [(p.name, p.count) for p in contest.prizes.all()] == [("Giải Nhất", 1), ("Giải Nhì", 2)]


def test_launching_needs_criteria_and_judges(officer_a, commune_a):
    draft = make_contest(officer_a, commune_a, [], criteria=[])

    with pytest.raises(Refused, match="Cần có tiêu chí chấm và giám khảo"):
        transition(draft, "launch", by=officer_a)


def test_a_visitor_sends_a_story_with_photos_without_an_account(client, contest):
    photo = SimpleUploadedFile("ba-mai.jpg", jpeg_with_gps(), content_type="image/jpeg")

    sent = _send(client, contest, photos=[photo], category=contest.categories.first().pk)

    entry = Entry.objects.get()
    assert sent["Location"] == reverse("contest_public:entry", args=[entry.secret])
    assert (entry.state, entry.person_name, entry.category.name) == (
        "submitted",
        "Lò Thị Mai",
        "Bút ký",
    )
    with entry.photos.get().image.open("rb") as handle:
        data = handle.read()
    assert not Image.open(io.BytesIO(data)).getexif()
    page = client.get(sent["Location"]).content.decode()
    assert "Chờ duyệt" in page


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"website": "http://spam.example"}, "Không gửi được bài."),
        ({"text": "Ngắn quá."}, "Bài viết: Giá trị này phải có ít nhất 200 kí tự"),
        ({"text": "x" * 20_001}, "Bài viết: Giá trị này chỉ có tối đa 20000 kí tự"),
        (
            {"photos": [SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 not an image")]},
            "Tệp «anh.jpg» không phải ảnh JPEG, PNG hay WebP.",
        ),
        ({"agree": ""}, "Trường này là bắt buộc"),
    ],
)
def test_bad_or_robotic_stories_are_refused_keeping_what_was_typed(client, contest, extra, message):
    response = _send(client, contest, **extra)

    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert "Nguyễn Thị Lan" in body
    assert not Entry.objects.exists()


def test_stories_are_limited_per_address(client, contest, settings):
    settings.PUBLIC_STORIES_PER_HOUR = 2

    answers = [_send(client, contest, title=f"Bài {n}").status_code for n in range(3)]

    assert answers == [302, 302, 429]
    assert Entry.objects.count() == 2


def test_the_form_needs_its_csrf_token(contest):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(reverse("contest_public:contest", args=[contest.token]), entry_data())

    assert response.status_code == 403
    assert not Entry.objects.exists()


def test_a_draft_or_closed_contest_takes_no_story(client, officer_a, commune_a, judges, contest):
    draft = make_contest(officer_a, commune_a, judges)
    contest = transition(contest, "close", by=officer_a)

    assert client.get(reverse("contest_public:contest", args=[draft.token])).status_code == 404
    assert "Gửi bài dự thi" not in client.get(contest.get_public_url()).content.decode()
    with pytest.raises(Exception, match="không nhận bài"):
        services.submit_entry(
            contest=contest, **{k: v for k, v in entry_data().items() if k != "agree"}
        )


def test_changes_asked_are_made_by_the_author_and_sent_again(client, contest, officer_a):
    _send(client, contest)
    entry = Entry.objects.get()
    client.force_login(officer_a)
    client.post(
        reverse("contests:entry_action", args=[contest.pk, entry.pk, "ask_changes"]),
        {"reason": "Xin bổ sung tên thôn"},
    )
    client.logout()
    mine = reverse("contest_public:entry", args=[entry.secret])

    page = client.get(mine).content.decode()
    client.post(mine, {**entry_data(), "person_place": "Thôn Hai, xã An Phú"})

    entry.refresh_from_db()
    assert "Xin bổ sung tên thôn" in page
    assert (entry.state, entry.person_place) == ("submitted", "Thôn Hai, xã An Phú")


def test_rejecting_needs_a_reason(client, contest, officer_a):
    _send(client, contest)
    entry = Entry.objects.get()
    client.force_login(officer_a)

    page = client.post(
        reverse("contests:entry_action", args=[contest.pk, entry.pk, "reject"]),
        {"reason": ""},
        follow=True,
    )

    entry.refresh_from_db()
    assert entry.state == "submitted"
    assert "Cần ghi lý do" in page.content.decode()


def _accepted(client, contest, officer, n=2):
    for i in range(n):
        _send(client, contest, title=f"Bài {i}")
    for entry in Entry.objects.all():
        transition(entry, "accept", by=officer)
    transition(contest, "close", by=officer)
    return list(Entry.objects.order_by("pk"))


def test_judges_score_on_their_own_accounts_and_the_ranking_averages(
    client, contest, officer_a, judges, officer_b
):
    first, second = _accepted(client, contest, officer_a)
    a, b = contest.criteria.all()
    url = reverse("contests:judge", args=[contest.pk])
    client.force_login(judges[0])
    client.post(
        url,
        {
            f"s-{first.pk}-{a.pk}": "50",
            f"s-{first.pk}-{b.pk}": "30",
            f"s-{second.pk}-{a.pk}": "40",
            f"s-{second.pk}-{b.pk}": "20",
        },
    )
    too_high = client.post(
        url, {f"s-{first.pk}-{a.pk}": "61", f"s-{first.pk}-{b.pk}": "0"}, follow=True
    )
    client.force_login(judges[1])
    client.post(url, {f"s-{second.pk}-{a.pk}": "50", f"s-{second.pk}-{b.pk}": "40"})
    client.force_login(officer_b)
    stranger = client.get(url)

    from thidua.contests.selectors import ranking

    # Bài 1: (60 + 90) / 2 judges = 75, below Bài 0's 80 (a sum would put it first)
    assert [(e.title, e.average) for e in ranking(contest)] == [("Bài 0", 80.0), ("Bài 1", 75.0)]
    assert "«Nội dung»: điểm từ 0 đến 60." in too_high.content.decode()
    assert stranger.status_code == 404


def test_prizes_are_announced_on_the_public_page(client, contest, officer_a):
    first, second = _accepted(client, contest, officer_a)
    prize = contest.prizes.first()
    client.force_login(officer_a)
    client.post(reverse("contests:prizes", args=[contest.pk]), {f"g-{first.pk}": prize.pk})
    client.post(reverse("contests:action", args=[contest.pk, "announce"]))
    client.logout()

    page = client.get(contest.get_public_url()).content.decode()

    contest.refresh_from_db()
    assert contest.state == "announced"
    assert "Giải Nhất:</strong> «Bài 0» của Nguyễn Thị Lan" in page
    assert "0912 345 678" not in page  # the author's contact is never public


def test_an_accepted_story_becomes_an_exemplar_candidate(client, contest, officer_a, field):
    photo = SimpleUploadedFile("ba-mai.jpg", jpeg_with_gps(), content_type="image/jpeg")
    _send(client, contest, photos=[photo])
    entry = Entry.objects.get()
    transition(entry, "accept", by=officer_a)
    client.force_login(officer_a)

    made = client.post(
        reverse("contests:to_exemplar", args=[contest.pk, entry.pk]), {"field": field.pk}
    )
    again = client.post(
        reverse("contests:to_exemplar", args=[contest.pk, entry.pk]),
        {"field": field.pk},
        follow=True,
    )

    entry.refresh_from_db()
    exemplar = entry.exemplar
    assert made["Location"] == exemplar.get_absolute_url()
    assert (exemplar.stage, exemplar.subject.name, exemplar.unit) == (
        "discovered",
        "Lò Thị Mai",
        contest.unit,
    )
    assert sorted(e.kind for e in exemplar.evidence.all()) == ["image", "pdf"]
    assert "Bài này đã thành điển hình." in again.content.decode()
    page = client.get(exemplar.get_absolute_url()).content.decode()
    assert f'<a href="{entry.get_absolute_url()}">Bài dự thi «Bà Mai quét đường làng»</a>' in page
    assert candidates.story_pdf(entry)[:4] == b"%PDF"


@pytest.mark.parametrize(
    "name",
    ["detail", "judge", "entry", "entry_photo", "action", "entry_action", "prizes", "to_exemplar"],
)
def test_a_sibling_officer_reaches_no_contest(client, contest, officer_b, name):
    photo = SimpleUploadedFile("ba-mai.jpg", jpeg_with_gps(), content_type="image/jpeg")
    _send(client, contest, photos=[photo])
    entry = Entry.objects.get()
    args = {
        "detail": [contest.pk],
        "judge": [contest.pk],
        "prizes": [contest.pk],
        "action": [contest.pk, "close"],
        "entry": [contest.pk, entry.pk],
        "entry_photo": [contest.pk, entry.pk, entry.photos.get().pk],
        "entry_action": [contest.pk, entry.pk, "accept"],
        "to_exemplar": [contest.pk, entry.pk],
    }[name]
    client.force_login(officer_b)
    url = reverse(f"contests:{name}", args=args)

    response = (
        client.get(url) if name in {"detail", "judge", "entry", "entry_photo"} else client.post(url)
    )

    assert response.status_code == 404
