import pytest

from thidua.accounts.models import User
from thidua.demo.seed import seed_demo
from thidua.units.models import EmulationGroup, GroupMembership, Unit
from thidua.units.selectors import visible_units


@pytest.mark.django_db
def test_seed_builds_the_demo_province_once():
    logins = seed_demo()
    counts = (Unit.objects.count(), EmulationGroup.objects.count(), GroupMembership.objects.count())

    again = seed_demo()

    assert again == logins
    assert (Unit.objects.count(), EmulationGroup.objects.count(),
            GroupMembership.objects.count()) == counts  # fmt: skip
    assert [u for u, _n, _w in logins] == [
        "quantri", "canbo.tinh", "canbo.daison", "canbo.tuky", "hoidong.tinh", "lanhdao.tinh",
        "hoidong.daison", "hoidong.daison2", "hoidong.daison3",
    ]  # fmt: skip


@pytest.mark.django_db
def test_seed_gives_the_sibling_officer_nothing_of_dai_son():
    seed_demo()
    dai_son = Unit.objects.get(code="11086")

    sibling = User.objects.get(username="canbo.tuky")

    assert not visible_units(sibling).filter(path__startswith=dai_son.path).exists()
    assert dai_son.predecessors.count() == 3
    block_9 = EmulationGroup.objects.get(kind="block", number=9)
    assert {(m.unit.kind, m.cadence, m.min_exemplars) for m in block_9.members.all()} == {
        ("armed_forces", "quarter", 3), ("hospital", "half_year", 2),
    }  # fmt: skip


@pytest.mark.django_db
def test_seed_has_exemplars_in_every_stage_with_evidence():
    from thidua.exemplars.models import Exemplar

    seed_demo()
    seed_demo()

    stages = sorted(Exemplar.objects.values_list("stage", flat=True))
    assert stages == ["declined", "discovered", "nurturing", "recognised", "replicating"]
    # the minutes for all; a photo too for the two published on the showcase
    assert sorted(e.evidence.count() for e in Exemplar.objects.all()) == [1, 1, 1, 2, 2]
    assert Exemplar.objects.get(stage="replicating").replications.count() == 2


@pytest.mark.django_db
def test_seed_publishes_the_recognised_exemplars_on_the_showcase(client):
    from django.urls import reverse

    from thidua.showcase.models import Publication

    seed_demo()
    seed_demo()

    pages = Publication.objects.filter(state="published")
    assert pages.count() == 2
    body = client.get(reverse("showcase:list")).content.decode()
    assert "Người nông dân đưa lúa hữu cơ về cánh đồng Đại Sơn" in body
    page = client.get(pages.get(name="Phạm Thị Thu Hằng").get_public_url())
    assert "Cô giáo dạy STEM bằng vật liệu tái chế" in page.content.decode()


@pytest.mark.django_db
def test_seed_shows_one_quarter_met_and_one_short_in_cluster_1():
    from django.utils import timezone

    from thidua.core.periods import period_containing
    from thidua.movements.models import Movement
    from thidua.quotas.selectors import compliance

    seed_demo()
    seed_demo()
    cluster = EmulationGroup.objects.get(kind="cluster", number=1, owner__code="31")
    last = period_containing("quarter", timezone.localdate()).previous()

    def dai_son(day):
        return next(r for r in compliance(cluster, day) if r.membership.unit.code == "11086")

    assert dai_son(last.previous().start).status_label == "Đạt"
    assert dai_son(last.start).status_label == "Thiếu 2"
    assert Movement.objects.count() == 3  # seeded twice, made once


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2026-12-02", "2027-06-30", "2027-11-30"])
def test_the_statistics_forms_open_on_this_years_figures(day):
    import datetime

    import time_machine

    from thidua.statistics.definitions import default_year, get_form
    from thidua.statistics.tables import failed_checks, fill
    from thidua.units.models import Unit

    with time_machine.travel(datetime.datetime.fromisoformat(f"{day}T09:00+07:00")):
        seed_demo()
        year = default_year(datetime.date.fromisoformat(day))
        city = fill(get_form("0603n-2023"), Unit.objects.get(code="31"), year)
        commune = fill(get_form("0601n-2023"), Unit.objects.get(code="11086"), year)

    assert city.value("01", "1") == 3  # two Bằng khen and a Chiến sĩ thi đua of the city
    assert city.value("09", "1") == 1  # a leader among them
    assert commune.value("11", "1") == 1  # the thematic movement of this year
    assert failed_checks(city) == failed_checks(commune) == []


@pytest.mark.django_db
def test_seed_has_plans_in_mixed_states_down_the_cascade():

    from thidua.plans.models import Plan
    from thidua.plans.selectors import board_counts, plan_tree

    seed_demo()
    seed_demo()

    province_plan = Plan.objects.get(symbol="115/KH-UBND")
    from django.utils import timezone

    counts = board_counts(province_plan, timezone.localdate())
    assert sorted(Plan.objects.values_list("status", flat=True)) == [
        "closed", "draft", "issued", "issued",
    ]  # fmt: skip
    assert [(depth, p.issuer.name) for depth, p in plan_tree(province_plan)] == [
        (1, "Xã Đại Sơn"), (1, "Xã Tứ Kỳ"),
    ]  # fmt: skip
    assert all(counts[status] for status in ("on_time", "late", "returned", "overdue"))
    assert province_plan.rule_sets.count() == 3
    assert Plan.objects.get(symbol="960/KH-UBND").milestones.count() == 2


@pytest.mark.django_db
def test_seed_has_conferences_in_every_status():
    from thidua.conferences.models import Conference
    from thidua.conferences.selectors import rollup

    seed_demo()
    seed_demo()

    by_status = sorted(Conference.objects.values_list("status", flat=True))
    assert by_status == ["approved", "draft", "draft", "held", "reported"]
    assert Conference.objects.filter(is_pilot=True, status="held").exists()
    dai_son = Conference.objects.get(unit__code="11086")
    assert dai_son.delegates.filter(origin_unit__in=dai_son.unit.predecessors.all()).exists()
    congress = Conference.objects.get(kind="congress")
    assert {row["quota"].unit.name: row["n"] for row in rollup(congress)}["Xã Đại Sơn"] == 10


@pytest.mark.django_db
def test_seed_has_the_commendation_round_in_progress():
    from thidua.awards.models import AwardRecord, CouncilMeeting, Decision, Nomination

    seed_demo()
    dai_son = Unit.objects.get(code="11086")
    states = set(Nomination.objects.values_list("state", flat=True))
    meeting = CouncilMeeting.objects.get(unit=dai_son)
    climbing = Nomination.objects.get(award__code="bang_khen_tinh")

    assert states >= {"draft", "submitted", "returned", "in_review", "approved", "rejected",
                      "decided", "withdrawn"}  # fmt: skip
    assert any(item.recused.exists() for item in meeting.items.all())
    assert Decision.objects.get(issuer=dai_son).state == "issued"
    assert AwardRecord.objects.filter(revoked_on__isnull=False).count() == 1
    assert AwardRecord.objects.filter(source="decision").count() == 2
    assert climbing.at_unit.code == "31"  # under review at the city
    public = Nomination.objects.get(award__code="hc_lao_dong_3").notices.get()
    assert public.comments.filter(state="open").count() == 1
    assert climbing.files.filter(kind="to_trinh").exists()
    years = set(AwardRecord.objects.values_list("year", flat=True))
    assert len(years) >= 5


@pytest.mark.django_db
@pytest.mark.parametrize("loaded_on", ["2026-12-02", "2028-03-15"])
def test_seed_is_dated_around_the_day_it_is_loaded(loaded_on, client):
    """Whenever it is loaded, the communes' window is open and no conference is late;
    deadlines passed are reminded, and seen as to-dos."""
    import datetime

    import time_machine

    from thidua.conferences.checks import check_conference
    from thidua.conferences.models import Conference
    from thidua.inbox.models import Notice
    from thidua.plans.models import Plan

    today = datetime.date.fromisoformat(loaded_on)
    with time_machine.travel(datetime.datetime.fromisoformat(f"{loaded_on}T08:00+07:00")):
        seed_demo()
        rules = Plan.objects.get(symbol="115/KH-UBND").rule_sets.get(name="Xã, phường, đặc khu")
        tu_ky = Conference.objects.get(unit__name="Xã Tứ Kỳ")
        officer = User.objects.get(username="canbo.tuky")
        client.force_login(officer)
        home = client.get("/").content.decode()
        late = [f.rule for c in Conference.objects.all() for f in check_conference(c)]

    assert today < tu_ky.held_on <= rules.window_end
    assert "late" not in late
    assert Conference.objects.get(kind="congress").held_on > rules.window_end
    assert Notice.objects.filter(user=officer, text__contains="đã quá hạn").exists()
    assert "Việc phải nộp" in home
    assert "Lý do: Thiếu chữ ký, đóng dấu" in home  # its plan, returned


@pytest.mark.django_db
def test_the_demo_cluster_has_a_signed_pact_with_mid_year_scores():
    from thidua.pacts.models import Pact, Scorecard

    seed_demo()
    seed_demo()

    pact = Pact.objects.get()
    card = Scorecard.objects.get()
    assert pact.state == "signed"
    assert pact.criteria.count() == 3
    assert (card.membership.unit.code, card.review, card.state) == ("11086", "mid", "submitted")


@pytest.mark.django_db
def test_the_demo_commune_was_inspected_and_owes_two_fixes():
    from thidua.inbox.selectors import acting_units, section
    from thidua.inspections.models import Inspection

    seed_demo()
    seed_demo()

    inspection = Inspection.objects.get()
    officer = User.objects.get(username="canbo.daison")
    owed = list(section(acting_units(officer), "khac-phuc").rows)
    assert (inspection.unit.code, inspection.state) == ("11086", "inspected")
    assert len(owed) == 2
