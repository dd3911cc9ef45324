"""The exemplar pipeline (sample 001: "Phát hiện – Bồi dưỡng – Tổng kết – Nhân rộng") as a
workflow: the officers of the exemplar's unit, or of a unit above it, move it. Refusing or
stopping a candidate, and reopening one, must be explained. Recognising needs every required
criterion met and records the recognition itself (level, occasion, date, decision) in the
same step, from the move's `data`."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import Truncator

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.text import clean_text
from thidua.exemplars.criteria import unmet_required
from thidua.exemplars.enums import RecognitionLevel, Stage, StageAction
from thidua.exemplars.models import Recognition
from thidua.workflow.engine import Step, Workflow, register

S, A = Stage, StageAction


def _stamp(move) -> None:
    move.obj.stage_changed_at = timezone.now()


def _step(action: StageAction, sources, target, *, reason=False, **extra) -> Step:
    return Step(label=str(action.label), sources=tuple(sources), target=target, reason=reason,
                **{"apply": _stamp, **extra})  # fmt: skip


def _criteria_met(move) -> None:
    if unmet := unmet_required(move.obj):
        # The first words name each item; the checklist on the page has it in full.
        items = "; ".join(f"«{Truncator(check.criterion.text.rstrip('.')).words(8)}»"
                          for check in unmet)  # fmt: skip
        raise ValidationError(f"Chưa đạt {len(unmet)} tiêu chí bắt buộc: {items}.")


def _recognition_given(move) -> None:
    """The recognition the step records: a level of the list, an occasion and a date (the
    decision's number is optional: a conference's honour has none)."""
    data, errors = move.data, []
    if data.get("level") not in RecognitionLevel.values:
        errors.append("Chọn cấp công nhận.")
    if not clean_text(str(data.get("occasion") or "")).strip():
        errors.append("Nhập dịp, hình thức công nhận.")
    if not isinstance(data.get("on"), datetime.date):
        errors.append("Nhập ngày công nhận (ngày/tháng/năm).")
    elif data["on"] > timezone.localdate():
        errors.append("Ngày công nhận không được sau hôm nay.")
    if errors:
        raise ValidationError(errors)


def _recognise(move) -> None:
    _stamp(move)
    data = move.data
    recognition = Recognition.objects.create(
        exemplar=move.obj, level=data["level"], on=data["on"],
        occasion=clean_text(str(data["occasion"])).strip()[:255],
        decision=clean_text(str(data.get("decision") or "")).strip()[:100],
    )  # fmt: skip
    values = {"level": recognition.level, "occasion": recognition.occasion,
              "on": recognition.on.isoformat(), "decision": recognition.decision}  # fmt: skip
    move.payload["recognition"] = values
    record_event(actor=move.by if move.by is not None and move.by.pk else None,
                 action=Action.CREATE, target=recognition, scope_path=move.obj.unit.path,
                 changes={name: [None, value] for name, value in values.items()})  # fmt: skip


EXEMPLAR = register(
    Workflow(
        name="exemplar", model="exemplars.Exemplar", field="stage", states=Stage,
        unit=lambda exemplar: exemplar.unit, noun="điển hình", related=("unit",),
        steps={
            A.NURTURE: _step(A.NURTURE, [S.DISCOVERED], S.NURTURING),
            A.RECOGNISE: _step(
                A.RECOGNISE, [S.NURTURING], S.RECOGNISED,
                guards=(_criteria_met, _recognition_given), apply=_recognise,
            ),
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
