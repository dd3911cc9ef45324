from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "thidua.plans"
    label = "plans"
    verbose_name = "Kế hoạch"
