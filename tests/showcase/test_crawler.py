"""An anonymous visitor follows every link of every public page (the showcase, a public
notice, certificate verification): each answers without a login, and none leads to a page
behind it, an officer's page or a private file (issue 14, part 6)."""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from tests.contests.conftest import make_contest
from tests.showcase.conftest import more_pages
from thidua.awards.models import PublicNotice
from thidua.certificates import services as certificate_services
from thidua.certificates.models import Certificate
from thidua.showcase import booklets
from thidua.workflow.engine import transition

pytestmark = pytest.mark.django_db
PUBLIC = ("/guong-dien-hinh/", "/xac-minh/", "/cong-khai/", "/guong-nguoi-tot/")
LINK = re.compile(r'(?:href|src|action|content)="([^"#]*)"')


def _links(body: str, base: str) -> list[str]:
    """Every address of the page on this site, relative ones («?sau=…») made whole."""
    found = []
    for raw in LINK.findall(body):
        link = raw.replace("&amp;", "&")
        if not link.startswith(("/", "?", "http://testserver/")):
            continue  # another site, or not an address (a meta tag's text)
        parts = urlsplit(urljoin(base, link))
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith("/static/"):
            found.append(path)
    return found


def crawl(client, start: list[str], limit: int = 300) -> tuple[set[str], list[str]]:
    queue, seen, wrong = list(start), set(), []
    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or not url.startswith(PUBLIC):
            wrong.append(f"{url} → {response.status_code} {response.get('Location', '')}")
            continue
        if response["Content-Type"].startswith("text/html"):
            queue.extend(_links(response.content.decode(), url))
    return seen, wrong


def test_every_public_link_stays_public(
    client, published, issued, commune_a, officer_a, django_capture_on_commit_callbacks
):
    booklet = booklets.save_booklet(
        actor=officer_a,
        unit=commune_a,
        title="Gương sáng",
        foreword="Lời giới thiệu.",
        pages=[published],
    )
    with django_capture_on_commit_callbacks(execute=True):
        booklets.start_rendering(actor=officer_a, booklet=booklet)
    booklet.refresh_from_db()
    booklets.set_booklet_public(actor=officer_a, booklet=booklet, public=True)
    certificate_services.number_certificates(decision=issued)
    more_pages(published, 30)  # more than a page of the list: its «Trang sau» is followed
    contest = transition(make_contest(officer_a, commune_a, [officer_a]), "launch", by=officer_a)
    code = Certificate.objects.first().code
    notice = PublicNotice.objects.create(
        unit=commune_a,
        title="Công khai danh sách đề nghị",
        opens_on=datetime.date(2026, 11, 20),
        closes_on=datetime.date(2026, 12, 20),
    )
    start = [
        reverse("showcase:list"),
        published.get_public_url(),
        notice.get_public_url(),
        reverse("public:verify", args=[code]),
        reverse("public:verify_form"),
        contest.get_public_url(),
    ]

    seen, wrong = crawl(client, start)

    assert wrong == []
    photo = published.photos.get()
    assert reverse("showcase:photo", args=[photo.token, "nho"]) in seen
    assert reverse("showcase:booklet_file", args=[booklet.token, "epub"]) in seen
    assert not any(url.startswith("/media/") for url in seen)
    assert any("?sau=" in url for url in seen)
    assert len(seen) >= 7
