from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "thidua.inspections"
    verbose_name = "Kiểm tra công tác thi đua, khen thưởng"

    def ready(self):
        # The inspections' and fixes' workflows register with the workflow core.
        from thidua.inspections import workflows  # noqa: F401, PLC0415
