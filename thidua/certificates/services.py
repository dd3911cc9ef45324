"""Writes of certificates: numbering a decision's certificates, starting their rendering,
and saving an issuer's layout. Each writes in one transaction and is audited."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.awards.models import AwardRecord, DecisionState
from thidua.certificates.models import Certificate, CertificateCounter, CertificateJob
from thidua.core.counters import next_number


@transaction.atomic
def number_certificates(*, decision) -> int:
    """Give every awardee of an issued decision a certificate, numbered in the issuer's
    register of the decision's year in the order of the list; those numbered already keep
    their number and code. Returns how many were new."""
    if decision.state != DecisionState.ISSUED:
        raise ValidationError("Chỉ in giấy khen, bằng khen của quyết định đã ban hành.")
    lines = (decision.lines.filter(certificate__isnull=True)
             .select_related("nomination__subject", "nomination__award")
             .order_by("nomination__subject__sort_name", "pk"))  # fmt: skip
    made = 0
    for line in lines:
        nomination = line.nomination
        record = AwardRecord.objects.filter(
            subject=nomination.subject, title=nomination.award.name, year=nomination.year,
            decision_number=decision.reference,
        ).first()  # fmt: skip
        seq = next_number(CertificateCounter, issuer=decision.issuer, year=decision.year)
        Certificate.objects.create(
            line=line, decision=decision, record=record, number=f"{seq:04d}/{decision.year}",
            name=nomination.subject.name, title=nomination.award.name,
        )  # fmt: skip
        made += 1
    return made


@transaction.atomic
def start_certificates(*, actor, decision, test: bool = False) -> CertificateJob:
    """Queue the PDF of the decision's certificates (numbering them first), or a test
    print of its layout that draws where each field sits."""
    if not test:
        number_certificates(decision=decision)
    total = 1 if test else decision.certificates.count()
    job = CertificateJob.objects.create(decision=decision, test=test, created_by=actor,
                                        total=total)  # fmt: skip
    record_event(actor=actor, action=Action.CREATE, target=job, scope_path=decision.issuer.path,
                 note="In thử vị trí" if test else f"In {total} giấy khen, bằng khen")  # fmt: skip
    transaction.on_commit(job.enqueue)
    return job


@transaction.atomic
def save_layout(*, actor, layout, changed: list[str]):
    """Save an issuer's layout of certificates; audited with the fields changed."""
    created = layout.pk is None
    layout.full_clean()
    layout.save()
    record_event(actor=actor, action=Action.CREATE if created else Action.UPDATE, target=layout,
                 scope_path=layout.issuer.path, note=", ".join(changed)[:255])  # fmt: skip
    return layout
