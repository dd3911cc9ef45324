"""Criteria that can be decided from data rather than ticked by hand.

Sample 001 §II.3 asks of a collective that "in the review period, every year" it held the
title "Tập thể Lao động xuất sắc". That is a fact of award history, which arrives with the
commendation module (nominations and decisions). Until then the rule below has no data and
answers None ("cannot tell"), and the checklist keeps the officer's own tick. When award
records exist, the rule reads them here and the checklist shows the computed answer.
"""

from collections.abc import Callable

from thidua.exemplars.enums import CRITERIA_SCOPES

# name stored in Criterion.auto_check → rule(exemplar) returning True, False or None
AutoCheck = Callable[[object], bool | None]
RULES: dict[str, AutoCheck] = {}


def rule(name: str):
    def register(function: AutoCheck) -> AutoCheck:
        RULES[name] = function
        return function

    return register


@rule("excellent_collective_every_year")
def excellent_collective_every_year(exemplar) -> bool | None:
    """Whether the collective held "Tập thể Lao động xuất sắc" in every year of the review
    period (year_from to year_to, or to the current year). No award history yet: None."""
    return None


def evaluate(check) -> bool | None:
    """The data's answer for a checklist item, or None when it is ticked by hand or the
    data cannot tell."""
    function = RULES.get(check.criterion.auto_check)
    return None if function is None else function(check.exemplar)


def is_met(check) -> bool:
    """The data's answer where it has one, the officer's tick otherwise."""
    answer = evaluate(check)
    return check.met if answer is None else answer


def checklist(exemplar):
    """The exemplar's checks of its subject's kind (enums.CRITERIA_SCOPES), in checklist
    order. Checks of another kind, kept when a subject changed kind or by migration 0012
    where an officer had written in them, are neither shown nor counted."""
    scopes = CRITERIA_SCOPES[exemplar.subject.kind]
    checks = exemplar.checks.filter(criterion__scope__in=scopes).select_related("criterion")
    return checks.order_by("criterion__scope", "criterion__position")


def unmet_required(exemplar) -> list:
    """The required items of the exemplar's checklist not met yet, in checklist order:
    recognition waits for them (sample 001 §II.3: "đạt các tiêu chí sau")."""
    required = checklist(exemplar).filter(criterion__required=True)
    return [check for check in required if not is_met(check)]
