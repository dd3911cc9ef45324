"""The login backend, reading the user with their unread notices counted: the menu shows
the count on every page without a query of its own."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from thidua.inbox.models import Notice


def unread_count():
    """The unread notices of the outer user, counted on the (user, read_at) index."""
    unread = Notice.objects.filter(user=OuterRef("pk"), read_at__isnull=True).order_by()
    return Coalesce(Subquery(unread.values("user").annotate(n=Count("pk")).values("n")), 0)


class UserWithNoticesBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(unread_notices=unread_count())
        user = users.filter(pk=user_id).first()
        return user if user and self.user_can_authenticate(user) else None
