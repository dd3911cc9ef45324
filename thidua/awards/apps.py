from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        # The exemplar checklist's award criterion reads the history (awards/criteria.py).
        # The nomination workflow registers itself with the workflow core.
        from thidua.awards import (
            criteria,  # noqa: F401, PLC0415
            workflows,  # noqa: F401, PLC0415
        )
