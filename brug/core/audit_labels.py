"""Dutch labels for the audit actions: what a policy officer reads instead of `app.object.verb`.

One registry for every reader of the log (the audit-log page, the Django admin). Each label reads
"<onderwerp>: <wat er gebeurde>"; every action of one `app.object` has the same onderwerp, so the
onderwerp names the object in a filter. `brug/core/tests/test_audit_names.py` fails when an action
in the code has no label here, or a label no action. A line whose action has no label (written
before the scheme, or by a test) is shown with its code.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

ACTION_LABELS: dict[str, str] = {
    # Analyse
    "analysis.actor.create": "Betrokkene op polarisatiekaart: toegevoegd",
    "analysis.actor.delete": "Betrokkene op polarisatiekaart: verwijderd",
    "analysis.actor.move": "Betrokkene op polarisatiekaart: andere rol gekregen",
    "analysis.analysis.create": "Lokale analyse: gestart",
    "analysis.analysis.delete": "Lokale analyse: verwijderd",
    "analysis.analysis.direction": "Lokale analyse: richting van de oplossing opgeslagen",
    "analysis.analysis.interventions": "Lokale analyse: interventies gekozen",
    "analysis.analysis.preparation": "Lokale analyse: voorbereiding opgeslagen",
    "analysis.analysis.share": "Lokale analyse: geanonimiseerd gedeeld met het leernetwerk",
    "analysis.contribution.partner_save": "Bijdrage aan analyse: opgeslagen door een partner",
    "analysis.contribution.save": "Bijdrage aan analyse: opgeslagen",
    "analysis.decision.create": "Uitleg van een besluit: aangemaakt",
    "analysis.decision.publish": "Uitleg van een besluit: gepubliceerd",
    "analysis.decision.update": "Uitleg van een besluit: gewijzigd",
    "analysis.decision.withdraw": "Uitleg van een besluit: ingetrokken",
    "analysis.fuel.create": "Brandstof op polarisatiekaart: toegevoegd",
    "analysis.fuel.delete": "Brandstof op polarisatiekaart: verwijderd",
    "analysis.impact.create": "Sociale impactscan: aangemaakt",
    "analysis.impact.delete": "Sociale impactscan: verwijderd",
    "analysis.impact.update": "Sociale impactscan: gewijzigd",
    "analysis.incident.create": "Incident op polarisatiekaart: toegevoegd",
    "analysis.incident.delete": "Incident op polarisatiekaart: verwijderd",
    "analysis.intervention.create": "Interventie in de catalogus: toegevoegd",
    "analysis.intervention.delete": "Interventie in de catalogus: verwijderd",
    "analysis.intervention.update": "Interventie in de catalogus: gewijzigd",
    "analysis.map.create": "Polarisatiekaart: aangemaakt",
    "analysis.map.delete": "Polarisatiekaart: verwijderd",
    "analysis.map.update": "Polarisatiekaart: gewijzigd",
    "analysis.map.version_saved": "Polarisatiekaart: als versie bewaard",
    "analysis.pair.create": "Wij-zij-paar: toegevoegd",
    "analysis.pair.delete": "Wij-zij-paar: verwijderd",
    "analysis.pair.update": "Wij-zij-paar: gewijzigd",
    "analysis.partner_link.create": "Link voor een partner: verstuurd",
    "analysis.partner_link.revoke": "Link voor een partner: ingetrokken",
    # Kern: organisaties, leden, inloggen
    "core.account.create": "Account: aangemaakt",
    "core.admin.create": "Beheeromgeving: gegevens toegevoegd",
    "core.admin.delete": "Beheeromgeving: gegevens verwijderd",
    "core.admin.update": "Beheeromgeving: gegevens gewijzigd",
    "core.audit.rename_actions": "Auditlog: oude handelingen omgezet naar de nieuwe namen",
    "core.invitation.send": "Uitnodiging: verstuurd",
    "core.membership.add": "Lidmaatschap: lid toegevoegd",
    "core.membership.change_role": "Lidmaatschap: rol gewijzigd",
    "core.membership.remove": "Lidmaatschap: lid verwijderd",
    "core.organisation.create": "Organisatie: aangemaakt",
    "core.password.reset": "Wachtwoord: opnieuw ingesteld",
    "core.recovery_code.use": "Herstelcode: gebruikt om in te loggen",
    "core.recovery_codes.renew": "Herstelcodes: vernieuwd",
    "core.submission_key.purge": "Formuliersleutels: verlopen sleutels verwijderd (bewaartermijn)",
    "core.two_factor.setup": "Tweestapsverificatie: ingesteld",
    # Dialogen
    "dialogue.dialogue.create": "Dialoog: aangemaakt",
    "dialogue.dialogue.import": "Dialoog: ingelezen uit een Pol.is-export",
    "dialogue.dialogue.update": "Dialoog: gewijzigd",
    "dialogue.map.recompute": "Meningskaart: opnieuw berekend",
    "dialogue.participant.confirm_email": "Deelnemer aan dialoog: e-mailadres bevestigd",
    "dialogue.statement.add": "Stelling: startstelling toegevoegd",
    "dialogue.statement.approve": "Stelling: goedgekeurd",
    "dialogue.statement.reject": "Stelling: afgekeurd",
    # Kennisbank
    "knowledge.embeddings.refresh": "Betekenisvectoren van kennisitems: opnieuw berekend",
    "knowledge.item.publish": "Kennisitem: gepubliceerd",
    "knowledge.item.update": "Kennisitem: gewijzigd",
    # Leernetwerk
    "learning.access.arrange": "Toegang deelnemers: geregeld",
    "learning.assignment.create": "Opdracht: aangemaakt",
    "learning.assignment.delete": "Opdracht: verwijderd",
    "learning.assignment.update": "Opdracht: gewijzigd",
    "learning.attendance.record": "Aanwezigheid: vastgelegd",
    "learning.attendance.remove": "Aanwezigheid: gewist",
    "learning.edition.publish": "Editie van het leernetwerk: gepubliceerd",
    "learning.edition.save": "Editie van het leernetwerk: opgeslagen",
    "learning.edition.unpublish": "Editie van het leernetwerk: niet meer gepubliceerd",
    "learning.intake.delete": "Intake: verwijderd",
    "learning.intake.save": "Intake: opgeslagen",
    "learning.knowledge_product.publish": "Kennisproduct: gepubliceerd in de kennisbank",
    "learning.knowledge_product.save_draft": "Kennisproduct: concept opgeslagen",
    "learning.maatwerk.save": "Aanvraag maatwerk: opgeslagen",
    "learning.maatwerk.select": "Aanvraag maatwerk: selectie gewijzigd",
    "learning.message.send": "Bericht aan alle deelnemers: verstuurd",
    "learning.pair.delete": "Koppel voor startgesprek: verwijderd",
    "learning.pair.update": "Koppel voor startgesprek: gewijzigd",
    "learning.pairs.propose": "Koppels voor startgesprekken: nieuw voorstel gemaakt",
    "learning.partner_attendee.add": "Deelnemer van een partnerorganisatie: toegevoegd",
    "learning.partner_attendee.change": "Deelnemer van een partnerorganisatie: gewijzigd",
    "learning.partner_attendee.remove": "Deelnemer van een partnerorganisatie: verwijderd",
    "learning.registration.admit": "Aanmelding gemeente: toegelaten",
    "learning.registration.create": "Aanmelding gemeente: ontvangen",
    "learning.registration.delete": "Aanmelding gemeente: verwijderd",
    "learning.registration.duplicate": "Aanmelding gemeente: nogmaals ingestuurd",
    "learning.registration.update": "Aanmelding gemeente: gewijzigd",
    "learning.registration.withdraw": "Aanmelding gemeente: teruggetrokken",
    "learning.registration_person.change": "Contactpersoon van een aanmelding: gewijzigd",
    "learning.selection.apply": "Selectie van gemeenten: besluit vastgelegd",
    "learning.selection.override": "Selectie van gemeenten: met de hand bijgesteld",
    "learning.session.save": "Bijeenkomst: agenda en verslag opgeslagen",
    "learning.session_entry.create": "Dilemma of succes van een bijeenkomst: toegevoegd",
    "learning.session_entry.delete": "Dilemma of succes van een bijeenkomst: verwijderd",
    "learning.session_entry.update": "Dilemma of succes van een bijeenkomst: gewijzigd",
    "learning.submission.create": "Uitwerking van een opdracht: ingeleverd",
    "learning.thread.reply": "Vraag aan andere gemeenten: reactie geplaatst",
    "learning.thread.start": "Vraag aan andere gemeenten: gesteld",
    "learning.work_session.create": "Lokale werksessie: toegevoegd",
    "learning.work_session.save_notes": "Lokale werksessie: aantekeningen opgeslagen",
    # Wijken
    "municipalities.neighbourhood.add": "Wijk: toegevoegd",
    "municipalities.neighbourhood.remove": "Wijk: verwijderd",
    # Sleutelfiguren
    "network.domain.create": "Domein van sleutelfiguren: toegevoegd",
    "network.keyfigure.contact_view": "Sleutelfiguur: contactgegevens bekeken bij een signaal",
    "network.keyfigure.conversation": "Sleutelfiguur: selectiegesprek vastgelegd",
    "network.keyfigure.create": "Sleutelfiguur: toegevoegd",
    "network.keyfigure.erase": "Sleutelfiguur: gegevens gewist",
    "network.keyfigure.export": "Sleutelfiguur: inzageoverzicht gemaakt (AVG)",
    "network.keyfigure.status": "Sleutelfiguur: status gewijzigd",
    "network.keyfigure.update": "Sleutelfiguur: gegevens gewijzigd",
    "network.link.issue": "Meldlink van een sleutelfiguur: aangemaakt",
    "network.link.revoke": "Meldlink van een sleutelfiguur: ingetrokken",
    "network.meeting.save": "Bijeenkomst van het netwerk: opgeslagen",
    "network.network.create": "Netwerk van sleutelfiguren: aangemaakt",
    "network.network.update": "Netwerk van sleutelfiguren: gewijzigd",
    "network.retention.reminder": "Bewaartermijn van sleutelfiguren: herinnering verstuurd",
    "network.signal.submit": "Signaal via een meldlink: ontvangen",
    "network.training.save": "Training van het netwerk: opgeslagen",
    "network.workinggroup.save": "Werkgroep van het netwerk: opgeslagen",
    # Signalen
    "signals.alert.mark_seen": "Melding uit de monitor: als gezien gemarkeerd",
    "signals.api_token.issue": "API-sleutel: uitgegeven",
    "signals.api_token.revoke": "API-sleutel: ingetrokken",
    "signals.import.cancel": "Import van berichten: afgebroken",
    "signals.import.publish": "Import van berichten: gepubliceerd",
    "signals.import.start": "Import van berichten: gestart",
    "signals.meeting.record": "Kernteamoverleg: vastgelegd",
    "signals.meeting.update": "Kernteamoverleg: gewijzigd",
    "signals.monitor_config.update": "Instellingen van de monitor: gewijzigd",
    "signals.scores.refresh_finished": "Scores van berichten: herberekening klaar",
    "signals.scores.refresh_started": "Scores van berichten: herberekening gestart",
    "signals.signal.change_status": "Signaal: status gewijzigd",
    "signals.signal.create": "Signaal: vastgelegd",
    "signals.signal.purge_texts": "Signaal: teksten van online- en mediaberichten gewist (bewaartermijn)",
    "signals.signal.remove_key_figure": "Signaal: koppeling met gewiste sleutelfiguur verwijderd",
    "signals.theme.create": "Thema: aangemaakt",
    "signals.theme.defaults_added": "Thema: standaardthema's toegevoegd",
    "signals.theme.delete": "Thema: verwijderd",
    "signals.theme.rematch": "Thema: opnieuw gezocht in alle berichten",
    "signals.theme.update": "Thema: gewijzigd",
}


def subject_of(action: str) -> str:
    """The `app.object` part of an action code."""
    return action.rpartition(".")[0]


# The onderwerp of each `app.object`: the label's part before ": ".
SUBJECT_LABELS: dict[str, str] = {
    subject_of(action): label.partition(": ")[0] for action, label in ACTION_LABELS.items()
}


def action_label(action: str) -> str:
    """What the officer reads; an action without a label (an old line) shows its code."""
    return ACTION_LABELS.get(action, action)


def subject_choices(actions: Iterable[str]) -> list[tuple[str, str]]:
    """(app.object, Dutch onderwerp) for the given actions, alphabetical by onderwerp; for filters."""
    subjects = {subject_of(action) for action in actions}
    return sorted(((s, SUBJECT_LABELS.get(s, s)) for s in subjects), key=lambda c: (c[1].lower(), c[0]))


def field_labels(object_type: str, fields: Iterable[str]) -> list[str]:
    """The changed fields by the Dutch names their model gives them (the names its forms show);
    a field without a Dutch name, or of a model that no longer exists, keeps its code name."""
    try:
        meta = apps.get_model(object_type)._meta
    except (LookupError, ValueError):
        return list(fields)
    labels = []
    for name in fields:
        try:
            field = meta.get_field(name)
            # A reverse relation (a meeting's measures) is named by the related model's plural.
            related = field.related_model if field.auto_created and not field.concrete else None
            verbose = str(
                related._meta.verbose_name_plural if related else getattr(field, "verbose_name", "")
            )
        except FieldDoesNotExist:
            verbose = ""
        # Django's default verbose name is the code name with spaces: not a Dutch name.
        labels.append(verbose if verbose and verbose != name.replace("_", " ") else name)
    return labels
