"""The contest holds together under odd orders of events: a rejected story loses its prize
and the results stand once announced; a late second click, a stale page or a race with a
step changes nothing it should not; a photo sent twice, a failure half-way and a mistyped
score or story lose nothing; a line of the set-up form is read in linear time."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.contests.conftest import entry_data, make_contest
from tests.showcase.conftest import jpeg_with_gps
from thidua.contests import candidates, forms, services
from thidua.contests.models import Contest, Entry
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Evidence
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db


def _send(client, contest, **extra):
    return client.post(reverse("contest_public:contest", args=[contest.token]), entry_data(**extra))


def _judging(client, contest, officer, n=2):
    for i in range(n):
        _send(client, contest, title=f"Bài {i}")
    for entry in Entry.objects.all():
        transition(entry, "accept", by=officer)
    transition(contest, "close", by=officer)
    return Contest.objects.get(pk=contest.pk), list(Entry.objects.order_by("pk"))


def _fresh(contest):
    return Contest.objects.get(pk=contest.pk)


def test_a_rejected_story_loses_its_prize_and_another_takes_it(client, contest, officer_a):
    contest, (first, second) = _judging(client, contest, officer_a)
    top = contest.prizes.get(name="Giải Nhất")
    services.set_prizes(actor=officer_a, contest=contest, prizes={first.pk: top.pk})

    transition(first, "reject", by=officer_a, reason="Đạo văn")
    with pytest.raises(Refused, match="Chưa trao giải"):
        transition(_fresh(contest), "announce", by=officer_a)
    services.set_prizes(actor=officer_a, contest=contest, prizes={second.pk: top.pk})
    transition(_fresh(contest), "announce", by=officer_a)

    first.refresh_from_db()
    assert first.prize_id is None
    assert _fresh(contest).state == "announced"


def test_announced_results_stand(client, contest, officer_a, judges):
    contest, (first, second) = _judging(client, contest, officer_a)
    top = contest.prizes.get(name="Giải Nhất")
    services.set_prizes(actor=officer_a, contest=contest, prizes={first.pk: top.pk})
    stale = _fresh(contest)  # what a page loaded just before the announcement holds
    transition(_fresh(contest), "announce", by=officer_a)
    a, b = contest.criteria.all()

    with pytest.raises(Refused, match="đã công bố kết quả"):
        transition(first, "reject", by=officer_a, reason="Muộn")
    with pytest.raises(Exception, match="đang chấm"):
        services.set_prizes(actor=officer_a, contest=stale, prizes={second.pk: top.pk})
    with pytest.raises(Exception, match="đang chấm"):
        services.score_entry(judge=judges[0], entry=second, values={a.pk: 50, b.pk: 30})
    second.refresh_from_db()
    assert second.prize_id is None
    assert not second.scores.exists()


def test_a_prize_goes_to_no_more_stories_than_its_number(client, contest, officer_a):
    contest, (first, second) = _judging(client, contest, officer_a)
    top = contest.prizes.get(name="Giải Nhất")  # one prize

    with pytest.raises(Exception, match="chỉ có 1 giải, đang trao 2"):
        services.set_prizes(actor=officer_a, contest=contest,
                            prizes={first.pk: top.pk, second.pk: top.pk})  # fmt: skip

    assert not Entry.objects.filter(prize__isnull=False).exists()


def test_a_late_second_click_does_not_undo_an_acceptance(client, contest, officer_a):
    _send(client, contest)
    entry = Entry.objects.get()
    transition(entry, "ask_changes", by=officer_a, reason="Bổ sung nơi ở")
    stale = Entry.objects.get(pk=entry.pk)  # the author's page, loaded before the clicks
    services.resubmit_entry(entry=stale, **entry_data(title="Bà Mai và con đường"))
    transition(Entry.objects.get(pk=entry.pk), "accept", by=officer_a)

    with pytest.raises(Exception, match="không còn chờ sửa"):
        services.resubmit_entry(entry=stale, **entry_data(title="Sửa sau khi duyệt"))

    entry.refresh_from_db()
    assert (entry.state, entry.title) == ("accepted", "Bà Mai và con đường")


def test_changes_asked_during_judging_can_still_be_made(client, contest, officer_a):
    _send(client, contest)
    entry = Entry.objects.get()
    transition(contest, "close", by=officer_a)
    transition(entry, "ask_changes", by=officer_a, reason="Bổ sung nơi ở")

    page = client.post(reverse("contest_public:entry", args=[entry.secret]),
                       entry_data(person_place="Thôn Hai, xã An Phú"))  # fmt: skip

    entry.refresh_from_db()
    assert page.status_code == 302
    assert (entry.state, entry.person_place) == ("submitted", "Thôn Hai, xã An Phú")


def _photo(name, data):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_a_photo_sent_twice_is_one_piece_of_evidence(client, contest, officer_a, field):
    data = jpeg_with_gps((800, 600))
    _send(client, contest, photos=[_photo("a.jpg", data), _photo("b.jpg", data)])
    entry = Entry.objects.get()
    transition(entry, "accept", by=officer_a)

    exemplar = candidates.make_exemplar(actor=officer_a, entry=entry, field=field)

    assert exemplar.evidence.count() == 2  # the story and the one photo


def _stored_files() -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_failure_half_way_leaves_no_file_behind(client, contest, officer_a, field, monkeypatch):
    _send(client, contest, photos=[_photo("a.jpg", jpeg_with_gps((800, 600)))])
    entry = Entry.objects.get()
    transition(entry, "accept", by=officer_a)
    before = _stored_files()
    real, calls = exemplar_services.add_evidence, []

    def fails_second(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise exemplar_services.ValidationError("Hỏng giữa chừng.")
        return real(**kwargs)

    monkeypatch.setattr(exemplar_services, "add_evidence", fails_second)
    with pytest.raises(Exception, match="Hỏng giữa chừng"):
        candidates.make_exemplar(actor=officer_a, entry=entry, field=field)

    assert not Evidence.objects.exists()
    assert _stored_files() == before


def test_mistyped_stories_do_not_use_up_the_limit(client, contest, settings):
    settings.PUBLIC_STORIES_PER_HOUR = 2
    mistakes = [_send(client, contest, text="Ngắn quá.").status_code for _ in range(4)]
    sent = [_send(client, contest, title=f"Bài {n}").status_code for n in range(2)]

    over = _send(client, contest, title="Bài thứ ba trong giờ")

    assert mistakes == [400] * 4
    assert sent == [302, 302]
    assert over.status_code == 429
    assert "Bài thứ ba trong giờ" in over.content.decode()  # kept, to send later
    assert "nhiều bài trong một giờ" in over.content.decode()


def test_an_unreadable_photo_is_named_under_the_photos(client, contest):
    buffer = io.BytesIO()
    Image.new("1", (8_000, 8_000)).save(buffer, "PNG")  # 64 million pixels, a tiny file
    bomb = SimpleUploadedFile("bom.png", buffer.getvalue(), content_type="image/png")

    page = _send(client, contest, photos=[bomb])

    body = page.content.decode()
    assert page.status_code == 400
    assert "«bom.png»: Ảnh quá lớn" in body
    assert "Bà Mai quét đường làng" in body  # what was typed stays
    assert not Entry.objects.exists()


def test_a_judge_keeps_a_mistyped_row_and_its_cell_is_named(client, contest, officer_a, judges):
    contest, (first, second) = _judging(client, contest, officer_a)
    a, b = contest.criteria.all()
    client.force_login(judges[0])

    page = client.post(reverse("contests:judge", args=[contest.pk]), {
        f"s-{first.pk}-{a.pk}": "57", f"s-{first.pk}-{b.pk}": "x",
        f"s-{second.pk}-{a.pk}": "40", f"s-{second.pk}-{b.pk}": "30"})  # fmt: skip

    body = page.content.decode()
    assert page.status_code == 400
    assert 'value="57"' in body
    assert "«Bài 0», «Hình thức»: điểm phải là số nguyên" in body
    assert not first.scores.exists()
    assert second.scores.count() == 2  # the good row is saved


def test_an_officer_above_edits_a_communes_draft(client, province_officer, officer_a,
                                                 commune_a, judges):  # fmt: skip
    draft = make_contest(officer_a, commune_a, judges)
    client.force_login(province_officer)
    data = {"unit": commune_a.pk, "title": "Gương người tốt 2027", "rules": "Người thật.",
            "opens_on": "01/11/2026", "closes_on": "31/12/2026", "prizes": "Giải Nhất: 1",
            "criteria": "Nội dung: 100", "judges": [j.pk for j in judges]}  # fmt: skip

    answer = client.post(reverse("contests:edit", args=[draft.pk]), data)

    draft.refresh_from_db()
    assert answer.status_code == 302
    assert (draft.title, draft.unit) == ("Gương người tốt 2027", commune_a)
    assert set(draft.judges.all()) == set(judges)


@pytest.mark.parametrize(
    ("text", "rows"),
    [("Giải Nhất: 1\nGiải Nhì – 2", [("Giải Nhất", 1), ("Giải Nhì", 2)]),
     ("Giải: đặc biệt: 3", [("Giải: đặc biệt", 3)]),
     ("a" + " " * 3000 + "b", None), (": 5", None), ("Giải Ba: 0", None)],
)  # fmt: skip
def test_numbered_lines(text, rows):
    if rows is None:
        with pytest.raises(forms.forms.ValidationError, match="Dòng 1"):
            forms._numbered(text, "tên giải", 100)
    else:
        assert forms._numbered(text, "tên giải", 100) == rows


def test_the_set_up_form_refuses_an_overlong_list(client, officer_a, commune_a, judges):
    client.force_login(officer_a)

    page = client.post(reverse("contests:create"), {"prizes": "a" + " " * 40_000 + "b"})

    assert page.status_code == 400
    assert "4000" in page.content.decode() or "4.000" in page.content.decode()
