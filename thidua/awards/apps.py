from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        # criteria: the exemplar checklist's award criterion reads the history; workflows:
        # the nomination workflow registers with the core; reports: «Ai đủ điều kiện» as an
        # export (a job for a province); history_import: the history workbook as an import;
        # register: «Sổ khen thưởng» as an export.
        from thidua.awards import (  # noqa: F401, PLC0415
            criteria,
            history_import,
            register,
            reports,
            workflows,
        )
