from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The pages that gather every area for one user: the dashboard and the audit trail.
    They sit above the domain apps, so that those never import one another to show them."""

    name = "thidua.home"
    label = "home"
    verbose_name = "Trang chủ"
