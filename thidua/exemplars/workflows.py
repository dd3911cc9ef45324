"""The exemplar pipeline (sample 001: "Phát hiện – Bồi dưỡng – Tổng kết – Nhân rộng") as a
workflow: the officers of the exemplar's unit, or of a unit above it, move it. Refusing or
stopping a candidate, and reopening one, must be explained."""

from django.utils import timezone

from thidua.exemplars.enums import Stage, StageAction
from thidua.workflow.engine import Step, Workflow, register

S, A = Stage, StageAction


def _stamp(move) -> None:
    move.obj.stage_changed_at = timezone.now()


def _step(action: StageAction, sources, target, *, reason=False) -> Step:
    return Step(label=str(action.label), sources=tuple(sources), target=target, reason=reason,
                apply=_stamp)  # fmt: skip


EXEMPLAR = register(
    Workflow(
        name="exemplar", model="exemplars.Exemplar", field="stage", states=Stage,
        unit=lambda exemplar: exemplar.unit, noun="điển hình", related=("unit",),
        steps={
            A.NURTURE: _step(A.NURTURE, [S.DISCOVERED], S.NURTURING),
            A.RECOGNISE: _step(A.RECOGNISE, [S.NURTURING], S.RECOGNISED),
            A.REPLICATE: _step(A.REPLICATE, [S.RECOGNISED], S.REPLICATING),
            A.DECLINE: _step(A.DECLINE, [S.DISCOVERED, S.NURTURING], S.DECLINED, reason=True),
            A.WITHDRAW: _step(
                A.WITHDRAW, [S.DISCOVERED, S.NURTURING, S.RECOGNISED, S.REPLICATING],
                S.WITHDRAWN, reason=True,
            ),
            # A declined or withdrawn candidate starts again from discovery.
            A.REOPEN: _step(A.REOPEN, [S.DECLINED, S.WITHDRAWN], S.DISCOVERED, reason=True),
        },
    )
)  # fmt: skip
