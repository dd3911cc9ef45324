"""Scoring and ranking a pact (issue 16, part 3): totals are points × weights, ties broken
by the stated rule; a card is sent once every criterion is scored; an adjustment needs its
reason and the head never adjusts its own card; the ranking is published once every member
has sent its card; before that a member sees only its own card, after it everyone's."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import _person
from tests.factories import UnitFactory
from tests.pacts.test_pacts import CRITERIA, SIGNING, _member, cluster  # noqa: F401
from thidua.accounts.models import Role
from thidua.pacts import scoring, services
from thidua.pacts.models import CardState, Ranking, RankingState, Scorecard
from thidua.units.models import UnitKind
from thidua.workflow.engine import Refused, transition

pytestmark = pytest.mark.django_db
# Weights 2, 1, 1.5 (CRITERIA); maximum 40, 30, 30.
SCORES = {"Xã An Phú": ("40", "30", "20"),  # 80 + 30 + 30 = 140
          "Xã Bình Minh": ("35", "30", "30"),  # 70 + 30 + 45 = 145
          "Xã Cẩm Giàng": ("35", "30", "26,67")}  # 70 + 30 + 40.005 ≈ 140.01  # fmt: skip


@pytest.fixture
def pact(cluster):  # noqa: F811
    made = services.open_pact(actor=None, group=cluster, year=2025)
    services.save_criteria(actor=None, pact=made, rows=CRITERIA)
    return transition(made, "sign", by=None, data=SIGNING)


def _scored(pact, name, send=True, values=None):
    card = scoring.card_of(pact, _member(pact.group, name), "year")
    criteria = list(pact.criteria.all())
    points = {c.pk: v for c, v in zip(criteria, values or SCORES[name], strict=True)}
    scoring.save_self_scores(actor=None, card=card, points=points)
    return transition(card, "submit", by=None) if send else card


def test_totals_weigh_the_points(pact):
    for name in SCORES:
        _scored(pact, name)

    rows = scoring.ranked(pact, "year")

    assert [(r["rank"], r["unit"], r["total"]) for r in rows] == [
        (1, "Xã Bình Minh", "145"),
        (2, "Xã Cẩm Giàng", "140,005"),
        (3, "Xã An Phú", "140"),
    ]


def test_an_equal_total_goes_to_the_better_first_criterion_then_the_name(pact):
    tied = {"Xã An Phú": ("35", "25", "30"),  # 140, 70 on the first criterion
            "Xã Bình Minh": ("35", "25", "30"),  # as An Phú in every criterion: by name
            "Xã Cẩm Giàng": ("40", "30", "20")}  # 140, 80 on the first: above both  # fmt: skip
    for name, values in tied.items():
        _scored(pact, name, values=values)

    rows = scoring.ranked(pact, "year")

    assert [(r["unit"], r["total"]) for r in rows] == [
        ("Xã Cẩm Giàng", "140"),
        ("Xã An Phú", "140"),
        ("Xã Bình Minh", "140"),
    ]


def test_a_card_is_sent_only_when_every_criterion_is_scored(pact):
    card = scoring.card_of(pact, _member(pact.group, "Xã An Phú"), "mid")
    first = pact.criteria.first()
    scoring.save_self_scores(actor=None, card=card, points={first.pk: "30"})

    with pytest.raises(Refused, match="Còn 2 tiêu chí chưa chấm"):
        transition(card, "submit", by=None)
    with pytest.raises(ValidationError, match="điểm từ 0 đến 40"):
        scoring.save_self_scores(actor=None, card=card, points={first.pk: "41"})


def test_an_adjustment_needs_a_reason_and_the_head_never_adjusts_its_own(
    pact, client, officer_a, officer_b, province_officer
):
    own = _scored(pact, "Xã An Phú")  # the head's card
    theirs = _scored(pact, "Xã Bình Minh")
    line = theirs.lines.first()

    with pytest.raises(ValidationError, match="lý do"):
        scoring.adjust_score(actor=None, line=line, points="10", reason=" ")
    client.force_login(officer_a)  # the head
    adjusted = client.post(reverse("pacts:card_adjust", args=[theirs.pk, line.pk]),
                           {"points": "30", "reason": "Chưa đủ minh chứng"})  # fmt: skip
    refused = client.post(reverse("pacts:card_adjust", args=[own.pk, own.lines.first().pk]),
                          {"points": "40", "reason": "Tự nâng"})  # fmt: skip
    client.force_login(officer_b)  # another member: may not adjust
    member = client.post(reverse("pacts:card_adjust", args=[theirs.pk, line.pk]),
                         {"points": "35", "reason": "x"})  # fmt: skip

    line.refresh_from_db()
    assert adjusted.status_code == 302
    assert (line.self_points, line.adjusted_points) == (Decimal("35.00"), Decimal("30.00"))
    assert line.adjust_reason == "Chưa đủ minh chứng"
    assert refused.status_code == 403
    assert member.status_code == 403


def test_the_ranking_is_published_once_everyone_has_sent(pact, province_officer):
    _scored(pact, "Xã An Phú")
    _scored(pact, "Xã Bình Minh")
    _scored(pact, "Xã Cẩm Giàng", send=False)
    ranking = scoring.ranking_of(pact, "year")

    with pytest.raises(Refused, match="Mới có 2/3 thành viên gửi điểm"):
        transition(ranking, "publish", by=province_officer)
    transition(Scorecard.objects.get(membership__unit__name="Xã Cẩm Giàng"), "submit", by=None)
    published = transition(ranking, "publish", by=province_officer)

    assert published.state == RankingState.PUBLISHED
    assert published.rows[0]["unit"] == "Xã Bình Minh"
    line = Scorecard.objects.get(membership__unit__name="Xã An Phú").lines.first()
    with pytest.raises(ValidationError, match="trước khi công bố"):
        scoring.adjust_score(actor=None, line=line, points="1", reason="Muộn")
    with pytest.raises(Refused, match="(?i)lý do"):
        transition(published, "withdraw", by=province_officer)


def test_a_member_sees_only_its_own_card_until_the_ranking_is_published(
    pact, client, officer_b, province_officer
):
    theirs = _scored(pact, "Xã An Phú")
    _scored(pact, "Xã Bình Minh")
    _scored(pact, "Xã Cẩm Giàng")
    client.force_login(officer_b)
    url = reverse("pacts:card", args=[theirs.pk])

    before = client.get(url).status_code
    page = client.get(reverse("pacts:review", args=[pact.pk, "year"])).content.decode()
    transition(scoring.ranking_of(pact, "year"), "publish", by=province_officer)
    after = client.get(url).status_code

    assert before == 404
    assert "Xã An Phú</a>" not in page
    assert "Xã Bình Minh</a>" in page
    assert after == 200


def test_a_unit_outside_the_group_sees_no_card(pact, client, province):
    card = _scored(pact, "Xã An Phú")
    outsider = UnitFactory(parent=province, name="Xã Ngoài", kind=UnitKind.COMMUNE)
    client.force_login(_person(outsider, Role.OFFICER, "ngoai"))

    assert client.get(reverse("pacts:card", args=[card.pk])).status_code == 404
    assert client.get(reverse("pacts:review", args=[pact.pk, "year"])).status_code == 404


def test_every_state_and_action_pair_of_cards_and_rankings(pact, province_officer):
    card = _scored(pact, "Xã An Phú", send=False)
    expected = {("draft", "submit"): "submitted", ("submitted", "return"): "draft"}
    for state in CardState.values:
        for action in ("submit", "return"):
            Scorecard.objects.filter(pk=card.pk).update(state=state)
            current = Scorecard.objects.get(pk=card.pk)
            if (state, action) in expected:
                moved = transition(current, action, by=province_officer, reason="Chấm lại")
                assert moved.state == expected[(state, action)]
            else:
                with pytest.raises(Refused):
                    transition(current, action, by=province_officer, reason="x")
    ranking = scoring.ranking_of(pact, "mid")
    Ranking.objects.filter(pk=ranking.pk).update(state="published")
    with pytest.raises(Refused):
        transition(Ranking.objects.get(pk=ranking.pk), "publish", by=province_officer)
    moved = transition(Ranking.objects.get(pk=ranking.pk), "withdraw", by=province_officer,
                       reason="Chấm lại")  # fmt: skip
    assert moved.state == "open"


def test_a_member_scores_and_sends_through_the_pages(pact, client, officer_b):
    client.force_login(officer_b)
    membership = _member(pact.group, "Xã Bình Minh")

    client.post(reverse("pacts:card_start", args=[pact.pk, "year", membership.pk]))
    card = Scorecard.objects.get(membership=membership)
    criteria = list(pact.criteria.all())
    wrong = client.post(
        reverse("pacts:card_scores", args=[card.pk]),
        {f"points_{criteria[0].pk}": "99", "note": "Báo cáo kèm theo"},
    )
    client.post(
        reverse("pacts:card_scores", args=[card.pk]),
        {f"points_{c.pk}": v for c, v in zip(criteria, ("35", "30", "30"), strict=True)},
    )
    client.post(reverse("pacts:card_action", args=[card.pk, "submit"]))

    assert wrong.status_code == 400
    assert 'value="99"' in wrong.content.decode()
    assert "Báo cáo kèm theo" in wrong.content.decode()
    assert Scorecard.objects.get(pk=card.pk).state == "submitted"


def test_the_year_proposes_the_flag_and_bang_khen_into_the_inbox(pact, province_officer):
    from thidua.awards.models import Nomination
    from thidua.inbox.selectors import acting_units, section

    for name in SCORES:
        _scored(pact, name)
    mid = scoring.card_of(pact, _member(pact.group, "Xã An Phú"), "mid")
    assert mid.state == "draft"  # the mid-year review has its own cards

    transition(scoring.ranking_of(pact, "year"), "publish", by=province_officer)

    proposed = {n.subject.name: n for n in Nomination.objects.select_related("award")}
    flag = proposed["Xã Bình Minh"]  # ranked first
    assert (flag.award.code, flag.unit, flag.state) == ("co_tinh", pact.group.owner, "draft")
    assert flag.subject.kind == "collective"
    assert {proposed[n].award.code for n in ("Xã Cẩm Giàng", "Xã An Phú")} == {"bang_khen_tinh"}
    drafts = section(acting_units(province_officer), "de-nghi-du-thao").rows
    assert set(drafts) == set(proposed.values())  # in the standing body's inbox


def test_a_new_own_score_replaces_the_adjustment_made_to_the_old(pact):
    card = _scored(pact, "Xã Bình Minh")
    line = card.lines.get(criterion__position=1)
    scoring.adjust_score(actor=None, line=line, points="10", reason="Thiếu minh chứng")
    card = transition(card, "return", by=None, reason="Chấm lại tiêu chí 1")

    scoring.save_self_scores(actor=None, card=card, points={line.criterion_id: "20"})

    line.refresh_from_db()
    assert (line.points, line.adjusted_points, line.adjust_reason) == (Decimal("20.00"), None, "")


def test_the_head_sees_the_cards_sent_not_the_drafts(pact, client, officer_a):
    draft = _scored(pact, "Xã Bình Minh", send=False)
    sent = _scored(pact, "Xã Cẩm Giàng")
    client.force_login(officer_a)  # Xã An Phú heads the cluster this year

    assert client.get(reverse("pacts:card", args=[draft.pk])).status_code == 404
    assert client.get(reverse("pacts:card", args=[sent.pk])).status_code == 200


def test_withdrawing_the_ranking_takes_back_its_draft_flag_nomination(pact, province_officer):
    from thidua.awards.models import Nomination

    for name in SCORES:
        _scored(pact, name)
    ranking = transition(scoring.ranking_of(pact, "year"), "publish", by=province_officer)
    assert Nomination.objects.count() == 3  # the flag and two Bằng khen (pact.commended)

    transition(ranking, "withdraw", by=province_officer, reason="Sai điểm của một xã")

    assert Nomination.objects.count() == 0


@pytest.fixture
def voting(cluster):  # noqa: F811
    made = services.open_pact(actor=None, group=cluster, year=2025, rank_by="vote", commended=1)
    services.save_criteria(actor=None, pact=made, rows=CRITERIA)
    return transition(made, "sign", by=None, data=SIGNING)


def test_votes_rank_first_then_the_scores(voting, province_officer):
    for name in SCORES:  # by points: Bình Minh, Cẩm Giàng, An Phú
        _scored(voting, name)
    ranking = scoring.ranking_of(voting, "year")
    members = {m.unit.name: m for m in voting.group.members.select_related("unit")}
    with pytest.raises(ValidationError, match="chính đơn vị mình"):
        scoring.cast_vote(actor=None, ranking=ranking, voter=members["Xã An Phú"],
                          choice=members["Xã An Phú"])  # fmt: skip
    for voter, choice in [("Xã An Phú", "Xã Cẩm Giàng"), ("Xã Bình Minh", "Xã Cẩm Giàng")]:
        scoring.cast_vote(actor=None, ranking=ranking, voter=members[voter],
                          choice=members[choice])  # fmt: skip
    with pytest.raises(Refused, match="Mới có 2/3 thành viên bỏ phiếu"):
        transition(ranking, "publish", by=province_officer)
    scoring.cast_vote(actor=None, ranking=ranking, voter=members["Xã Cẩm Giàng"],
                      choice=members["Xã An Phú"])  # fmt: skip

    published = transition(ranking, "publish", by=province_officer)

    assert [(r["unit"], r["votes"]) for r in published.rows] == [
        ("Xã Cẩm Giàng", 2), ("Xã An Phú", 1), ("Xã Bình Minh", 0)]  # fmt: skip


def test_a_pact_ranked_by_score_takes_no_vote(pact):
    _scored(pact, "Xã An Phú")
    members = list(pact.group.members.all())

    with pytest.raises(ValidationError, match="theo điểm"):
        scoring.cast_vote(actor=None, ranking=scoring.ranking_of(pact, "year"),
                          voter=members[0], choice=members[1])  # fmt: skip


def test_the_government_flag_for_the_first_and_a_vote_through_the_page(
    voting, client, officer_b, province_officer
):
    from thidua.awards.models import Nomination

    for name in SCORES:
        _scored(voting, name)
    members = {m.unit.name: m for m in voting.group.members.select_related("unit")}
    client.force_login(officer_b)
    url = reverse("pacts:vote", args=[voting.pk, members["Xã Bình Minh"].pk])
    bad = client.post(url, {"choice": "²"})
    client.post(url, {"choice": members["Xã An Phú"].pk})
    ranking = scoring.ranking_of(voting, "year")
    for voter, choice in [("Xã An Phú", "Xã Cẩm Giàng"), ("Xã Cẩm Giàng", "Xã An Phú")]:
        scoring.cast_vote(actor=None, ranking=ranking, voter=members[voter],
                          choice=members[choice])  # fmt: skip
    transition(ranking, "publish", by=province_officer)
    client.force_login(province_officer)
    client.post(reverse("pacts:government_flag", args=[voting.pk]))

    assert bad.status_code == 302  # refused with a message, no 500
    assert ranking.votes.get(voter=members["Xã Bình Minh"]).choice == members["Xã An Phú"]
    codes = sorted(Nomination.objects.values_list("award__code", "subject__name"))
    assert codes == [("bang_khen_tinh", "Xã Cẩm Giàng"), ("co_cp", "Xã An Phú"),
                     ("co_tinh", "Xã An Phú")]  # fmt: skip


def test_a_member_attaches_evidence_its_peers_see_only_after_publication(
    pact, client, officer_b, officer_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.plans.helpers import PDF

    card = scoring.card_of(pact, _member(pact.group, "Xã Bình Minh"), "year")
    client.force_login(officer_b)
    url = reverse("pacts:card_file", args=[card.pk])
    client.post(url, {"file": SimpleUploadedFile("bao-cao.pdf", PDF)})
    client.post(url, {"file": SimpleUploadedFile("virus.pdf", b"MZ\x90 not a pdf")})
    row = card.files.get()
    download = reverse("pacts:card_file_download", args=[card.pk, row.pk])
    own = client.get(download)
    client.force_login(_person(pact.group.members.get(unit__name="Xã Cẩm Giàng").unit,
                               Role.OFFICER, "cam_giang"))  # fmt: skip

    assert row.name == "bao-cao.pdf"
    assert own.status_code == 200
    assert client.get(download).status_code == 404  # another member, before publication


def test_the_head_collects_the_cards_sent_in_its_inbox(pact, officer_a, province_officer):
    from thidua.inbox.selectors import acting_units, section

    sent = _scored(pact, "Xã Bình Minh")
    _scored(pact, "Xã Cẩm Giàng", send=False)

    def waiting():
        return list(section(acting_units(officer_a), "giao-uoc-diem").rows)

    assert waiting() == [sent]  # Xã An Phú heads the cluster
    _scored(pact, "Xã An Phú")
    transition(Scorecard.objects.get(membership__unit__name="Xã Cẩm Giàng"), "submit", by=None)
    transition(scoring.ranking_of(pact, "year"), "publish", by=province_officer)
    assert waiting() == []
