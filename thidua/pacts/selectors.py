"""Who sees a pact: the officers, council and leaders of the group's owner and above (they
run the group), and those of each member unit, who see their group's pact, its heads and
criteria, and their own targets only (the other members' are the owner's to read)."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from thidua.accounts.models import Role
from thidua.pacts.models import CardState, Pact, RankingState, Scorecard
from thidua.units.models import EmulationGroup, GroupMembership
from thidua.units.scope import has_role, scope_for


def visible_pacts(user):
    scope = scope_for(user)
    if scope.everything:
        return Pact.objects.all()
    owned = EmulationGroup.objects.filter(scope.q("owner__path")).values("pk")
    joined = GroupMembership.objects.filter(scope.q("unit__path")).values("group_id")
    return Pact.objects.filter(Q(group__in=owned) | Q(group__in=joined))


def get_pact_for(user, pk: int) -> Pact:
    """A pact the user may see; 404 otherwise (a sibling group's too)."""
    found = visible_pacts(user).select_related("group__owner", "head__unit", "deputy__unit")
    return get_object_or_404(found, pk=pk)


def runs_group(user, pact: Pact) -> bool:
    """The owner's standing body (its officers) or above: who writes the pact."""
    return has_role(user, pact.group.owner.path, Role.OFFICER)


def reads_all(user, pact: Pact) -> bool:
    """The owner's officers, council and leaders or above: who reads every member's
    targets."""
    return has_role(user, pact.group.owner.path, Role.OFFICER, Role.COUNCIL, Role.LEADER)


def own_memberships(user, pact: Pact):
    """The members of the pact's group whose unit the user is an officer of."""
    members = pact.group.members.select_related("unit").order_by("unit__sort_name", "pk")
    return [m for m in members if has_role(user, m.unit.path, Role.OFFICER)]


def hosts(user, pact: Pact) -> bool:
    """The officers of the head's unit (who host the signing) or of the owner and above."""
    host = pact.head.unit if pact.head_id else pact.group.owner
    return has_role(user, host.path, Role.OFFICER)


def may_see_card(user, card, published: bool | None = None) -> bool:
    """The standing body sees every card, the head (who collects the scores) every card
    sent; a member its own, and everyone's once the review's ranking is `published`
    (read here when not given)."""
    pact = card.pact
    if runs_group(user, pact) or has_role(user, card.membership.unit.path, Role.OFFICER):
        return True
    if hosts(user, pact) and card.state == CardState.SUBMITTED:  # the head: sent cards
        return True
    if published is None:
        ranking = pact.rankings.filter(review=card.review).first()
        published = ranking is not None and ranking.state == RankingState.PUBLISHED
    return published


def may_adjust(user, card) -> bool:
    """The standing body, or the head for another member's card (never its own)."""
    pact = card.pact
    if runs_group(user, pact):
        return True
    return hosts(user, pact) and not has_role(user, card.membership.unit.path, Role.OFFICER)


def get_card_for(user, pk: int):
    """A scorecard of a pact the user sees, that the user may see; 404 otherwise."""
    card = get_object_or_404(Scorecard.objects.select_related(
        "membership__unit", "pact__group__owner", "pact__head__unit"),
        pk=pk, pact__in=visible_pacts(user))  # fmt: skip
    if not may_see_card(user, card):
        raise Http404
    return card
