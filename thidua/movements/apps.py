from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "thidua.movements"
    label = "movements"
    verbose_name = "Phong trào thi đua"

    def ready(self):
        # The status workflow registers itself with the workflow core.
        from thidua.movements import workflows  # noqa: F401, PLC0415
