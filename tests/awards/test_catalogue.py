"""The commendation catalogue as dated data: the version in force at a date, rewards from
the base salary then, the seed's certainty from LAW.md, corrections by the administrator
only, audited, and intervals that never overlap."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from thidua.audit.models import AuditEvent
from thidua.awards import selectors, services
from thidua.awards.loader import load_catalogue
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary

pytestmark = pytest.mark.django_db
D = datetime.date


def _award(code):
    return Award.objects.get(code=code)


def test_the_rule_in_force_switches_on_its_validity_date():
    cstdcs = _award("cstdcs")

    before = selectors.rule_on(cstdcs, D(2026, 9, 30))
    after = selectors.rule_on(cstdcs, D(2026, 10, 1))

    assert "Lao động tiên tiến" in before.criteria
    assert "hoàn thành xuất sắc nhiệm vụ" in after.criteria
    assert (before.certainty, after.certainty) == ("verified", "secondary")
    assert selectors.rule_on(cstdcs, D(2023, 12, 31)) is None  # before the Law 2022


def test_rewards_are_the_multiple_of_the_base_salary_in_force():
    rule = selectors.rule_on(_award("cstd_tq"), D(2025, 8, 1))
    salary = selectors.base_salary_on(D(2025, 8, 1))

    assert (rule.reward_multiple, salary.amount) == (Decimal("4.50"), 2_340_000)
    assert selectors.reward_amount(rule, salary) == 10_530_000
    assert selectors.reward_amount(selectors.rule_on(_award("co_tinh"), D(2025, 8, 1)),
                                   salary) is None  # unknown: not guessed  # fmt: skip


def test_the_seed_keeps_the_legal_references_markers():
    co_tinh = selectors.rule_on(_award("co_tinh"), D(2025, 8, 1))
    old = selectors.rule_on(_award("ldtt"), D(2024, 6, 1))

    assert (co_tinh.reward_multiple, co_tinh.certainty) == (None, "unverified")
    assert (old.reward_multiple, old.certainty) == (None, "unverified")  # ND 98/2023 amounts
    assert BaseSalary.objects.filter(certainty="unverified").count() == 2


def test_district_authority_ends_with_the_district_level(province, commune_a):
    before = {a.code for a in selectors.grantable_by(commune_a, D(2025, 6, 30))}
    after = {a.code for a in selectors.grantable_by(commune_a, D(2025, 8, 1))}

    district_rows = AwardAuthority.objects.filter(issuer_kind="district")
    inherited = AwardAuthority.objects.filter(issuer_kind="commune", valid_from=D(2025, 7, 1))

    assert before == {"ldtt", "giay_khen", "gia_dinh_van_hoa"}
    assert after == before | {"cstdcs", "ttldtt", "thon_van_hoa"}
    assert {row.certainty for row in inherited} == {"unverified"}  # LAW.md §1.6: not verified
    assert district_rows.exists()
    assert all(row.valid_to == D(2025, 7, 1) for row in district_rows)


def test_loading_again_adds_nothing_and_keeps_corrections(site_admin):
    rule = selectors.rule_on(_award("ldtt"), D(2025, 8, 1))
    rule.reward_objects = "Giấy chứng nhận"
    services.save_rule(actor=site_admin, rule=rule)

    created = load_catalogue(Award, AwardRule, AwardAuthority, BaseSalary)

    assert set(created.values()) == {0}
    rule.refresh_from_db()
    assert rule.reward_objects == "Giấy chứng nhận"


def test_the_command_keeps_a_version_emptied_on_purpose(site_admin):
    rule = selectors.rule_on(_award("cstd_tq"), D(2025, 8, 1))
    rule.documents, rule.notice_days, rule.checks = [], None, []
    services.save_rule(actor=site_admin, rule=rule)

    call_command("load_award_catalogue", stdout=io.StringIO())

    rule.refresh_from_db()
    assert (rule.documents, rule.notice_days, rule.checks) == ([], None, [])


def test_a_new_version_closes_the_one_in_force_and_both_are_audited(site_admin):
    award = _award("ldtt")
    current = selectors.rule_on(award, D(2026, 1, 1))

    new = services.add_rule_version(actor=site_admin, award=award, valid_from=D(2027, 1, 1),
                                    reward_multiple=Decimal("0.4"))  # fmt: skip
    current.refresh_from_db()

    assert current.valid_to == D(2027, 1, 1)
    assert (new.valid_to, new.criteria, new.reward_multiple) == (None, current.criteria,
                                                                 Decimal("0.4"))  # fmt: skip
    assert selectors.rule_on(award, D(2027, 1, 1)) == new
    events = AuditEvent.objects.filter(target_type="awards.awardrule").order_by("pk")
    assert [e.action for e in events] == ["update", "create"]
    assert events[0].changes["valid_to"] == [None, "2027-01-01"]


def test_overlapping_intervals_are_refused(site_admin):
    rule = selectors.rule_on(_award("ldtt"), D(2024, 6, 1))
    rule.valid_to = D(2026, 1, 1)  # runs into the ND 152/2025 version

    with pytest.raises(ValidationError, match="Trùng thời gian"):
        services.save_rule(actor=site_admin, rule=rule)
    with pytest.raises(ValidationError, match="Đã có quy định"):
        services.add_rule_version(actor=site_admin, award=rule.award, valid_from=D(2025, 7, 1))


def test_a_new_base_salary_ends_the_open_one(site_admin):
    services.save_base_salary(actor=site_admin, salary=BaseSalary(
        amount=2_530_000, valid_from=D(2026, 7, 1), legal_basis="Nghị định thử",
        certainty="unverified"))  # fmt: skip

    assert selectors.base_salary_on(D(2026, 6, 30)).amount == 2_340_000
    assert selectors.base_salary_on(D(2026, 7, 1)).amount == 2_530_000


def test_everyone_reads_the_catalogue_only_the_administrator_corrects_it(
    client, officer_a, site_admin
):
    rule = selectors.rule_on(_award("ldtt"), D(2025, 8, 1))
    edit = reverse("awards:rule_edit", args=["ldtt", rule.pk])
    client.force_login(officer_a)
    page = client.get(reverse("awards:catalogue"), {"ngay": "01/08/2025"})
    refused = client.post(edit, {"legal_basis": "x"})
    client.force_login(site_admin)
    form = client.get(edit)

    assert page.status_code == 200
    assert "702.000 đồng" in page.content.decode()  # 0.3 × 2.340.000
    assert refused.status_code == 403
    assert form.status_code == 200


def test_the_administrators_correction_keeps_what_was_typed_when_refused(client, site_admin):
    rule = selectors.rule_on(_award("ldtt"), D(2025, 8, 1))
    edit = reverse("awards:rule_edit", args=["ldtt", rule.pk])
    client.force_login(site_admin)
    data = {"valid_from": "01/07/2025", "valid_to": "", "periods": ["annual"],
            "commendation_types": ["merit"], "reward_multiple": "0.35",
            "legal_basis": "Nghị định 152/2025/NĐ-CP", "certainty": "verified",
            "criteria": "Hoàn thành tốt nhiệm vụ."}  # fmt: skip

    bad = client.post(edit, {**data, "valid_from": "31/02/2025"})
    saved = client.post(edit, data)
    rule.refresh_from_db()

    assert "dd/mm/yyyy" in bad.context["form"].errors["valid_from"][0]
    assert bad.context["form"]["reward_multiple"].value() == "0.35"
    assert saved.status_code == 302
    assert (rule.reward_multiple, rule.certainty) == (Decimal("0.35"), "verified")
    event = AuditEvent.objects.filter(target_type="awards.awardrule").latest("pk")
    assert event.changes["reward_multiple"] == ["0.30", "0.35"]


def test_catalogue_queries_do_not_grow_with_awards(client, officer_a, django_assert_num_queries):
    client.force_login(officer_a)
    with django_assert_num_queries(6):
        client.get(reverse("awards:catalogue"))
    for n in range(5):
        award = Award.objects.create(code=f"thu-{n}", name=f"Thử {n}", category="form")
        AwardRule.objects.create(award=award, valid_from=D(2024, 1, 1), legal_basis="x",
                                 certainty="unverified")  # fmt: skip
    with django_assert_num_queries(6):
        client.get(reverse("awards:catalogue"))


def test_the_api_gives_the_catalogue_at_a_date(client, officer_a):
    client.force_login(officer_a)

    awards = client.get("/api/v1/awards", {"on": "2026-10-01"}).json()
    salaries = client.get("/api/v1/base-salaries").json()
    by_code = {award["code"]: award for award in awards}

    assert by_code["xa_tieu_bieu"]["rule"]["name"] == "Xã, phường, đặc khu tiêu biểu"
    assert by_code["cstd_tq"]["reward_amount"] == 10_530_000
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in [
        a["issuer_title"] for a in by_code["ldtt"]["authorities"]]  # fmt: skip
    assert [s["amount"] for s in salaries] == [2_340_000, 1_800_000]


def test_the_administrator_sets_a_levels_processing_limit(client, officer_a, site_admin):
    from thidua.awards.models import ProcessingLimit

    limit = ProcessingLimit.objects.get(level="commune")
    url = reverse("awards:limit_edit", args=[limit.pk])
    client.force_login(officer_a)
    listed = client.get(reverse("awards:limits"))
    refused = client.post(url, {"days": "5"})
    client.force_login(site_admin)
    saved = client.post(url, {"level": "commune", "days": "7", "working_days": "on",
                              "valid_from": "01/01/2024", "legal_basis": "Quyết định thử",
                              "certainty": "verified"})  # fmt: skip
    limit.refresh_from_db()

    assert "10 ngày làm việc" in listed.content.decode()
    assert (refused.status_code, saved.status_code) == (403, 302)
    assert (limit.days, limit.certainty) == (7, "verified")
    assert AuditEvent.objects.filter(target_type="awards.processinglimit").exists()
