"""A publication's state as a workflow: the officers of the exemplar's unit (or above it)
publish it while the subject's consent stands and the exemplar is recognised (sample 001
publishes honoured exemplars), and unpublish it with a reason. Withdrawing consent
unpublishes through the same step (services.withdraw_consent)."""

from django.utils import timezone

from thidua.exemplars.enums import Stage
from thidua.showcase.models import Consent, PublicationState
from thidua.workflow.engine import Refused, Step, Workflow, register

S = PublicationState
# The stages in which an exemplar has been honoured and may be shown as one.
PUBLISHABLE = (Stage.RECOGNISED, Stage.REPLICATING)


def _consent_stands(move) -> None:
    """Locked: a withdrawal at the same moment waits for this publication, then takes it
    down; or this waits for the withdrawal, and finds no consent."""
    subject = move.obj.exemplar.subject
    standing = Consent.objects.select_for_update().filter(subject=subject, withdrawn_at=None)
    if standing.first() is None:
        raise Refused(f"Chưa ghi nhận sự đồng ý công khai của {subject.name}.", code="guard")


def _recognised(move) -> None:
    exemplar = move.obj.exemplar
    if exemplar.stage not in PUBLISHABLE:
        raise Refused(
            "Chỉ công khai điển hình đã được công nhận (giai đoạn «Tổng kết, tôn "
            f"vinh» hoặc «Nhân rộng»); điển hình này đang «"
            f"{exemplar.get_stage_display()}».",
            code="guard",
        )


def _stamp(move) -> None:
    move.obj.published_at = timezone.now()


PUBLICATION = register(
    Workflow(
        name="publication",
        model="showcase.Publication",
        field="state",
        states=S,
        unit=lambda publication: publication.exemplar.unit,
        noun="trang công khai",
        related=("exemplar__unit", "exemplar__subject"),
        steps={
            "publish": Step(
                "Công khai",
                (S.UNPUBLISHED,),
                S.PUBLISHED,
                guards=(_consent_stands, _recognised),
                apply=_stamp,
            ),
            "unpublish": Step("Thôi công khai", (S.PUBLISHED,), S.UNPUBLISHED, reason=True),
        },
    )
)
