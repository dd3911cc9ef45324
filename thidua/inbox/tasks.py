from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_notice_mail(*, subject: str, text: str, link: str, addresses: list[str]) -> None:
    """E-mail a notice to the addresses (each receives one message, not seeing the others),
    out of the request that caused it: a slow mail server never delays an officer's page."""
    body = f"{text}\n\n{settings.SITE_URL}{link}" if link else text
    for address in addresses:
        send_mail(subject[:200], body, settings.DEFAULT_FROM_EMAIL, [address])
