from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "thidua.help"
    label = "help"
    verbose_name = "Trợ giúp"
