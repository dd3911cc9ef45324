"""What other workflows' transitions mean for the showcase (registered in apps.py)."""

from django.dispatch import receiver

from thidua.core.files import release_files
from thidua.exemplars.enums import StageAction
from thidua.exemplars.events import evidence_removed
from thidua.showcase import cache
from thidua.showcase.models import Publication, PublicationState, PublicPhoto, public_token
from thidua.workflow.engine import subscribe, transition


@subscribe("exemplar", StageAction.DECLINE)
@subscribe("exemplar", StageAction.WITHDRAW)
def unpublish_with_the_exemplar(move) -> None:
    """An exemplar that is no longer a recognised one leaves the public at once."""
    page = Publication.objects.filter(exemplar=move.obj, state=PublicationState.PUBLISHED)
    for publication in page:
        label = move.step.label
        transition(
            publication,
            "unpublish",
            by=None,
            reason=f"Điển hình chuyển «{label}». {move.reason}".strip(),
        )
        cache.bump()


@subscribe("publication", "unpublish")
def withdraw_booklets(move) -> None:
    """A page unpublished leaves every booklet's files at once (booklets.withdraw_booklets_of)."""
    from thidua.showcase.booklets import withdraw_booklets_of  # noqa: PLC0415 -- app loading

    if withdraw_booklets_of(move.obj, reason=f"«{move.obj.headline}» thôi công khai."):
        cache.bump()


@receiver(evidence_removed)
def forget_public_copies(sender, *, evidence, reason: str, **kwargs) -> None:
    """A photo taken off the exemplar leaves the public with it: its public copies, and
    every booklet of that page (its PDF holds the photo) until it is rendered again."""
    from thidua.showcase.booklets import withdraw_booklets_of  # noqa: PLC0415 -- app loading

    copies = list(PublicPhoto.objects.filter(evidence=evidence).select_related("publication"))
    if not copies:
        return
    release_files([name for copy in copies for name in (copy.image.name, copy.thumb.name)])
    PublicPhoto.objects.filter(pk__in=[copy.pk for copy in copies]).delete()
    for page in {copy.publication for copy in copies}:
        withdraw_booklets_of(page, reason=f"Ảnh của «{page.headline}» đã bị gỡ: {reason}")
    cache.bump()


@subscribe("publication", "unpublish")
def new_photo_addresses(move) -> None:
    """The photos of a page taken down get new addresses: an old link, kept by a reader
    or a shared cache, does not work again when the page is published anew."""
    for photo in PublicPhoto.objects.filter(publication=move.obj):
        photo.token = public_token()
        photo.save(update_fields=["token"])
