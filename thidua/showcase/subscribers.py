"""What other workflows' transitions mean for the showcase (registered in apps.py)."""

from thidua.exemplars.enums import StageAction
from thidua.showcase import cache
from thidua.showcase.models import Publication, PublicationState
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
