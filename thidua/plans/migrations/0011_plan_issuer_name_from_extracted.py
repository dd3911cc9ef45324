from django.db import migrations


def copy_issuer(apps, schema_editor):
    """Plans read before issuer_name existed keep the issuer their document named."""
    Plan = apps.get_model("plans", "Plan")
    for plan in Plan.objects.filter(issuer_name="").exclude(extracted={}).iterator():
        issuer = (plan.extracted or {}).get("issuer") if isinstance(plan.extracted, dict) else None
        if issuer:
            Plan.objects.filter(pk=plan.pk).update(issuer_name=str(issuer)[:255])


class Migration(migrations.Migration):
    dependencies = [("plans", "0010_plan_issuer_name")]

    operations = [migrations.RunPython(copy_issuer, migrations.RunPython.noop)]
