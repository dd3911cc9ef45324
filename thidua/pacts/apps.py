from django.apps import AppConfig


class PactsConfig(AppConfig):
    name = "thidua.pacts"
    verbose_name = "Giao ước thi đua"

    def ready(self):
        # The pact's workflow registers itself with the workflow core.
        from thidua.pacts import workflows  # noqa: F401, PLC0415
