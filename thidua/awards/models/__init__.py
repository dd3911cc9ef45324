"""The commendation app's models: the catalogue (dated rules) and subjects' history."""

from thidua.awards.models.catalogue import (
    Award,
    AwardAuthority,
    AwardRule,
    BaseSalary,
    Category,
    Certainty,
    CommendationType,
    Period,
    ProcessingLimit,
)
from thidua.awards.models.council import (
    Choice,
    CouncilMeeting,
    Item,
    MeetingState,
    Seat,
    Vote,
)
from thidua.awards.models.decisions import (
    Capacity,
    Decision,
    DecisionCounter,
    DecisionLine,
    DecisionState,
)
from thidua.awards.models.dossier import DocumentKind, DossierFile
from thidua.awards.models.history import (
    AwardRecord,
    Block,
    BlockReason,
    Discipline,
    Initiative,
    Membership,
    Rating,
    Sanction,
    Scope,
    Source,
    TaskRating,
)
from thidua.awards.models.nominations import (
    STANDING,
    Nomination,
    NominationAction,
    NominationState,
)
from thidua.awards.models.notice import CommentState, NoticeComment, PublicNotice
from thidua.awards.models.registration import Registration

__all__ = [
    "Choice", "CouncilMeeting", "Item", "MeetingState", "Seat", "Vote",
    "DocumentKind", "DossierFile", "CommentState", "NoticeComment", "PublicNotice",
    "Registration",
    "Capacity", "Decision", "DecisionCounter", "DecisionLine", "DecisionState",
    "Award", "AwardAuthority", "AwardRecord", "AwardRule", "BaseSalary", "Block",
    "BlockReason", "Category", "Certainty", "CommendationType", "Discipline", "Initiative",
    "Membership", "Nomination", "NominationAction", "NominationState", "Period",
    "ProcessingLimit", "Rating", "STANDING", "Sanction", "Scope", "Source", "TaskRating",
]  # fmt: skip
