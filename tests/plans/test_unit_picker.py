"""Owing units and pilot units ticked in the tree picker (units.widgets.UnitTree)."""

import pytest
from django.urls import reverse

from tests.factories import UnitFactory
from tests.plans.test_draft_views import TEXT
from thidua.plans.models import Plan
from thidua.units.models import UnitKind
from thidua.units.widgets import MAX_TICKED

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client, read_plan, province_officer, province, commune_a, commune_b):
    client.force_login(province_officer)
    read_plan(province, "ke-hoach.txt", TEXT.encode())
    return Plan.objects.get()


def test_owing_units_are_ticked_in_the_tree(client, draft, commune_a, commune_b, village_a):
    milestone = draft.milestones.first()
    url = reverse("plans:milestone_units", args=[draft.pk, milestone.pk])

    page = client.get(url).content.decode()
    client.post(url, {"units": [commune_a.pk, village_a.pk], "codes": commune_b.code})

    assert "Đánh dấu tất cả ở cấp này" in page
    assert set(milestone.owing_units.all()) == {commune_a, commune_b, village_a}


def test_a_unit_outside_the_issuer_or_too_many_are_refused_and_the_ticks_kept(
    client, draft, commune_a, village_a
):
    outside = UnitFactory(name="Tỉnh Khác", kind=UnitKind.PROVINCE, parent=commune_a.parent.parent)
    url = reverse("plans:milestone_units", args=[draft.pk, draft.milestones.first().pk])

    refused = client.post(url, {"units": [village_a.pk, outside.pk]})
    too_many = client.post(url, {"units": [str(n) for n in range(1, MAX_TICKED + 2)]})

    assert "units" in refused.context["form"].errors
    assert f'value="{village_a.pk}" checked' in refused.content.decode()  # kept, branch open
    assert f"tối đa {MAX_TICKED}" in too_many.context["form"].errors["units"][0]
    assert not draft.milestones.first().owing_units.exists()


def test_pilot_units_are_ticked_in_the_tree_and_shown_ticked_again(client, draft, commune_b):
    rules = draft.rule_sets.get()
    edit = reverse("plans:rule_set_edit", args=[draft.pk, rules.pk])
    form = client.get(edit).context["form"]
    data = {**{k: v for k, v in form.initial.items() if v is not None},
            "window_end": "30/06/2026", "kinds": ["commune"], "share_tolerance_pct": "5",
            "allowed_forms_text": "Hội nghị tuyên dương điển hình tiên tiến\n",
            "pilot_units": [commune_b.pk]}  # fmt: skip
    data.pop("representation", None)

    saved = client.post(edit, data)
    again = client.get(edit).content.decode()

    assert saved.status_code == 302, saved.context["form"].errors
    assert list(rules.pilot_units.all()) == [commune_b]
    assert f'value="{commune_b.pk}" checked' in again
