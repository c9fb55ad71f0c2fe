"""Knowledge product after a session: compose a draft, edit, publish as HTML page and PDF info sheet."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString

from brug.core import taxonomy
from brug.core.audit import record
from brug.core.markdown import render_markdown
from brug.core.models import Membership
from brug.core.pdf import render_pdf
from brug.knowledge.services import publish_item

from ..models import KnowledgeProduct, Session, SessionEntry, Submission


def draft_body(session: Session) -> str:
    """Start from what the session produced: notes, dilemmas, successes and submissions."""
    edition = session.edition
    parts = [
        f"## {edition.title}",
        f"Op {date_format(session.date, 'j F Y')} was bijeenkomst {session.number} van het leernetwerk over "
        f"{edition.theme.lower()}. In dit infoblad staan de belangrijkste inzichten.",
    ]
    if session.notes.strip():
        parts += ["## Wat hebben we besproken?", session.notes.strip()]
    entries = list(session.entries.all())
    dilemmas = [e for e in entries if e.kind == SessionEntry.Kind.DILEMMA]
    successes = [e for e in entries if e.kind == SessionEntry.Kind.SUCCESS]
    if dilemmas:
        parts += ["## Dilemma's uit de praktijk", "\n".join(f"- {e.text}" for e in dilemmas)]
    if successes:
        parts += [
            "## Wat werkte, en waarom?",
            "\n".join(
                f"- {e.text.rstrip('.')}" + (f". Waarom het werkte: {e.why}" if e.why else "")
                for e in successes
            ),
        ]
    submissions = (
        Submission.objects.filter(assignment__after_session=session)
        .exclude(text="")
        .select_related("registration__municipality", "assignment")
    )
    if submissions:
        parts += [
            "## Uit de opdrachten",
            "\n".join(f"- {s.registration.municipality}: {s.text.strip()[:400]}" for s in submissions),
        ]
    return "\n\n".join(parts)


def render_body(body: str) -> SafeString:
    """The product's Markdown as safe HTML: the one renderer of Brug (brug.core.markdown)."""
    return render_markdown(body)


def html_document(product: KnowledgeProduct) -> str:
    return render_to_string(
        "learning/knowledge_product_print.html",
        {
            "product": product,
            "session": product.session,
            "edition": product.session.edition,
            "content": render_body(product.body),
        },
    )


def pdf_for(product: KnowledgeProduct) -> bytes:
    return render_pdf(html_document(product))


def _known_themes(theme: str) -> list[str]:
    # Only themes of the knowledge base's taxonomy; a free-text edition theme is left out.
    keys, _unknown = taxonomy.resolve([theme], taxonomy.themes())
    return list(keys)


@transaction.atomic
def save_draft(
    *, membership: Membership, session: Session, title: str, body: str, visibility: str
) -> KnowledgeProduct:
    product, _ = KnowledgeProduct.objects.update_or_create(
        session=session, defaults={"title": title, "body": body, "visibility": visibility}
    )
    record(
        action="learning.knowledge_product.save_draft",
        obj=product,
        membership=membership,
        fields=["title", "body"],
    )
    return product


def publish(*, membership: Membership, product: KnowledgeProduct) -> bool:
    """Publish into the knowledge base (always True: kept for the callers that still test it)."""
    if product.published_at is not None:
        raise ValidationError("Dit kennisproduct is al gepubliceerd; wijzigingen doet u in de kennisbank.")
    pdf = pdf_for(product)
    with transaction.atomic():
        item = publish_item(
            membership=membership,
            kind="kennisproduct",
            title=product.title,
            body=product.body,  # Markdown: the knowledge base renders it like the composer
            themes=_known_themes(product.session.edition.theme),
            visibility=product.visibility,
            source_label=f"Leernetwerk {product.session.edition.title}, bijeenkomst {product.session.number}",
            edition_id=product.session.edition_id,
            pdf=pdf,
        )
        product.knowledge_item_id = item.pk
        product.published_at = timezone.now()
        product.save(update_fields=["knowledge_item_id", "published_at"])
        record(action="learning.knowledge_product.publish", obj=product, membership=membership)
        _tell_published(product)
    return True


def _tell_published(product: KnowledgeProduct) -> None:
    from ..models import NotificationKind
    from .notify import notify_participants

    session = product.session
    notify_participants(
        session.edition,
        kind=NotificationKind.PRODUCT,
        subject=f"Kennisproduct gepubliceerd: {product.title}",
        body=f"Het kennisproduct van bijeenkomst {session.number} van {session.edition.title} staat online: "
        f"'{product.title}'. U vindt het op uw deelnemerspagina en in de kennisbank, ook als pdf-infoblad.",
    )
