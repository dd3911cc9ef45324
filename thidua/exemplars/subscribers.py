"""What other workflows' transitions mean for exemplars (registered in apps.py)."""

from thidua.exemplars.enums import Stage, StageAction
from thidua.exemplars.models import Exemplar
from thidua.workflow.engine import subscribe, transition


@subscribe("conference", "hold")
def recognise_honoured(move) -> None:
    """An exemplar honoured at a conference that is held is recognised, if it was still
    being nurtured (the conference names them in its ledger row)."""
    honoured = move.payload.get("honoured_exemplars", [])
    for exemplar in Exemplar.objects.filter(pk__in=honoured, stage=Stage.NURTURING):
        transition(exemplar, StageAction.RECOGNISE, by=move.by,
                   reason=f"Tuyên dương tại {move.obj.name}")  # fmt: skip
