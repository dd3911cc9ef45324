"""The e-publication: a unit assembles published pages into a booklet, a job renders it
to PDF and EPUB with progress, the showcase offers the downloads; a page unpublished takes
every booklet holding it off the public until it is rendered again without it."""

import io
import re
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from thidua.showcase import booklets, services
from thidua.showcase.models import Booklet, BookletJob

pytestmark = pytest.mark.django_db
FOREWORD = "Ấn phẩm giới thiệu những tấm gương tiêu biểu của xã An Phú."


@pytest.fixture
def booklet(published, officer_a, commune_a):
    return booklets.save_booklet(
        actor=officer_a,
        unit=commune_a,
        title="Gương sáng An Phú",
        foreword=FOREWORD,
        pages=[published],
    )


def test_the_officer_assembles_renders_and_publishes_a_booklet(
    client, officer_a, published, commune_a, django_capture_on_commit_callbacks
):
    client.force_login(officer_a)

    made = client.post(
        reverse("showcase_admin:booklet_create"),
        {
            "unit": commune_a.pk,
            "title": "Gương sáng An Phú",
            "foreword": FOREWORD,
            "pages": [published.pk],
        },
    )
    booklet = Booklet.objects.get()
    with django_capture_on_commit_callbacks(execute=True):  # the task runs (immediate backend)
        client.post(reverse("showcase_admin:booklet_render", args=[booklet.pk]))
    page = client.get(booklet.get_absolute_url()).content.decode()
    client.post(reverse("showcase_admin:booklet_public", args=[booklet.pk]), {"public": "1"})
    client.logout()
    listed = client.get(reverse("showcase:booklets")).content.decode()
    pdf = client.get(reverse("showcase:booklet_file", args=[booklet.token, "pdf"]))
    book = client.get(reverse("showcase:booklet_file", args=[booklet.token, "epub"]))

    assert made.status_code == 302
    assert BookletJob.objects.get().state == "done"
    assert "Tải PDF" in page
    assert "Gương sáng An Phú" in listed
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages
    )
    assert "GƯƠNG SÁNG AN PHÚ" in text
    # the contents give each exemplar's page, and the pages are numbered in the footer
    assert re.search(r"Người nông dân trồng lúa hữu cơ — Nguyễn Văn Ân\W*4", text)
    assert "Người nông dân trồng lúa hữu cơ" in text
    assert "Nguyễn Văn Ân" in text
    epub = zipfile.ZipFile(io.BytesIO(b"".join(book.streaming_content)))
    assert epub.read("mimetype") == b"application/epub+zip"
    chapters = " ".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    assert "Ông Ân chuyển 2 ha lúa sang canh tác hữu cơ." in chapters
    assert any(name.endswith(".jpg") for name in epub.namelist())


def test_a_page_unpublished_takes_the_booklet_off_the_public(
    client, booklet, published, officer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booklets.start_rendering(actor=officer_a, booklet=booklet)
    booklet.refresh_from_db()
    booklets.set_booklet_public(actor=officer_a, booklet=booklet, public=True)

    services.withdraw_consent(
        actor=officer_a, subject=published.exemplar.subject, note="Không muốn công khai"
    )

    booklet.refresh_from_db()
    assert (booklet.public, booklet.rendered_at, booklet.pdf.name) == (False, None, "")
    assert (
        client.get(reverse("showcase:booklet_file", args=[booklet.token, "pdf"])).status_code == 404
    )
    assert "Gương sáng An Phú" not in client.get(reverse("showcase:booklets")).content.decode()


def test_a_booklet_is_public_only_once_rendered(booklet, officer_a):
    with pytest.raises(Exception, match="Hãy tạo tệp PDF và EPUB trước"):
        booklets.set_booklet_public(actor=officer_a, booklet=booklet, public=True)


def test_a_sibling_officer_reaches_no_booklet(client, officer_b, booklet):
    client.force_login(officer_b)

    for name in ("booklet", "booklet_edit"):
        assert client.get(reverse(f"showcase_admin:{name}", args=[booklet.pk])).status_code == 404
    for name in ("booklet_render", "booklet_public"):
        assert client.post(reverse(f"showcase_admin:{name}", args=[booklet.pk])).status_code == 404
    assert (
        "Gương sáng An Phú" not in client.get(reverse("showcase_admin:booklets")).content.decode()
    )


def test_a_page_outside_the_unit_is_refused(booklet, published, officer_b, commune_b):
    with pytest.raises(Exception, match="không thuộc Xã Bình Minh"):
        booklets.save_booklet(
            actor=officer_b, unit=commune_b, title="Khác", foreword="x", pages=[published]
        )


def test_a_withdrawal_during_the_layout_throws_the_files_away(
    booklet, published, officer_a, monkeypatch, django_capture_on_commit_callbacks
):
    from thidua.showcase import booklet_render

    real = booklet_render.build_epub

    def withdrawn_meanwhile(*args):
        services.withdraw_consent(
            actor=officer_a, subject=published.exemplar.subject, note="Rút lại giữa chừng"
        )
        return real(*args)

    monkeypatch.setattr(booklet_render, "build_epub", withdrawn_meanwhile)
    with django_capture_on_commit_callbacks(execute=True):
        booklets.start_rendering(actor=officer_a, booklet=booklet)

    booklet.refresh_from_db()
    job = BookletJob.objects.get()
    assert (job.state, booklet.rendered_at, booklet.pdf.name) == ("invalid", None, "")
    assert "Ấn phẩm vừa thay đổi trong lúc dàn trang" in job.error


def test_an_evidence_photo_removed_leaves_the_public_and_the_booklets(
    client, booklet, published, officer_a, django_capture_on_commit_callbacks
):
    from thidua.exemplars import services as exemplar_services

    with django_capture_on_commit_callbacks(execute=True):
        booklets.start_rendering(actor=officer_a, booklet=booklet)
    photo = published.photos.get()
    url = reverse("showcase:photo", args=[photo.token, "lon"])
    assert client.get(url).status_code == 200

    exemplar_services.remove_evidence(
        actor=officer_a, evidence=photo.evidence, reason="Ảnh chụp nhà riêng"
    )

    booklet.refresh_from_db()
    assert client.get(url).status_code == 404
    assert not published.photos.exists()
    assert booklet.rendered_at is None


def test_editing_keeps_the_booklets_unit_and_its_scope(
    client, booklet, officer_a, commune_b, officer_b, published
):
    client.force_login(officer_b)
    theirs = client.post(
        reverse("showcase_admin:booklet_create"),
        {"unit": commune_b.pk, "title": "Khác", "foreword": "x", "pages": [published.pk]},
    )
    into_a = client.post(
        reverse("showcase_admin:booklet_create"),
        {"unit": booklet.unit_id, "title": "Khác", "foreword": "x", "pages": [published.pk]},
    )
    client.force_login(officer_a)
    client.post(
        reverse("showcase_admin:booklet_edit", args=[booklet.pk]),
        {"unit": commune_b.pk, "title": "Gương sáng", "foreword": "y", "pages": [published.pk]},
    )

    booklet.refresh_from_db()
    assert theirs.status_code == 400  # the sibling's pages are not offered
    assert into_a.status_code == 400  # nor a unit that is not theirs
    assert Booklet.objects.count() == 1
    assert (booklet.unit.name, booklet.title) == ("Xã An Phú", "Gương sáng")
