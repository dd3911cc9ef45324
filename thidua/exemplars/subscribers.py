"""What other workflows' transitions mean for exemplars (registered in apps.py)."""

from thidua.exemplars.criteria import unmet_required
from thidua.exemplars.enums import RecognitionLevel, Stage, StageAction
from thidua.exemplars.models import Exemplar
from thidua.units.models import UnitKind
from thidua.workflow.engine import subscribe, transition

# The recognition a conference gives, by the kind of unit that holds it (sample 001 §II.2):
# the administrative tiers honour at their own level; a village's, an agency's, a school's
# or an enterprise's review honours at the grassroots («cơ sở»), whatever tier it sits in.
LEVEL_OF_KIND = {UnitKind.NATION: RecognitionLevel.NATIONAL,
                 UnitKind.PROVINCE: RecognitionLevel.PROVINCE,
                 UnitKind.DISTRICT: RecognitionLevel.DISTRICT,
                 UnitKind.COMMUNE: RecognitionLevel.COMMUNE}  # fmt: skip


@subscribe("conference", "hold")
def recognise_honoured(move) -> None:
    """An exemplar honoured at a conference that is held is recognised, with the conference
    as its occasion, if it was still being nurtured and meets its required criteria. One
    that does not stays in nurturing; the ledger row names it, and the hold's message says
    how many (conferences/views)."""
    conference = move.obj
    honoured = move.payload.get("honoured_exemplars", [])
    waiting = []
    data = {"level": LEVEL_OF_KIND.get(conference.unit.kind, RecognitionLevel.UNIT),
            "occasion": conference.name, "on": conference.held_on}  # fmt: skip
    for exemplar in Exemplar.objects.filter(pk__in=honoured, stage=Stage.NURTURING):
        if unmet_required(exemplar):
            waiting.append(exemplar.pk)
            continue
        transition(exemplar, StageAction.RECOGNISE, by=move.by, data=data,
                   reason=f"Tuyên dương tại {conference.name}")  # fmt: skip
    if waiting:
        move.row.payload = {**move.row.payload, "unrecognised_exemplars": waiting}
        move.row.save(update_fields=["payload"])
