from django.apps import AppConfig


class PactsConfig(AppConfig):
    name = "thidua.pacts"
    verbose_name = "Giao ước thi đua"

    def ready(self):
        # The pacts' workflows and their subscriptions register with the workflow core.
        from thidua.pacts import subscribers, workflows  # noqa: F401, PLC0415
