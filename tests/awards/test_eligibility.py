"""The eligibility engine on boundary histories (LAW.md §1.7): every criterion answered
met, not met or unknown with its facts; consecutive years broken by a gap; ad-hoc and
revoked awards not counting; discipline blocking and the window restarting after it; the
rule switching at its validity date; caps; collectives' shares."""

import datetime

import pytest

from tests.sheets import numbered_rows
from thidua.awards import eligibility, history
from thidua.awards.eligibility import MET, NOT_MET, UNKNOWN
from thidua.awards.models import Award, AwardRecord, Block, Discipline, Initiative, Membership
from thidua.exemplars import services as exemplar_services

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def person(officer_a, commune_a):
    return exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                            name="Trần Văn Bình")  # fmt: skip


def _award(code):
    return Award.objects.get(code=code)


def give(actor, subject, code, *years, kind="merit"):
    for year in years:
        history.record_award(actor=actor, record=AwardRecord(
            subject=subject, award=_award(code), year=year, commendation_type=kind))  # fmt: skip


def rate(actor, subject, rating, *years):
    for year in years:
        history.rate_year(actor=actor, subject=subject, year=year, rating=rating)


def idea(actor, subject, on, scope=1):
    history.record_initiative(actor=actor, initiative=Initiative(
        subject=subject, title=f"Sáng kiến {on:%Y}", recognised_by="UBND xã", scope=scope,
        recognised_on=on))  # fmt: skip


def verdict(subject, code, year):
    return eligibility.evaluate(subject, _award(code), year)


def by_label(result, start):
    return next(f for f in result.findings if f.label.startswith(start))


def test_ldtt_needs_a_good_rating_and_says_so(officer_a, person):
    rate(officer_a, person, 3, 2025)
    rate(officer_a, person, 2, 2024)

    good, weak, none = verdict(person, "ldtt", 2025), verdict(person, "ldtt", 2024), verdict(
        person, "ldtt", 2023)  # fmt: skip

    assert good.status == MET
    assert weak.status == NOT_MET
    assert "Hoàn thành nhiệm vụ" in by_label(weak, "Xếp loại").facts
    assert none.status == UNKNOWN  # no rating: cannot be checked


def test_cstdcs_needs_the_ldtt_standard_and_an_initiative_until_the_law_changes(officer_a, person):
    rate(officer_a, person, 3, 2025, 2026)
    idea(officer_a, person, D(2025, 6, 1))
    idea(officer_a, person, D(2026, 6, 1))

    under_2022 = verdict(person, "cstdcs", 2025)
    under_2026 = verdict(person, "cstdcs", 2026)  # rule of 31/12/2026: excellent rating needed

    assert by_label(under_2022, "Đạt «Lao động tiên tiến»").status == MET  # meets its standard
    assert by_label(under_2022, "Ít nhất 1 sáng kiến").status == MET
    assert by_label(under_2026, "Xếp loại năm 2026").status == NOT_MET
    assert "Hoàn thành xuất sắc" in by_label(under_2026, "Xếp loại năm 2026").label


def test_a_gap_year_breaks_consecutive_and_ad_hoc_or_revoked_awards_do_not_count(officer_a, person):
    give(officer_a, person, "cstdcs", 2022, 2024, 2025)
    give(officer_a, person, "cstdcs", 2023, kind="ad_hoc")
    idea(officer_a, person, D(2025, 3, 1), scope=2)

    gap = by_label(verdict(person, "cstd_tinh", 2025), "03 năm liên tục")
    revoked = AwardRecord.objects.create(
        subject=person,
        unit=person.unit,
        award=_award("cstdcs"),
        year=2023,
        title="Chiến sĩ thi đua cơ sở",
        decision_number="7/QĐ",
        revoked_on=D(2025, 1, 1),
    )
    still_gap = by_label(verdict(person, "cstd_tinh", 2025), "03 năm liên tục")
    revoked.revoked_on = None
    revoked.save()
    whole = by_label(verdict(person, "cstd_tinh", 2025), "03 năm liên tục")

    assert gap.status == NOT_MET
    assert "thiếu 2023" in gap.facts
    assert still_gap.status == NOT_MET
    assert whole.status == MET
    assert whole.facts == "«Chiến sĩ thi đua cơ sở» 2023, 2024, 2025."


def test_discipline_blocks_its_year_and_the_window_restarts_after_it(officer_a, person):
    give(officer_a, person, "cstdcs", 2023, 2024, 2025, 2026)
    idea(officer_a, person, D(2025, 3, 1), scope=2)
    rate(officer_a, person, 3, 2024)
    history.record_discipline(actor=officer_a, discipline=Discipline(
        subject=person, sanction=1, starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31)))  # fmt: skip

    that_year = by_label(verdict(person, "ldtt", 2024), "Không bị kỷ luật")
    after = by_label(verdict(person, "cstd_tinh", 2026), "03 năm liên tục")
    give(officer_a, person, "cstdcs", 2027)
    restarted = by_label(verdict(person, "cstd_tinh", 2027), "03 năm liên tục")

    assert that_year.status == NOT_MET
    assert "Khiển trách 01/03/2024–31/08/2024" in that_year.facts
    assert after.status == NOT_MET  # 2024 does not count: only 2025, 2026 after it
    assert "thiếu 2024" in after.facts
    assert restarted.status == MET


def test_a_blocked_subject_is_not_eligible_until_lifted(officer_a, person):
    rate(officer_a, person, 4, 2025)
    block = history.block_subject(actor=officer_a, block=Block(
        subject=person, reason="investigation", since=D(2025, 1, 1)))  # fmt: skip

    blocked = verdict(person, "ldtt", 2025)
    history.lift_block(actor=officer_a, block=block, on=D(2025, 12, 1))

    assert by_label(blocked, "Không bị tạm dừng").status == NOT_MET
    assert verdict(person, "ldtt", 2025).status == MET


def test_the_cstdcs_cap_is_15_percent_of_the_units_ldtt(officer_a, commune_a, person):
    people = [exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name=f"Người {n}")
              for n in range(14)]  # fmt: skip
    for someone in people:
        give(officer_a, someone, "ldtt", 2025)
    rate(officer_a, person, 3, 2025)
    idea(officer_a, person, D(2025, 5, 1))

    under = by_label(verdict(person, "cstdcs", 2025), "Tối đa 15 %")  # 15 % of 14 → 2
    give(officer_a, people[0], "cstdcs", 2025)
    give(officer_a, people[1], "cstdcs", 2025)
    full = by_label(verdict(person, "cstdcs", 2025), "Tối đa 15 %")

    assert (under.status, under.facts) == (MET, "Đã có 0/2 (=15 % của 14).")
    assert (full.status, full.facts) == (NOT_MET, "Đã có 2/2 (=15 % của 14).")


def test_a_collectives_shares_of_its_members(officer_a, commune_a):
    team = exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="collective",
                                            name="Tổ sản xuất")  # fmt: skip
    members = [exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                                kind="individual", name=f"Thành viên {n}")
               for n in range(10)]  # fmt: skip
    unknown = verdict(team, "ttldtt", 2025)
    for member in members:
        Membership.objects.create(collective=team, member=member, year=2025)
        rate(officer_a, member, 3, 2025)
    give(officer_a, team, "ttldtt", 2025)
    for member in members[:5]:
        give(officer_a, member, "ldtt", 2025)
    half = verdict(team, "ttldtt", 2025)
    for member in members[5:7]:
        give(officer_a, member, "ldtt", 2025)
    give(officer_a, members[0], "cstdcs", 2025)
    excellent = verdict(team, "ttldxs", 2025)

    assert by_label(unknown, "Trên 50 %").status == UNKNOWN  # no member list yet
    assert by_label(half, "Trên 50 %").status == NOT_MET  # exactly half is not more than half
    assert by_label(half, "Trên 50 %").facts == "5/10 thành viên (50 %)."
    assert excellent.status == MET, [(f.label, f.facts) for f in excellent.findings]
    assert verdict(members[0], "ttldtt", 2025).status == NOT_MET  # not for an individual


def test_a_unit_is_evaluated_in_a_fixed_number_of_queries(
    officer_a, commune_a, django_assert_max_num_queries
):
    for n in range(30):
        someone = exemplar_services.create_subject(
            actor=officer_a, unit=commune_a, kind="individual", name=f"Cán bộ {n}"
        )
        rate(officer_a, someone, 3 + n % 2, 2025)
    with django_assert_max_num_queries(12):
        verdicts, more = eligibility.eligible_in(commune_a, _award("cstdcs"), 2025)

    assert (len(verdicts), more) == (30, False)
    assert {v.status for v in verdicts} == {NOT_MET}  # no initiative recorded


def test_the_who_is_eligible_page_lists_the_units_subjects_with_reasons(
    client, officer_a, officer_b, commune_a, person
):
    rate(officer_a, person, 3, 2025)
    client.force_login(officer_a)
    url = "/khen-thuong/du-dieu-kien/"

    page = client.get(url, {"don_vi": commune_a.pk, "danh_hieu": "ldtt", "nam": "2025"})
    only_met = client.get(url, {"don_vi": commune_a.pk, "danh_hieu": "ldtt", "nam": "2025",
                                "hien": "not_met"})  # fmt: skip
    client.force_login(officer_b)
    sibling = client.get(url, {"don_vi": commune_a.pk, "danh_hieu": "ldtt", "nam": "2025"})

    assert page.status_code == 200
    assert [v.subject for v in page.context["verdicts"]] == [person]
    assert "Xếp loại năm 2025 từ «Hoàn thành tốt nhiệm vụ» trở lên" in page.content.decode()
    assert only_met.context["verdicts"] == []
    assert sibling.status_code == 404


def test_the_exemplar_checklist_reads_excellent_collective_every_year(officer_a, commune_a, field):
    from thidua.exemplars import criteria

    team = exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="collective",
                                            name="Hợp tác xã Rau sạch")  # fmt: skip
    exemplar = exemplar_services.create_exemplar(
        actor=officer_a, subject=team, title="Rau", field=field, year_from=2022, year_to=2024
    )
    check = exemplar.checks.select_related("criterion", "exemplar__subject").get(
        criterion__auto_check="excellent_collective_every_year")  # fmt: skip
    give(officer_a, team, "ttldxs", 2022, 2024)

    missing = criteria.evaluate(check)
    give(officer_a, team, "ttldxs", 2023)

    assert missing is False
    assert criteria.evaluate(check) is True


def test_the_api_explains_a_verdict_in_scope_only(client, officer_a, officer_b, person):
    rate(officer_a, person, 2, 2025)
    client.force_login(officer_a)
    mine = client.get(f"/api/v1/subjects/{person.pk}/eligibility",
                      {"award": "ldtt", "year": 2025}).json()  # fmt: skip
    client.force_login(officer_b)
    sibling = client.get(f"/api/v1/subjects/{person.pk}/eligibility",
                         {"award": "ldtt", "year": 2025})  # fmt: skip

    assert mine["status"] == "not_met"
    assert mine["findings"][0]["facts"] == "Năm 2025: Hoàn thành nhiệm vụ."
    assert sibling.status_code == 404


def test_the_cap_counts_the_rounds_standing_nominations_too(officer_a, commune_a, person):
    from thidua.awards import nominations

    people = [exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name=f"Người {n}")
              for n in range(7)]  # fmt: skip
    for someone in people:  # 7 nominated for LĐTT this round: 15 % of 7 → 1 CSTĐCS
        nominations.create_nomination(actor=officer_a, unit=commune_a, subject=someone,
                                      award=_award("ldtt"), year=2025)  # fmt: skip
    rate(officer_a, person, 3, 2025)
    idea(officer_a, person, D(2025, 5, 1))
    before = by_label(verdict(person, "cstdcs", 2025), "Tối đa 15 %")
    nominations.create_nomination(actor=officer_a, unit=commune_a, subject=people[0],
                                  award=_award("cstdcs"), year=2025)  # fmt: skip
    after = by_label(verdict(person, "cstdcs", 2025), "Tối đa 15 %")

    assert (before.status, before.facts) == (MET, "Đã có 0/1 (=15 % của 7).")
    assert (after.status, after.facts) == (NOT_MET, "Đã có 1/1 (=15 % của 7).")


def test_the_eligible_list_exports_and_a_long_one_is_a_job(
    client, officer_a, officer_b, commune_a, person, settings, django_capture_on_commit_callbacks
):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    from thidua.exports.models import ExportJob

    rate(officer_a, person, 3, 2025)
    for n in range(3):
        exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                         name=f"Người {n}")  # fmt: skip
    client.force_login(officer_a)
    url = reverse("awards:eligible_export", args=["xlsx"])
    query = {"don_vi": commune_a.pk, "danh_hieu": "ldtt", "nam": "2025"}
    inline = client.get(url, query)
    settings.EXPORT_INLINE_ROWS = 2
    with django_capture_on_commit_callbacks(execute=True):
        started = client.get(url, query)
    job = ExportJob.objects.get()
    client.force_login(officer_b)
    sibling = client.get(url, query)

    sheet = load_workbook(io.BytesIO(inline.content)).active
    rows = numbered_rows(sheet)
    by_name = {row[1]: row for row in rows}
    assert by_name["Trần Văn Bình"][3] == "Đủ điều kiện"
    assert "✓ Xếp loại năm 2025" in by_name["Trần Văn Bình"][4]
    assert by_name["Người 0"][3] == "Cần cán bộ xem xét"
    assert started["Location"] == job.get_absolute_url()
    assert (job.state, job.total) == ("done", 4)
    assert sibling.status_code == 404
