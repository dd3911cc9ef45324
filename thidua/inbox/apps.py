from django.apps import AppConfig


class InboxConfig(AppConfig):
    """What waits for an officer: the to-do list of their units on the home page, and the
    in-app notices (with e-mail) sent when something changes for a unit. It reads the
    domain apps and subscribes to their workflows; they never import it, except to send a
    notice of their own (plans' deadline reminders)."""

    name = "thidua.inbox"
    label = "inbox"
    verbose_name = "Việc cần làm"

    def ready(self):
        from thidua.inbox import subscribers  # noqa: F401, PLC0415 -- registers itself
