from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "thidua.plans"
    label = "plans"
    verbose_name = "Kế hoạch"

    def ready(self):
        # The plan and obligation workflows, and the subscriptions to other workflows,
        # register themselves with the workflow core.
        from thidua.plans import reports, subscribers, workflows  # noqa: F401, PLC0415
