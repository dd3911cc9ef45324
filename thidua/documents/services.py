"""Writes of the documents app: what a unit prints on its documents."""

from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.documents.models import Letterhead

LETTERHEAD_FIELDS = ["parent_body", "issuer_name", "symbol", "place", "capacity", "position",
                     "signer_title", "signer_name", "recipients", "drafting_unit"]  # fmt: skip


@transaction.atomic
def save_letterhead(*, actor, unit, **fields) -> Letterhead:
    """Set what `unit` prints on every document it issues (issuer, abbreviation, place,
    recipients, who signs): each document thidua writes for it reads this, so a change
    shows on the next download. Audited field by field."""
    letterhead, created = Letterhead.objects.select_for_update().get_or_create(unit=unit)
    before = snapshot(letterhead, LETTERHEAD_FIELDS)
    for name in LETTERHEAD_FIELDS:
        if name in fields:
            setattr(letterhead, name, fields[name])
    letterhead.full_clean()
    letterhead.save()
    changes = diff(before, snapshot(letterhead, LETTERHEAD_FIELDS))
    if changes or created:
        record_event(actor=actor, action=Action.CREATE if created else Action.UPDATE,
                     target=letterhead, scope_path=unit.path, changes=changes)  # fmt: skip
    unit.letterhead = letterhead
    return letterhead
