"""Reads of the showcase: the public list and page (published pages only), and the
officer's view of one exemplar's consent and page."""

from django.db.models import Prefetch, Q
from django.http import Http404

from thidua.awards.models import AwardRecord
from thidua.core.search import word_filter
from thidua.movements.models import Movement, MovementStatus
from thidua.showcase.models import Consent, Publication, PublicationState, PublicPhoto
from thidua.units.models import Unit, UnitKind


def public_pages(*, province=None, field=None, movement=None, q: str = ""):
    """Published pages, newest first (keyset order, through the list's indexes)."""
    pages = Publication.objects.filter(state=PublicationState.PUBLISHED)
    if province is not None:
        pages = pages.filter(province=province)
    if field is not None:
        pages = pages.filter(field=field)
    if movement is not None:
        pages = pages.filter(exemplar__movements=movement)
    pages = word_filter(pages, "search_text", q)
    first_photo = PublicPhoto.objects.order_by("position", "pk")
    return (
        pages.select_related("field")
        .prefetch_related(Prefetch("photos", queryset=first_photo))
        .order_by("-published_at", "-id")
    )


def public_page(token: str) -> Publication:
    """A published page by its public token, or 404."""
    found = (
        Publication.objects.filter(token=token, state=PublicationState.PUBLISHED)
        .select_related("field", "exemplar")
        .first()
    )
    if found is None:
        raise Http404
    return found


def honours_of(page: Publication) -> dict:
    """What the public page lists as received: the recognitions of the exemplar and the
    awards of its subject that stand (a revoked award is not shown)."""
    recognitions = page.exemplar.recognitions.order_by("-on", "-pk")
    awards = AwardRecord.objects.filter(subject_id=page.exemplar.subject_id, revoked_on=None)
    return {"recognitions": list(recognitions), "awards": list(awards.order_by("-year", "pk"))}


def provinces_shown():
    """The provinces for the list's filter: the 34 in force (read from their own index;
    scanning the pages for the provinces that have one would grow with the showcase)."""
    return Unit.objects.filter(kind=UnitKind.PROVINCE, valid_to=None).order_by("sort_name")


def movements_shown(province=None, limit: int = 100):
    """The movements for the list's filter: those the nation or a province launched (the
    chosen province's, when one is), not yet closed; bounded, whatever the showcase's size."""
    launchers = Q(launched_by__kind=UnitKind.NATION)
    launchers |= (Q(launched_by=province) if province is not None
                  else Q(launched_by__kind=UnitKind.PROVINCE))  # fmt: skip
    movements = Movement.objects.filter(launchers).exclude(status=MovementStatus.CLOSED)
    return movements.order_by("name", "pk")[:limit]


def standing_consent(subject) -> Consent | None:
    return Consent.objects.filter(subject=subject, withdrawn_at=None).first()


def photo_of(token: str) -> PublicPhoto:
    """A photo of a published page, or 404."""
    found = PublicPhoto.objects.filter(
        token=token, publication__state=PublicationState.PUBLISHED
    ).first()
    if found is None:
        raise Http404
    return found
