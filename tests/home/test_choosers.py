"""Choices among thousands are typed, not listed: the delegate page offers no exemplar as
an option, the chooser answers at most 20 matches in scope and under the page's unit, and
never a sibling's, a declined or a withdrawn exemplar."""

import pytest
from django.urls import reverse

from thidua.exemplars import services
from thidua.home import views
from thidua.workflow.engine import transition


@pytest.fixture
def many(officer_a, officer_b, commune_a, commune_b, field):
    made = []
    for n in range(25):
        person = services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                         name=f"Lò Văn Chiến {n}")  # fmt: skip
        made.append(services.create_exemplar(actor=officer_a, subject=person, field=field,
                                             title=f"Nuôi cá {n}", year_from=2024))  # fmt: skip
    stranger = services.create_subject(actor=officer_b, unit=commune_b, kind="individual",
                                       name="Lò Văn Chiến láng giềng")  # fmt: skip
    services.create_exemplar(actor=officer_b, subject=stranger, title="Nuôi cá B", field=field,
                             year_from=2024)  # fmt: skip
    transition(made[0], "decline", by=officer_a, reason="Chưa đạt")
    return made


def _suggest(client, kind, **params):
    return client.get(reverse("chooser", args=[kind]), {"ten": "exemplar", **params})


def test_the_chooser_answers_twenty_matches_in_scope(client, many, officer_a, commune_a):
    client.force_login(officer_a)

    answer = _suggest(client, "dien-hinh", exemplar__tim="lo van chien", trong=commune_a.pk)
    labels = answer.content.decode()

    assert labels.count("data-choose=") == views.SUGGESTIONS == 20
    assert "láng giềng" not in labels
    assert f'data-choose="{many[0].pk}"' not in labels  # declined: not offered


def test_a_sibling_gets_nothing_of_the_other_commune(client, many, officer_b, commune_a):
    client.force_login(officer_b)

    outside = _suggest(client, "dien-hinh", exemplar__tim="lo van chien", trong=commune_a.pk)
    own = _suggest(client, "dien-hinh", exemplar__tim="lo van chien")

    assert outside.status_code == 404
    assert "láng giềng" in own.content.decode()
    assert "Nuôi cá 3" not in own.content.decode()


def test_the_delegate_page_lists_no_exemplar_and_takes_a_chosen_one(
    client, many, conference, officer_a
):
    client.force_login(officer_a)
    url = reverse("conferences:delegates", args=[conference.pk])

    page = client.get(url).content.decode()
    client.post(url, {"exemplar": many[5].pk, "category": "exemplary"})

    assert "Nuôi cá 5" not in page  # no <option> for each exemplar of the subtree
    assert 'id="id_exemplar_tim"' in page
    assert conference.delegates.get().exemplar == many[5]


def test_a_declined_exemplar_cannot_be_posted_either(client, many, conference, officer_a):
    client.force_login(officer_a)

    client.post(reverse("conferences:delegates", args=[conference.pk]),
                {"exemplar": many[0].pk, "category": "exemplary"})  # fmt: skip

    assert not conference.delegates.exists()
