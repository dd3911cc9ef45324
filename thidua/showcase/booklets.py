"""Writes of the e-publication: a unit assembles a booklet of published pages, renders it
to PDF and EPUB (a job with progress), and makes it public on the showcase. A booklet
never carries a page that has left the public: when one is unpublished (a consent
withdrawn, above all), every booklet holding it loses its files and goes private until it
is rendered again without it (subscribers)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.files import release_files
from thidua.core.text import clean_text
from thidua.showcase import cache
from thidua.showcase.models import Booklet, BookletEntry, BookletJob, PublicationState

MAX_PAGES = 300


def _check_pages(unit, pages) -> list:
    if not pages:
        raise ValidationError({"pages": "Chọn ít nhất một gương điển hình đã công khai."})
    if len(pages) > MAX_PAGES:
        raise ValidationError({"pages": f"Một ấn phẩm có tối đa {MAX_PAGES} gương điển hình."})
    for page in pages:
        if page.state != PublicationState.PUBLISHED:
            raise ValidationError({"pages": f"«{page.headline}» không còn công khai."})
        if not page.exemplar.unit.path.startswith(unit.path):
            raise ValidationError({"pages": f"«{page.headline}» không thuộc {unit.name}."})
    return sorted(pages, key=lambda page: (page.place, page.exemplar.sort_name, page.pk))


@transaction.atomic
def save_booklet(*, actor, unit, title: str, foreword: str, pages, booklet=None) -> Booklet:
    """Create a booklet, or rewrite one: its old files go (it must be rendered again) and it
    leaves the public until then. Pages are ordered by place, then by name."""
    ordered = _check_pages(unit, list(pages))
    created = booklet is None
    booklet = booklet or Booklet(unit=unit, created_by=actor)
    booklet.title, booklet.foreword = clean_text(title).strip(), clean_text(foreword).strip()
    _forget_files(booklet)
    booklet.save()
    booklet.entries.all().delete()
    BookletEntry.objects.bulk_create(
        BookletEntry(booklet=booklet, publication=page, position=n)
        for n, page in enumerate(ordered, start=1)
    )
    record_event(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        target=booklet,
        scope_path=unit.path,
        note=f"{len(ordered)} gương điển hình",
    )
    cache.bump()
    return booklet


def _forget_files(booklet: Booklet) -> None:
    """Its files go and it leaves the public; a rendering under way is outdated."""
    release_files([booklet.pdf.name, booklet.epub.name])
    booklet.pdf, booklet.epub, booklet.rendered_at, booklet.public = "", "", None, False
    booklet.revision += 1


@transaction.atomic
def start_rendering(*, actor, booklet: Booklet) -> BookletJob:
    """Queue the booklet's PDF and EPUB."""
    total = booklet.entries.count() + 2  # the pages, then the PDF's layout and the EPUB
    job = BookletJob.objects.create(booklet=booklet, created_by=actor, total=total)
    record_event(
        actor=actor,
        action=Action.CREATE,
        target=job,
        scope_path=booklet.unit.path,
        note="Tạo tệp PDF và EPUB",
    )
    transaction.on_commit(job.enqueue)
    return job


@transaction.atomic
def set_booklet_public(*, actor, booklet: Booklet, public: bool) -> Booklet:
    """Show the booklet's downloads on the showcase, or take them off."""
    if public and not booklet.rendered_at:
        raise ValidationError("Hãy tạo tệp PDF và EPUB trước khi công khai ấn phẩm.")
    booklet.public = public
    booklet.save(update_fields=["public"])
    record_event(
        actor=actor,
        action=Action.UPDATE,
        target=booklet,
        scope_path=booklet.unit.path,
        changes={"public": [not public, public]},
    )
    cache.bump()
    return booklet


def withdraw_booklets_of(publication, *, reason: str) -> int:
    """Every booklet holding `publication` loses its files and goes private."""
    booklets = list(Booklet.objects.select_for_update().filter(pages=publication))
    for booklet in booklets:
        _forget_files(booklet)
        booklet.save(update_fields=["pdf", "epub", "rendered_at", "public", "revision"])
        record_event(
            actor=None,
            action=Action.UPDATE,
            target=booklet,
            scope_path=booklet.unit.path,
            note=reason[:255],
        )
    return len(booklets)
