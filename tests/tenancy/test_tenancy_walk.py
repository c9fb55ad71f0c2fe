"""Cross-tenant walk: every object-taking page, with another organisation's object ids, answers 404.

`test_url_scope` proves that an outsider cannot open another organisation's URL (the membership
check in `org_view` stops it). That test cannot catch a selector that forgets its organisation
filter: the request never reaches the selector. Here the attacker stays on their OWN
organisation's URL and puts the victim's object ids in it, so only the selector's filter stands
between them and the object. Every route is tried twice:

- the owner (a member of the victim organisation) opens it with the victim's slug and must NOT
  get 404: the control that the sample ids are real, so a 404 below means something;
- the attacker opens it with their own slug, GET and POST, and must get 404.

The sample ids come from the demo loaders (the same data `make demo` shows) plus the few object
kinds the demo does not make. A new route with an object parameter fails
`test_every_object_route_has_a_sample` until a resolver for it is added below.

The list pages (routes without object ids) are checked too: the attacker's own pages must not
show the victim's object names. `scripts/tenancy_mutants.py` proves that removing any
organisation filter from a selector makes one of these tests fail.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from brug.core.breadcrumbs import Crumb
from brug.core.models import Membership
from brug.core.tests.test_url_scope import all_routes
from conftest import Tenancy, login

Kwargs = dict[str, Any]


@dataclass
class World:
    """Two organisations' worth of every object kind, and who plays owner and attacker."""

    victim: Any  # a municipality organisation with demo data (Voorbeeldstad)
    partner_victim: Any  # the partner organisation running the demo learning editions (ESS)
    participant_victim: Any  # a municipality taking part in a demo edition (Gouda)
    owner: Any
    partner_owner: Any
    participant_owner: Any
    attacker_org: Any  # another municipality (Delft), attacker is its coordinator
    attacker: Any
    attacker_partner: Any  # another partner organisation, attacker_facilitator is its facilitator
    attacker_facilitator: Any
    names: list[str] = field(default_factory=list)


def _first(qs: Any) -> list[Any]:
    pk = qs.order_by("pk").values_list("pk", flat=True).first()
    return [] if pk is None else [pk]


# ---- which victim object fills which URL parameter --------------------------------------------
# Keyed by (namespace, "<literal segment before the parameter>/<param>"); the resolver gets the
# world and the parameters filled so far and returns candidate values (the first one is used).


def _edition(w: World) -> Any:
    from brug.learning.models import Edition

    return Edition.objects.filter(organisation=w.partner_victim, registrations__isnull=False).order_by("pk")


def _participation(w: World) -> Any:
    from brug.learning.models import Edition, Status

    return Edition.objects.filter(
        registrations__municipality=w.participant_victim.municipality, registrations__status=Status.SELECTED
    ).order_by("pk")


def _own_registration(w: World, kw: Kwargs) -> Any:
    from brug.learning.models import Registration

    return Registration.objects.get(
        edition_id=kw["edition_id"], municipality=w.participant_victim.municipality
    )


def _resolvers() -> dict[tuple[str, str], Callable[[World, Kwargs], list[Any]]]:
    from brug.analysis import models as an
    from brug.core.models import Membership
    from brug.dialogue.models import Dialogue, Statement
    from brug.knowledge.models import KnowledgeItem, Visibility
    from brug.learning import models as le
    from brug.municipalities.models import Neighbourhood
    from brug.network import models as nw
    from brug.signals import models as sg
    from brug.signals.models.signals import REPORTED_CHANNELS

    v = "victim"
    return {
        ("core", "leden/pk"): lambda w, kw: _first(Membership.objects.filter(organisation=w.victim)),
        ("municipalities", "wijken/pk"): lambda w, kw: _first(
            Neighbourhood.objects.filter(municipality=w.victim.municipality)
        ),
        # learning, facilitator side (under the partner organisation)
        ("learning", "edities/edition_id"): lambda w, kw: _first(_edition(w)),
        ("learning", "aanmeldingen/registration_id"): lambda w, kw: _first(
            le.Registration.objects.filter(edition_id=kw["edition_id"])
        ),
        ("learning", "koppels/pair_id"): lambda w, kw: _first(
            le.Pair.objects.filter(edition_id=kw["edition_id"])
        ),
        ("learning", "bijeenkomsten/session_id"): lambda w, kw: _first(
            le.Session.objects.filter(edition_id=kw["edition_id"])
        ),
        ("learning", "maatwerk/application_id"): lambda w, kw: _first(
            le.MaatwerkApplication.objects.filter(registration__edition_id=kw["edition_id"])
        ),
        ("learning", "bestanden/file_id"): lambda w, kw: _first(
            le.SubmissionFile.objects.filter(submission__assignment__edition_id=kw["edition_id"])
        ),
        # learning, participant side (under the participating municipality)
        ("learning", "deelname/edition_id"): lambda w, kw: _first(_participation(w)),
        ("learning", "opdrachten/assignment_id"): lambda w, kw: _first(
            le.Assignment.objects.filter(edition_id=kw["edition_id"])
        ),
        ("learning", "kennisproducten/session_id"): lambda w, kw: _first(
            le.Session.objects.filter(edition_id=kw["edition_id"])
        ),
        ("learning", "vragen/thread_id"): lambda w, kw: _first(
            le.Thread.objects.filter(asker=_own_registration(w, kw))
        ),
        ("learning", "export/kind"): lambda w, kw: ["aanmeldingen"],
        ("learning", "<slug:kind>./fmt"): lambda w, kw: ["csv"],
        ("knowledge", "kennisbank/pk"): lambda w, kw: _first(
            KnowledgeItem.objects.filter(organisation=w.victim, visibility=Visibility.ORGANISATION)
        ),
        # analysis
        ("analysis", "kaarten/pk"): lambda w, kw: _first(
            an.PolarisationMap.objects.filter(organisation=w.victim, pairs__isnull=False)
        ),
        ("analysis", "paren/pair_pk"): lambda w, kw: _first(an.UsThemPair.objects.filter(map_id=kw["pk"])),
        ("analysis", "incidenten/pk"): lambda w, kw: _first(
            an.Incident.objects.filter(pair__map__organisation=w.victim)
        ),
        ("analysis", "brandstof/pk"): lambda w, kw: _first(
            an.FuelStatement.objects.filter(pair__map__organisation=w.victim)
        ),
        ("analysis", "betrokkenen/pk"): lambda w, kw: _first(
            an.Actor.objects.filter(pair__map__organisation=w.victim)
        ),
        ("analysis", "analyses/pk"): lambda w, kw: _first(
            an.JointAnalysis.objects.filter(organisation=w.victim)
        ),
        ("analysis", "stap/step"): lambda w, kw: [1],
        ("analysis", "partners/link_pk"): lambda w, kw: _first(
            an.PartnerLink.objects.filter(analysis_id=kw["pk"])
        ),
        ("analysis", "interventies/pk"): lambda w, kw: _first(
            an.Intervention.objects.filter(organisation=w.victim)
        ),
        ("analysis", "impactscans/pk"): lambda w, kw: _first(
            an.ImpactScan.objects.filter(organisation=w.victim)
        ),
        ("analysis", "besluiten/pk"): lambda w, kw: _first(
            an.DecisionExplanation.objects.filter(organisation=w.victim)
        ),
        # key figures
        ("network", "netwerk/pk"): lambda w, kw: _first(nw.Network.objects.filter(organisation=w.victim)),
        ("network", "signaal/signal_pk"): lambda w, kw: _first(
            sg.Signal.objects.filter(organisation=w.victim, may_contact=True, key_figure_id__isnull=False)
        ),
        ("network", "personen/pk"): lambda w, kw: _first(
            nw.KeyFigure.objects.filter(organisation=w.victim, erased_at__isnull=True)
        ),
        # signals
        ("signals", "signalen/pk"): lambda w, kw: _first(
            sg.Signal.objects.filter(organisation=w.victim, published=True, channel__in=REPORTED_CHANNELS)
        ),
        ("signals", "meldingen/pk"): lambda w, kw: _first(sg.Alert.objects.filter(organisation=w.victim)),
        ("signals", "themas/pk"): lambda w, kw: _first(sg.Theme.objects.filter(organisation=w.victim)),
        ("signals", "import/pk"): lambda w, kw: _first(sg.ImportJob.objects.filter(organisation=w.victim)),
        ("signals", "overleg/pk"): lambda w, kw: _first(sg.Meeting.objects.filter(organisation=w.victim)),
        ("signals", "api-sleutels/pk"): lambda w, kw: _first(
            sg.ApiToken.objects.filter(organisation=w.victim)
        ),
        # dialogues
        ("dialogue", "dialogen/slug"): lambda w, kw: list(
            Dialogue.objects.filter(organisation=w.victim).order_by("pk").values_list("slug", flat=True)[:1]
        ),
        ("dialogue", "moderatie/pk"): lambda w, kw: _first(
            Statement.objects.filter(dialogue__slug=kw["slug"])
        ),
        (v, "unused"): lambda w, kw: [],
    }


# Routes whose parameters come in several combinations: every combination is tried.
def _special_cases(w: World, namespace: str, name: str) -> list[Kwargs] | None:
    from brug.learning import models as le
    from brug.network import models as nw

    if (namespace, name) == ("learning", "ics"):
        edition = _first(_edition(w))[0]
        cases = [
            ("bijeenkomst", le.Session.objects.filter(edition_id=edition)),
            ("intake", le.Intake.objects.filter(registration__edition_id=edition)),
            ("startgesprek", le.Pair.objects.filter(edition_id=edition, scheduled_at__isnull=False)),
            ("werksessie", le.WorkSession.objects.filter(application__registration__edition_id=edition)),
        ]
        return [{"edition_id": edition, "kind": kind, "pk": _first(qs)[0]} for kind, qs in cases]
    if namespace == "learning" and name == "participant_ics":
        edition = _first(_participation(w))[0]
        return [
            {"edition_id": edition, "session_id": _first(le.Session.objects.filter(edition_id=edition))[0]}
        ]
    if namespace == "network" and name in ("phase3_create", "phase3_edit"):
        network = _first(nw.Network.objects.filter(organisation=w.victim))[0]
        models = {"bijeenkomst": nw.Meeting, "werkgroep": nw.WorkingGroup, "training": nw.Training}
        cases = []
        for kind, model in models.items():
            kw: Kwargs = {"pk": network, "kind": kind}
            if name == "phase3_edit":
                kw["item_pk"] = _first(model.objects.filter(network_id=network))[0]
            cases.append(kw)
        return cases
    return None


PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def route_params(route: str) -> list[tuple[str, str]]:
    """(segment before, parameter name) for every parameter except org_slug."""
    found = []
    for match in PARAM.finditer(route):
        name = match.group(2)
        if name == "org_slug":
            continue
        before = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
        found.append((before, name))
    return found


def fill(route: str, org_slug: str, kwargs: Kwargs) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        return org_slug if name == "org_slug" else str(kwargs[name])

    return "/" + PARAM.sub(value, route).lstrip("^").rstrip("$")


def cases_for(w: World, route: str, namespace: str, name: str) -> list[Kwargs]:
    special = _special_cases(w, namespace, name)
    if special is not None:
        return special
    resolvers = _resolvers()
    kwargs: Kwargs = {}
    for before, param in route_params(route):
        resolver = resolvers.get((namespace, f"{before}/{param}"))
        if resolver is None:
            raise LookupError(f"{namespace}:{name}: no sample for '{before}/<{param}>'")
        values = resolver(w, kwargs)
        if not values:
            raise LookupError(
                f"{namespace}:{name}: the demo data has no victim object for '{before}/<{param}>'"
            )
        kwargs[param] = values[0]
    return [kwargs]


def roles_for(w: World, route: str) -> tuple[Any, Any, Any, Any]:
    """(victim organisation, owner, attacker organisation, attacker) for a route."""
    if "leernetwerk/edities/" in route:
        return w.partner_victim, w.partner_owner, w.attacker_partner, w.attacker_facilitator
    if "leernetwerk/deelname/" in route:
        return w.participant_victim, w.participant_owner, w.attacker_org, w.attacker
    return w.victim, w.owner, w.attacker_org, w.attacker


# ---- the world ------------------------------------------------------------------------------


def _complete_learning(edition: Any, participant_municipality: Any) -> None:
    """The demo edition lacks a few object kinds: add one of each (file, thread, maatwerk, ...)."""
    from django.core.files.base import ContentFile

    from brug.learning import models as le

    registrations = list(le.Registration.objects.filter(edition=edition).order_by("pk"))
    own = next(r for r in registrations if r.municipality_id == participant_municipality.pk)
    other = next(r for r in registrations if r.pk != own.pk)
    session = le.Session.objects.filter(edition=edition).order_by("pk").first()
    assert session is not None, "demo edition without sessions"
    assignment = le.Assignment.objects.filter(edition=edition).first() or le.Assignment.objects.create(
        edition=edition, title="Opdracht (tenancy-test)", description="Test", due_date=timezone.localdate()
    )
    if not le.SubmissionFile.objects.filter(submission__registration=own).exists():
        submission, _ = le.Submission.objects.get_or_create(assignment=assignment, registration=own)
        upload = le.SubmissionFile(
            submission=submission, original_name="verslag.txt", content_type="text/plain", size=7
        )
        upload.file.save("verslag.txt", ContentFile(b"verslag"), save=True)
    if not le.Thread.objects.filter(asker=own).exists():
        thread = le.Thread.objects.create(edition=edition, asker=own, addressee=other, subject="Vraag (test)")
        le.Message.objects.create(thread=thread, author_registration=own, body="Hoe deden jullie dit?")
    application = le.MaatwerkApplication.objects.filter(registration__edition=edition).first()
    if application is None:
        application = le.MaatwerkApplication.objects.create(registration=own, motivation="Test")
    if not le.WorkSession.objects.filter(application=application).exists():
        now = timezone.localtime()
        le.WorkSession.objects.create(
            application=application,
            number=1,
            date=now.date(),
            start_time=now.time(),
            end_time=now.time(),
            place="Gouda",
        )
    if not le.Pair.objects.filter(edition=edition, scheduled_at__isnull=False).exists():
        pair = le.Pair.objects.filter(edition=edition).first() or le.Pair.objects.create(
            edition=edition, first=own, second=other
        )
        le.Pair.objects.filter(pk=pair.pk).update(scheduled_at=timezone.now())
    if not le.Intake.objects.filter(registration__edition=edition).exists():
        le.Intake.objects.create(registration=own, scheduled_at=timezone.now())


# Which other demo loaders an app's routes need (the rest is skipped when BRUG_TENANCY_APPS is set).
LOADER_NEEDS: dict[str, set[str]] = {"core": set(), "municipalities": set()}


def build_world(tenancy: Tenancy) -> World:
    from brug.analysis.models import Intervention
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.core.models import Membership, Organisation, OrganisationKind, Role, User
    from brug.core.registry import demo_loaders
    from brug.signals.models import ApiToken

    ctx = DemoContext()
    load_core(ctx)
    apps = selected_apps()
    for app, module in demo_loaders():
        if apps is None or app.rsplit(".", 1)[-1] in apps | LOADER_NEEDS.get(app.rsplit(".", 1)[-1], set()):
            module.load(ctx)
    victim = ctx.orgs["voorbeeldstad"]
    # Object kinds the demo does not make for the victim.
    if not ApiToken.objects.filter(organisation=victim).exists():
        ApiToken.objects.create(organisation=victim, name="Meldkamer (test)", token_hash="x" * 64, prefix="x")
    # A key figure's signal that allows contact (the follow-up page).
    from brug.network.models import KeyFigure
    from brug.signals.models import Channel, Signal
    from brug.signals.services import create_signal

    figure = KeyFigure.objects.filter(organisation=victim, erased_at__isnull=True).order_by("pk").first()
    if figure is not None and not Signal.objects.filter(organisation=victim, may_contact=True).exists():
        create_signal(
            organisation=victim,
            channel=Channel.KEY_FIGURE,
            text="Zorgen over de sfeer bij de markt",
            may_contact=True,
            key_figure_id=figure.pk,
        )
    # An open invitation (the members page lists them).
    from datetime import timedelta

    from brug.core.models import Invitation

    Invitation.objects.get_or_create(
        organisation=victim,
        email="nieuwe.collega@voorbeeldstad.example",
        defaults={
            "role": "medewerker",
            "token_hash": "t" * 64,
            "expires_at": timezone.now() + timedelta(days=3),
        },
    )
    # A theme with a name no other organisation has (the default themes share their names).
    from brug.signals.models import Theme

    Theme.objects.get_or_create(
        organisation=victim, name="Eigen thema Voorbeeldstad", defaults={"query": "spanning"}
    )
    if not Intervention.objects.filter(organisation=victim).exists():
        Intervention.objects.create(
            organisation=victim, name="Eigen buurtgesprekken Voorbeeldstad", summary="Test"
        )
    # A partner link on the victim's first analysis, for the partner routes.
    from brug.analysis.models import JointAnalysis, PartnerLink

    first_analysis = JointAnalysis.objects.filter(organisation=victim).order_by("pk").first()
    if first_analysis is not None and not PartnerLink.objects.filter(analysis=first_analysis).exists():
        PartnerLink.objects.create(
            analysis=first_analysis,
            token_hash="p" * 64,
            name="Wim Wijkagent",
            email="wim@politie.example",
            organisation_name="Politie",
            role_label="wijkagent",
            domain="veiligheid",
            expires_at=timezone.now() + timedelta(days=7),
        )
    # One organisation-only knowledge item with a PDF, for the PDF route.
    from brug.knowledge.models import KnowledgeItem, Visibility

    item = KnowledgeItem.objects.filter(organisation=victim, visibility=Visibility.ORGANISATION).order_by(
        "pk"
    )
    KnowledgeItem.objects.filter(pk__in=list(item.values_list("pk", flat=True)[:1])).update(
        pdf=b"%PDF-1.4 test"
    )
    partner_victim = ctx.orgs["ess"]
    participant_victim = ctx.orgs["gouda"]
    if apps is None or "learning" in apps:
        edition = _edition_for_world(partner_victim, participant_victim)
        _complete_learning(edition, participant_victim.municipality)

    attacker_partner = Organisation.objects.create(
        name="Partner Aanval", slug="partner-aanval", kind=OrganisationKind.PARTNER
    )
    attacker_facilitator = User.objects.create_user(
        email="aanval@partner.example", password="Geheim-wachtwoord-1", name="Ada Aanval"
    )
    Membership.objects.create(user=attacker_facilitator, organisation=attacker_partner, role=Role.FACILITATOR)
    return World(
        victim=victim,
        partner_victim=partner_victim,
        participant_victim=participant_victim,
        owner=ctx.users["coordinator"],
        partner_owner=ctx.users["facilitator"],
        participant_owner=ctx.users["participant"],
        attacker_org=tenancy.outsider_org,
        attacker=tenancy.outsider,
        attacker_partner=attacker_partner,
        attacker_facilitator=attacker_facilitator,
    )


def _edition_for_world(partner_victim: Any, participant_victim: Any) -> Any:
    from brug.learning.models import Edition, Status

    edition = (
        Edition.objects.filter(
            organisation=partner_victim,
            registrations__municipality=participant_victim.municipality,
            registrations__status=Status.SELECTED,
        )
        .order_by("pk")
        .first()
    )
    assert edition is not None, "the demo has no edition in which Gouda takes part"
    return edition


def victim_names(w: World) -> list[str]:
    """Distinctive names of the victim's objects: none may appear on the attacker's own pages."""
    from brug.analysis.models import DecisionExplanation, ImpactScan, JointAnalysis, PolarisationMap
    from brug.core.models import Invitation
    from brug.dialogue.models import Dialogue
    from brug.knowledge.models import KnowledgeItem, Visibility
    from brug.network.models import KeyFigure, Network
    from brug.signals.models import ApiToken, Meeting, Theme

    names: list[str] = []
    for qs, attr in [
        (PolarisationMap.objects.filter(organisation=w.victim), "title"),
        (JointAnalysis.objects.filter(organisation=w.victim), "title"),
        (ImpactScan.objects.filter(organisation=w.victim), "project"),
        (DecisionExplanation.objects.filter(organisation=w.victim), "title"),
        (Dialogue.objects.filter(organisation=w.victim), "title"),
        # items shared with the network or the public are meant to be seen by others
        (KnowledgeItem.objects.filter(organisation=w.victim, visibility=Visibility.ORGANISATION), "title"),
        (Network.objects.filter(organisation=w.victim), "name"),
        (KeyFigure.objects.filter(organisation=w.victim), "name"),
        (Meeting.objects.filter(organisation=w.victim), "title"),
        (ApiToken.objects.filter(organisation=w.victim), "name"),
        (Invitation.objects.filter(organisation=w.victim), "email"),
        (Theme.objects.filter(organisation=w.victim, name__startswith="Eigen thema"), "name"),
    ]:
        names += [str(getattr(obj, attr)) for obj in qs if len(str(getattr(obj, attr))) >= 8]
    return names


def object_routes() -> list[tuple[str, str, str]]:
    return [
        (route, ns, pattern.name or "")
        for route, pattern, ns in all_routes()
        if "<slug:org_slug>" in route and route_params(route) and _wanted(ns)
    ]


def list_routes() -> list[tuple[str, str, str]]:
    return [
        (route, ns, pattern.name or "")
        for route, pattern, ns in all_routes()
        if "<slug:org_slug>" in route and not route_params(route) and _wanted(ns)
    ]


# ---- the test ---------------------------------------------------------------------------------
# One test function, so the demo world is built once (it takes most of the time). The mutation
# script sets BRUG_TENANCY_APPS=<app> to walk only that app's routes on only its demo data.


def selected_apps() -> set[str] | None:
    value = os.environ.get("BRUG_TENANCY_APPS", "").strip()
    return {a.strip() for a in value.split(",") if a.strip()} if value else None


def _wanted(namespace: str) -> bool:
    apps = selected_apps()
    return apps is None or namespace in apps


def check_samples(w: World) -> list[str]:
    missing = []
    for route, ns, name in object_routes():
        try:
            cases_for(w, route, ns, name)
        except LookupError as exc:
            missing.append(str(exc))
    return missing


def check_object_routes(w: World) -> list[str]:
    clients: dict[int, Client] = {}

    def client(user: Any) -> Client:
        if user.pk not in clients:
            clients[user.pk] = login(Client(), user)
        return clients[user.pk]

    problems = []
    for route, ns, name in object_routes():
        victim, owner, attacker_org, attacker = roles_for(w, route)
        for kwargs in cases_for(w, route, ns, name):
            own_url = fill(route, victim.slug, kwargs)
            response = client(owner).get(own_url)
            control = response.status_code
            if control not in (200, 302, 405):
                problems.append(f"control: owner gets {control} on {ns}:{name} {own_url}")
            # The owner's page is rendered here anyway: its trail must come from the one helper
            # (a hand-made list of tuples renders as empty crumbs).
            trail = (response.context or {}).get("breadcrumbs") if control == 200 else None
            if trail and not all(isinstance(c, Crumb) for c in trail):
                problems.append(f"breadcrumbs not built with brug.core.breadcrumbs on {ns}:{name}")
            url = fill(route, attacker_org.slug, kwargs)
            statuses = {m: getattr(client(attacker), m)(url).status_code for m in ("get", "post")}
            # 405 (a method the view never accepts) shows nothing; the other method must be 404.
            for method, status in statuses.items():
                if status not in (404, 405):
                    problems.append(f"LEAK {method.upper()} {ns}:{name} {url} -> {status}")
            if 404 not in statuses.values():
                problems.append(f"no 404 at all on {ns}:{name} {url}: {statuses}")
    return problems


def check_list_routes(w: World) -> list[str]:
    names = victim_names(w)
    problems = [] if names or selected_apps() else ["no victim names to look for"]
    for attacker_org, attacker in [
        (w.attacker_org, w.attacker),
        (w.attacker_partner, w.attacker_facilitator),
    ]:
        client = login(Client(), attacker)
        for route, ns, name in list_routes():
            response = client.get(fill(route, attacker_org.slug, {}))
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            body = response.content.decode()
            shown = [n for n in names if n in body]
            if shown:
                problems.append(f"LIST {ns}:{name} for {attacker_org.slug} shows {shown[:3]}")
    return problems


SELECTOR_MODULES = {
    "core": "brug.core.selectors",
    "municipalities": "brug.municipalities.selectors",
    "learning": "brug.learning.selectors",
    "knowledge": "brug.knowledge.selectors",
    "analysis": "brug.analysis.selectors",
    "network": "brug.network.selectors",
    "signals": "brug.signals.selectors",
    "dialogue": "brug.dialogue.selectors",
}


def _membership_selectors() -> list[tuple[str, Callable[..., Any]]]:
    """Every selector that needs nothing but a membership (list selectors, counts, summaries)."""
    import importlib
    import inspect

    found = []
    for app, module_name in SELECTOR_MODULES.items():
        if not _wanted(app):
            continue
        module = importlib.import_module(module_name)
        for name, fn in vars(module).items():
            if not inspect.isfunction(fn) or fn.__module__ != module_name:
                continue
            params = inspect.signature(fn).parameters
            if "membership" not in params:
                continue
            if all(p.default is not inspect.Parameter.empty for n, p in params.items() if n != "membership"):
                found.append((f"{module_name}.{name}", fn))
    return found


def _flatten(value: Any) -> list[Any]:
    from django.db.models import Model, QuerySet

    if isinstance(value, Model):
        return [value]
    if isinstance(value, QuerySet):
        return list(value)
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flatten(v)]
    if isinstance(value, list | tuple | set):
        return [x for v in value for x in _flatten(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [x for f in value.__dataclass_fields__ for x in _flatten(getattr(value, f))]
    return [value]


def _shared(obj: Any) -> bool:
    """Objects every organisation may see: the national catalogue, network or public knowledge."""
    if getattr(obj, "organisation_id", 0) is None:
        return True
    return getattr(obj, "visibility", "") in ("netwerk", "publiek", "network", "public")


def check_selectors(w: World) -> list[str]:
    """Called straight, every membership selector gives the attacker nothing of the victim's:
    no object the owner's call returns, and (the attacker's organisation being new) no count."""
    from django.db.models import Model

    owner_membership = Membership.objects.get(user=w.owner, organisation=w.victim)
    attackers = [
        Membership.objects.get(user=w.attacker, organisation=w.attacker_org),
        Membership.objects.get(user=w.attacker_facilitator, organisation=w.attacker_partner),
    ]
    problems = []
    for name, fn in _membership_selectors():
        owned = {(type(o), o.pk) for o in _flatten(fn(membership=owner_membership)) if isinstance(o, Model)}
        for attacker in attackers:
            got = _flatten(fn(membership=attacker))
            leaked = [o for o in got if isinstance(o, Model) and (type(o), o.pk) in owned and not _shared(o)]
            counts = [v for v in got if isinstance(v, int) and not isinstance(v, bool) and v != 0]
            if leaked:
                problems.append(f"SELECTOR {name} gives {attacker.organisation.slug} {leaked[:3]}")
            elif counts and name not in COUNTS_OF_A_NEW_ORGANISATION:
                problems.append(f"SELECTOR {name} gives {attacker.organisation.slug} counts {counts[:5]}")
    return problems


# Selectors whose numbers are not zero for a brand-new organisation, with why.
COUNTS_OF_A_NEW_ORGANISATION: dict[str, str] = {
    "brug.knowledge.selectors.scope_for": "the numbers are the attacker's own organisation ids",
    "brug.analysis.selectors.interventions_as_data": "ids of the national catalogue (interventions_for is checked)",
}


@pytest.mark.django_db
def test_attacker_reaches_no_object_of_another_organisation(
    tenancy: Tenancy, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    world = build_world(tenancy)
    assert len(object_routes()) > (80 if selected_apps() is None else 0)
    problems = check_samples(world)
    assert not problems, "Routes zonder voorbeeld-object:\n" + "\n".join(problems)
    problems = check_selectors(world) + check_object_routes(world) + check_list_routes(world)
    assert not problems, "\n".join(problems)
