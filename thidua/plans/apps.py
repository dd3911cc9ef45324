from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "thidua.plans"
    label = "plans"
    verbose_name = "Kế hoạch"

    def ready(self):
        # The subscriptions to other workflows register themselves with the workflow core.
        from thidua.plans import subscribers  # noqa: F401, PLC0415
