from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "thidua.workflow"
    label = "workflow"
    verbose_name = "Quy trình"
