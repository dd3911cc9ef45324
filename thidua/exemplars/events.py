"""Events of exemplars that other apps act on and that are not workflow transitions (those
have the engine's subscribers). Sent explicitly by the service that makes the change,
inside its transaction; a receiver that fails undoes the change with it."""

from django.dispatch import Signal

# remove_evidence, before the row goes: evidence=, actor=, reason=. The showcase takes
# the file's public copies down with it.
evidence_removed = Signal()
