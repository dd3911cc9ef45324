from django.apps import AppConfig
from django.core import checks


class StatisticsConfig(AppConfig):
    name = "thidua.statistics"
    label = "statistics"
    verbose_name = "Báo cáo thống kê"

    def ready(self):
        checks.register(forms_load, checks.Tags.models)


def forms_load(app_configs=None, **kwargs):
    """Every statistics form file loads (`manage.py check`, and every start): a wrong file
    stops the deploy with its name, not the statistics page with a 500."""
    from django.core.exceptions import ImproperlyConfigured  # noqa: PLC0415

    from thidua.statistics.definitions import all_forms  # noqa: PLC0415

    try:
        all_forms()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="statistics.E001")]
    return []
