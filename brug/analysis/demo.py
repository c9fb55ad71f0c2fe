"""Demo data for Voorbeeldstad: a map with seed 004's pairs, incidents, an actor map for one
pair, a joint analysis and an impact scan for wind turbines. Idempotent: keyed on titles."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from brug.core.demo import DemoContext
from brug.core.models import Membership
from brug.municipalities.models import Neighbourhood

from . import services
from .config import Role
from .models import DecisionExplanation, ImpactScan, Intervention, JointAnalysis, PolarisationMap

MAP_TITLE = "Wij-zij's in Voorbeeldstad"
ANALYSIS_TITLE = "Spanningen rond Spoorzijde"

PAIRS = [
    ("Anti Zwarte Piet", "Pro Zwarte Piet", "sinterklaas", "Elk jaar rond de intocht van Sinterklaas."),
    ("FC harde kern", "Andere clubs en hun supporters", "supporters", "Rond derby's en uitwedstrijden."),
    (
        "Gemeente",
        "Wijk ‘achter het spoor’ (Spoorzijde)",
        "burger-overheid",
        "Bewoners van Spoorzijde voelen zich vergeten door het stadhuis.",
    ),
    (
        "Nieuwkomers (bakfietsmoeders, expats)",
        "Oorspronkelijke bewoners",
        "nieuwkomers-gevestigden",
        "Nieuwe woningen in De Akkers trekken nieuwe bewoners.",
    ),
    (
        "Provincie",
        "Randstad, Den Haag en Amsterdam",
        "stad-platteland",
        "Gevoel dat beslissingen elders vallen.",
    ),
]

ACTORS = [  # for "Gemeente – Spoorzijde"
    ("Wethouder wonen", Role.PUSHER_A, True, False),
    ("Gemeentelijke communicatie", Role.JOINER_A, True, False),
    ("Een lokale Facebookgroep ‘Spoorzijde pikt het niet’", Role.PUSHER_B, False, False),
    ("Boze bewoners op de inspraakavond", Role.JOINER_B, False, False),
    ("Burgemeester", Role.BRIDGE, True, False),
    ("Buurtbewoners die vooral rust willen", Role.MIDDLE, False, False),
    ("Wijkagent", Role.MIDDLE, True, False),
    ("Voorzitter van de buurtvereniging", Role.MIDDLE, False, True),
    ("Jongeren van het trapveld", Role.SCAPEGOAT, False, False),
]


def _membership(ctx: DemoContext, key: str) -> Membership:
    return Membership.objects.get(user=ctx.users[key], organisation=ctx.orgs["voorbeeldstad"])


def load(ctx: DemoContext) -> None:
    org = ctx.orgs["voorbeeldstad"]
    services.seed_global_catalogue()
    officer = _membership(ctx, "officer")
    coordinator = _membership(ctx, "coordinator")
    today = timezone.localdate()
    pmap = PolarisationMap.objects.filter(organisation=org, title=MAP_TITLE).first()
    if pmap is None:
        pmap = _build_map(officer, today)
    if not JointAnalysis.objects.filter(organisation=org, title=ANALYSIS_TITLE).exists():
        _build_analysis(officer, coordinator, pmap)
    if not DecisionExplanation.objects.filter(organisation=org, title=DECISION_TITLE).exists():
        _build_decision(officer, coordinator)
    if not ImpactScan.objects.filter(organisation=org, project="Windpark Noorderveld").exists():
        hoods = list(Neighbourhood.objects.filter(municipality=org.municipality, name="Noorderveld"))
        services.save_impact_scan(
            membership=officer,
            project="Windpark Noorderveld",
            kind="windmolens",
            neighbourhoods=hoods,
            groups=[
                {
                    "name": "Bewoners en agrariërs van Noorderveld",
                    "how": "Zij wonen en werken naast het windpark.",
                },
                {"name": "Natuurvereniging", "how": "Zorgen over vogels en het open landschap."},
                {"name": "Nieuwe bewoners van De Akkers", "how": "Zij kozen voor het uitzicht."},
            ],
            tensions=[
                {
                    "what": "Gevoel dat de stad beslist over het buitengebied",
                    "between": "stad en buitengebied",
                },
                {"what": "Zorgen over geluid en slagschaduw", "between": "omwonenden en de gemeente"},
                {"what": "Online oproepen tegen de ‘windmaffia’", "between": "tegenstanders en voorstanders"},
            ],
            pairs=list(pmap.pairs.filter(pole_a__in=["Provincie", "Gemeente"])),
            measures=[
                {
                    "what": "Vroeg gesprek met omwonenden volgens Dilemmalogica",
                    "who": "Omgevingsmanager",
                    "due": today + dt.timedelta(days=21),
                },
                {"what": "Opbrengst deels naar een buurtfonds", "who": "Wethouder energie", "due": None},
            ],
            owner="Programmamanager energietransitie",
            review_date=today + dt.timedelta(days=45),
        )


DECISION_TITLE = "Betaald parkeren in Spoorzijde blijft, met een vergunning voor bewoners"


def _build_decision(officer: Membership, coordinator: Membership) -> None:
    analysis = JointAnalysis.objects.filter(organisation=officer.organisation, title=ANALYSIS_TITLE).first()
    explanation = services.save_decision(
        membership=officer,
        data={
            "analysis": analysis,
            "title": DECISION_TITLE,
            "decision": "De gemeenteraad heeft besloten dat betaald parkeren in Spoorzijde blijft. Bewoners krijgen "
            "vanaf 1 april een vergunning voor één auto per adres, zonder kosten in het eerste jaar.",
            "concern": "Veel bewoners voelden zich niet gehoord: het besluit kwam zonder gesprek, na jaren waarin "
            "weinig in de wijk is geïnvesteerd. Die zorg is terecht, en wij hadden eerder met u moeten praten.",
            "considerations": "Zonder betaald parkeren staan de straten vol met auto's van forenzen.\n"
            "Betaald parkeren kost bewoners geld en voelt als een straf voor de wijk.\n"
            "Een vergunning per adres lost het grootste deel van de kosten op.",
            "interests": "Bewoners die voor hun deur willen parkeren\nOndernemers aan de Stationsweg\n"
            "Hulpdiensten die de straten in moeten kunnen\nForenzen die de trein nemen",
            "common_ground": "Iedereen wil een wijk waar je je auto kwijt kunt en waar de straat niet vol staat.",
            "dilemmas": {
                "met_wie": "Wij hebben eerst met de buurtvereniging en de ondernemers gesproken, niet alleen met "
                "de mensen die online het hardst riepen.",
                "partij": "De gemeente is hier partij: wij namen het besluit. Daarom laten wij ook zien wat wij "
                "anders hadden moeten doen.",
            },
            "perspective": "In februari is er een inloopavond in het buurthuis. Na een half jaar kijken wij samen "
            "met bewoners of de vergunning werkt.",
            "contact": "Team Wijken, telefoon 14 0000, wijken@voorbeeldstad.example",
        },
    )
    services.publish_decision(membership=coordinator, explanation=explanation)


def _build_map(officer: Membership, today: dt.date) -> PolarisationMap:
    earlier = today - dt.timedelta(days=60)
    pmap = services.create_map(
        membership=officer,
        title=MAP_TITLE,
        as_of=earlier,
        phase="ongemak",
        description="Eerste kaart, gemaakt in de werksessie van het leernetwerk.",
    )
    pairs = {}
    for pole_a, pole_b, line, description in PAIRS[:3]:
        pairs[pole_a] = services.add_pair(
            membership=officer,
            pmap=pmap,
            pole_a=pole_a,
            pole_b=pole_b,
            dividing_line=line,
            description=description,
        )
    spoor = pairs["Gemeente"]
    for label, role, gov, leads in ACTORS[:6]:
        # Two months ago the wijkagent was not yet on the map and the burgemeester stood on a pole.
        services.add_actor(
            membership=officer,
            pair=spoor,
            label=label,
            role=Role.JOINER_A if label == "Burgemeester" else role,
            is_government=gov,
            leads_middle=leads,
        )
    # The first version is dated two months ago, so the history page has two dates to compare.
    services.snapshot_map(pmap=pmap, membership=officer, on=earlier)
    pmap.snapshots.filter(taken_on=today).delete()
    for pole_a, pole_b, line, description in PAIRS[3:]:
        pairs[pole_a] = services.add_pair(
            membership=officer,
            pmap=pmap,
            pole_a=pole_a,
            pole_b=pole_b,
            dividing_line=line,
            description=description,
        )
    burgemeester = spoor.actors.get(label="Burgemeester")
    services.move_actor(membership=officer, actor=burgemeester, role=Role.BRIDGE)
    for label, role, gov, leads in ACTORS[6:]:
        services.add_actor(
            membership=officer, pair=spoor, label=label, role=role, is_government=gov, leads_middle=leads
        )
    hood = {h.name: h for h in Neighbourhood.objects.filter(municipality=officer.organisation.municipality)}
    incidents = [
        (
            "Gemeente",
            40,
            "Spoorzijde",
            "Inspraakavond over het nieuwe parkeerbeleid loopt uit op geschreeuw.",
            2,
            "Verslag wijkmanager",
        ),
        (
            "Gemeente",
            12,
            "Spoorzijde",
            "Graffiti ‘stadhuis verraadt Spoorzijde’ op het viaduct.",
            2,
            "Wijkagent",
        ),
        (
            "Anti Zwarte Piet",
            320,
            "Centrum",
            "Demonstranten en tegendemonstranten bij de intocht.",
            3,
            "Politie",
        ),
        ("FC harde kern", 25, "Westerpark", "Vechtpartij na de derby bij het station.", 3, "Politie"),
        (
            "Nieuwkomers (bakfietsmoeders, expats)",
            30,
            "De Akkers",
            "Ruzie in de buurtapp over de nieuwe speeltuin.",
            1,
            "Buurtapp (melding wijkcoach)",
        ),
    ]
    for pole, days, hood_name, what, severity, source in incidents:
        services.add_incident(
            membership=officer,
            pair=pairs[pole],
            date=today - dt.timedelta(days=days),
            neighbourhood=hood.get(hood_name),
            what=what,
            severity=severity,
            source=source,
        )
    services.add_fuel(
        membership=officer,
        pair=spoor,
        pole="b",
        date=today - dt.timedelta(days=14),
        channel="Facebook",
        text="Die lui op het stadhuis hebben nog nooit een voet in onze wijk gezet.",
        identity_framed=True,
    )
    services.add_fuel(
        membership=officer,
        pair=spoor,
        pole="a",
        date=today - dt.timedelta(days=10),
        channel="Lokale krant",
        by_government=True,
        moralising=True,
        text="Wie zo tekeergaat op een inspraakavond, verdient geen gehoor.",
    )
    pmap.refresh_from_db()
    services.update_map(
        membership=officer,
        pmap=pmap,
        version=pmap.version,
        title=MAP_TITLE,
        as_of=today,
        whole_municipality=True,
        neighbourhoods=[],
        phase="spanningen",
        description=pmap.description,
    )
    return pmap


def _build_analysis(officer: Membership, coordinator: Membership, pmap: PolarisationMap) -> None:
    analysis = services.start_analysis(
        membership=officer,
        title=ANALYSIS_TITLE,
        question="Hoe voorkomen we dat de boosheid in Spoorzijde verder oploopt na het parkeerbesluit?",
        pmap=pmap,
        phase_model="movisie",
        domain="sociaal",
        other_participants="wijkagent – veiligheid\nwijkmanager – ruimtelijk",
    )
    services.save_contribution(
        membership=officer,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="spanningen",
        manifestations=["vervreemding", "onbegrip"],
        answers={
            "groups": "Bewoners van Spoorzijde, vooral ouderen en jonge gezinnen.",
            "causes": "Parkeerbesluit zonder gesprek; jaren van weinig investering in de wijk.",
            "drivers": "Een lokale Facebookgroep; één raadslid.",
            "sentiments": "Gevoel van ‘wij tellen niet mee’.",
            "protective": "Actieve buurtvereniging, het buurthuis.",
            "gaps": "Geen vast overleg tussen wijk en gemeente.",
        },
    )
    services.save_contribution(
        membership=coordinator,
        analysis=analysis,
        version=0,
        domain="veiligheid",
        phase="incidenten",
        manifestations=["vervreemding", "uitsluiting"],
        answers={
            "groups": "Een kleine groep jongeren rond het trapveld.",
            "causes": "Overlast en het parkeerbesluit.",
            "drivers": "Online oproepen om ‘het stadhuis te laten voelen’.",
            "locations": "Viaduct, trapveld, buurthuis.",
        },
    )
    analysis.refresh_from_db()
    services.save_direction(
        membership=officer,
        analysis=analysis,
        version=analysis.version,
        phase="spanningen",
        manifestations=["vervreemding", "onbegrip", "uitsluiting"],
        direction="Niet de polen maar de bewoners in het midden opzoeken; het parkeerbesluit uitleggen met de "
        "dilemma's erbij; de jongeren niet tot zondebok laten maken.",
    )
    analysis.refresh_from_db()
    chosen = {
        Intervention.objects.get(
            organisation=None, slug="dilemmalogica"
        ): "Het parkeerbesluit opnieuw uitleggen met de afwegingen erbij.",
        Intervention.objects.get(
            organisation=None, slug="gamechanger-doelgroep"
        ): "De buurtvereniging en bewoners die rust willen actief betrekken.",
    }
    services.save_interventions(
        membership=officer, analysis=analysis, version=analysis.version, chosen=chosen
    )
