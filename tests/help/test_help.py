"""Help where the work is: a Vietnamese page per area with the legal basis of its rules,
reached from every page of that area by the menu's «Trợ giúp»."""

import pytest
from django.urls import reverse

from thidua.help.pages import PAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.slug)
def test_every_help_page_opens_with_its_legal_basis(client, page):
    response = client.get(reverse("help:page", args=[page.slug]))

    text = response.content.decode()
    assert response.status_code == 200  # open before logging in: it holds no one's data
    assert page.title in text
    assert "Căn cứ pháp lý" in text
    assert "số " in text.split("Căn cứ pháp lý", 1)[1]  # names a document by its number


@pytest.mark.parametrize(("name", "slug"), [
    ("units:tree", "don-vi"), ("units:group_list", "don-vi"), ("exemplars:list", "dien-hinh"),
    ("exemplars:subject_list", "dien-hinh"), ("movements:list", "phong-trao"),
    ("plans:list", "ke-hoach"), ("plans:my_obligations", "ke-hoach"),
    ("conferences:list", "hoi-nghi"), ("awards:catalogue", "khen-thuong"),
    ("awards:decisions", "khen-thuong"),
])  # fmt: skip
def test_each_areas_pages_link_to_its_help(client, officer_a, name, slug):
    client.force_login(officer_a)

    page = client.get(reverse(name), follow=True).content.decode()

    assert f'<a href="/tro-giup/{slug}/" title=' in page


def test_a_page_of_no_area_links_to_the_index_and_an_unknown_page_is_404(client, officer_a):
    client.force_login(officer_a)

    home = client.get(reverse("home")).content.decode()
    index = client.get(reverse("help:index")).content.decode()

    assert '<a href="/tro-giup/" title="Trợ giúp">Trợ giúp</a>' in home
    assert all(reverse("help:page", args=[page.slug]) in index for page in PAGES)
    assert client.get("/tro-giup/khong-co/").status_code == 404
