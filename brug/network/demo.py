"""Demo data for Voorbeeldstad: a network like Delft's (seed 003). All names are made up.

About ten partners in working groups, 35 key figures reached by snowball from four starters,
two broad meetings a year, and two neighbourhoods nobody reaches yet (Westerpark, Bloemendaal-Zuid).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from brug.core.demo import DemoContext
from brug.core.models import Organisation
from brug.municipalities.models import Neighbourhood

from .models import (
    AgeGroup,
    BoardSupport,
    Decision,
    Domain,
    FigureKind,
    KeyFigure,
    KeyFigureStatus,
    Meeting,
    MunicipalityRole,
    Network,
    NetworkKind,
    NetworkRevision,
    Recruiter,
    SelectionConversation,
    StatusChange,
    Training,
    WorkingGroup,
)
from .models.networks import DEFAULT_DOMAINS

NETWORK_NAME = "Netwerk sleutelfiguren Voorbeeldstad"
A = AgeGroup
S = KeyFigureStatus
FO, IN = FigureKind.FORMAL, FigureKind.INFORMAL
# name, formal?, domain, employer, neighbourhoods, communities, languages, age groups, status, referrer, months ago
# fmt: off
PEOPLE: list[tuple] = [
    ("Anouk Verhoeven", FO, "Jongerenwerk", "Stichting Jong Voorbeeldstad", "Centrum Spoorzijde", "jongeren Spoorzijde", "Nederlands", [A.YOUTH, A.YOUNG_ADULTS], S.ACTIVE, None, 22),
    ("Karim Bouzid", FO, "Politie", "Politie eenheid Zuid", "Spoorzijde Noorderveld", "", "Nederlands, Arabisch", [A.YOUNG_ADULTS, A.ADULTS], S.ACTIVE, None, 22),
    ("Ingrid Mulder", FO, "School", "Noorderveld College", "Noorderveld De Akkers", "ouders Noorderveld", "Nederlands", [A.YOUTH, A.PARENTS], S.ACTIVE, None, 21),
    ("Hasan Demir", IN, "Religieuze organisatie", "Moskeevereniging Oost", "De Akkers Molenwijk", "Turkse gemeenschap", "Nederlands, Turks", [A.ADULTS, A.ELDERLY], S.ACTIVE, None, 21),
    ("Femke de Groot", FO, "Welzijn en zorg", "Welzijn Voorbeeldstad", "Centrum", "ouderen Centrum", "Nederlands", [A.ELDERLY], S.ACTIVE, 0, 20),
    ("Youssef El Idrissi", IN, "Sportvereniging", "VV De Spoorvogels", "Spoorzijde", "Marokkaanse gemeenschap, jongeren Spoorzijde", "Nederlands, Arabisch, Tamazight", [A.YOUTH], S.ACTIVE, 0, 19),
    ("Sanne Kok", IN, "Bewonersinitiatief", "Buurtcomité Spoorzijde", "Spoorzijde", "", "Nederlands", [A.ADULTS, A.PARENTS], S.ACTIVE, 0, 19),
    ("Ahmed Warsame", IN, "Migrantenorganisatie", "Somalische Vereniging", "Noorderveld", "Somalische gemeenschap", "Nederlands, Somalisch", [A.ADULTS, A.PARENTS], S.ACTIVE, 1, 18),
    ("Joost van Leeuwen", FO, "Politie", "Politie eenheid Zuid", "De Akkers Molenwijk", "", "Nederlands", [A.YOUNG_ADULTS], S.ACTIVE, 1, 18),
    ("Meryem Aydin", IN, "Bewonersinitiatief", "Vrouwencentrum De Akkers", "De Akkers", "Turkse gemeenschap, vrouwen", "Nederlands, Turks", [A.ADULTS], S.ACTIVE, 3, 17),
    ("Pieter Bakker", FO, "Sportvereniging", "Korfbalclub Molenwijk", "Molenwijk", "", "Nederlands", [A.CHILDREN, A.YOUTH], S.ACTIVE, 2, 16),
    ("Lisa Jansen", FO, "School", "Basisschool De Molen", "Molenwijk", "ouders Molenwijk", "Nederlands", [A.CHILDREN, A.PARENTS], S.ACTIVE, 2, 15),
    ("Abdi Hassan", IN, "Migrantenorganisatie", "Somalische Vereniging", "Noorderveld", "Somalische gemeenschap, jongeren", "Nederlands, Somalisch", [A.YOUTH, A.YOUNG_ADULTS], S.ACTIVE, 7, 15),
    ("Marloes Smit", FO, "Welzijn en zorg", "Buurtteam Centrum", "Centrum Oude Haven", "ouderen, mensen met schulden", "Nederlands", [A.ADULTS, A.ELDERLY], S.ACTIVE, 4, 14),
    ("Willem de Vries", IN, "Bewonersinitiatief", "Havenvereniging", "Oude Haven", "vissersfamilies", "Nederlands", [A.ELDERLY], S.ACTIVE, 13, 13),
    ("Grietje Postma", IN, "Cultuur", "Havenmuseum (vrijwilliger)", "Oude Haven", "", "Nederlands, Fries", [A.ELDERLY], S.ACTIVE, 14, 12),
    ("Dirk Hoekstra", IN, "Ondernemers", "Ondernemersvereniging Haven", "Oude Haven", "ondernemers", "Nederlands", [A.ADULTS], S.ACTIVE, 14, 12),
    ("Tomasz Nowak", IN, "Ondernemers", "Bouwbedrijf Nowak", "Spoorzijde", "Poolse gemeenschap", "Nederlands, Pools", [A.ADULTS], S.ACTIVE, 6, 11),
    ("Ewa Kowalska", IN, "Religieuze organisatie", "Parochie Sint-Jozef", "Spoorzijde Centrum", "Poolse gemeenschap", "Pools, Nederlands", [A.ADULTS, A.PARENTS], S.ACTIVE, 17, 10),
    ("Rachid Amrani", FO, "Jongerenwerk", "Stichting Jong Voorbeeldstad", "Noorderveld", "jongeren Noorderveld", "Nederlands, Arabisch", [A.YOUTH, A.YOUNG_ADULTS], S.ACTIVE, 0, 10),
    ("Esther Cohen", IN, "Religieuze organisatie", "Joodse gemeente", "Centrum", "Joodse gemeenschap", "Nederlands, Hebreeuws", [A.ADULTS, A.ELDERLY], S.ACTIVE, 4, 9),
    ("Priya Ramdin", FO, "School", "Centrum Lyceum", "Centrum", "Hindoestaanse gemeenschap, ouders", "Nederlands, Sarnami", [A.YOUTH, A.PARENTS], S.ACTIVE, 2, 9),
    ("Ruud Vermeulen", IN, "Sportvereniging", "Boksschool Molenwijk", "Molenwijk De Akkers", "jongeren Molenwijk", "Nederlands", [A.YOUTH, A.YOUNG_ADULTS], S.ACTIVE, 10, 8),
    ("Fatma Yildiz", IN, "Bewonersinitiatief", "Taalcafé De Akkers", "De Akkers", "statushouders", "Nederlands, Turks, Arabisch", [A.ADULTS], S.ACTIVE, 9, 8),
    ("Tesfay Gebremedhin", IN, "Migrantenorganisatie", "Eritrese Vereniging", "Noorderveld", "Eritrese gemeenschap, statushouders", "Tigrinya, Nederlands", [A.YOUNG_ADULTS, A.ADULTS], S.ACTIVE, 7, 7),
    ("Noor van Dam", FO, "Welzijn en zorg", "Welzijn Voorbeeldstad", "Noorderveld Spoorzijde", "mantelzorgers", "Nederlands", [A.ADULTS], S.ACTIVE, 4, 6),
    ("Mohamed Benali", IN, "Religieuze organisatie", "Moskee Al Fath", "Spoorzijde", "Marokkaanse gemeenschap", "Arabisch, Nederlands", [A.ADULTS, A.ELDERLY], S.ACTIVE, 5, 6),
    ("Bas Koster", FO, "Jongerenwerk", "Stichting Jong Voorbeeldstad", "Molenwijk", "", "Nederlands", [A.YOUTH], S.PAUSED, 0, 5),
    ("Kees Brouwer", IN, "Bewonersinitiatief", "Buurtpreventie Noorderveld", "Noorderveld", "", "Nederlands", [A.ADULTS], S.STOPPED, 2, 16),
    ("Yara Haddad", IN, "Cultuur", "Theatergroep Spiegel", "Centrum", "jongvolwassenen", "Nederlands, Arabisch", [A.YOUNG_ADULTS], S.STOPPED, 20, 7),
    ("Daan Visser", FO, "Politie", "Politie eenheid Zuid", "Centrum", "", "Nederlands", [A.ADULTS], S.STOPPED, 1, 12),
    ("Lotte Hendriks", IN, "Bewonersinitiatief", "Speeltuinvereniging", "Molenwijk", "ouders Molenwijk", "Nederlands", [A.PARENTS], S.IN_CONVERSATION, 11, 1),
    ("Ibrahim Diallo", IN, "Sportvereniging", "Voetbalclub Spoorzijde", "Spoorzijde", "West-Afrikaanse gemeenschap", "Frans, Nederlands", [A.YOUTH], S.CANDIDATE, 5, 0),
    ("Maria Santos", IN, "Religieuze organisatie", "Kaapverdiaanse kerk", "Noorderveld", "Kaapverdiaanse gemeenschap", "Portugees, Nederlands", [A.ADULTS], S.CANDIDATE, 18, 0),
    ("Henk Zwart", IN, "Ondernemers", "Winkeliersvereniging Centrum", "Centrum", "winkeliers", "Nederlands", [A.ADULTS], S.ACTIVE, 20, 4),
]
# fmt: on
# Working groups: (name, topics, member indexes). Together about ten fixed partners, like Delft.
GROUPS = [
    (
        "Werkgroep arbeidsmarkt",
        "Discriminatie op de arbeidsmarkt; gesprekken met het mkb",
        [1, 3, 17, 34, 24],
    ),
    ("Werkgroep media", "Minder polariserende berichtgeving; gesprek met de lokale krant", [0, 5, 20, 21]),
    ("Werkgroep opvoeden en online", "Ouders en kinderen op sociale media; weerbaarheid", [2, 7, 11, 12]),
]


def _at(months_ago: int, day: int = 10) -> datetime:
    today = timezone.localdate()
    # Negative months_ago is in the future (retention dates).
    index = today.year * 12 + today.month - 1 - months_ago
    year, month = divmod(index, 12)
    month += 1
    return timezone.make_aware(datetime.combine(date(year, month, min(day, 28)), time(10)))


@transaction.atomic
def load(ctx: DemoContext) -> None:
    org = ctx.orgs["voorbeeldstad"]
    if Network.objects.filter(organisation=org, name=NETWORK_NAME).exists():
        return
    coordinator = ctx.users.get("coordinator")
    for name in DEFAULT_DOMAINS:
        Domain.objects.get_or_create(organisation=org, name=name)
    domains = {d.name: d for d in Domain.objects.filter(organisation=org)}
    hoods = {n.name: n for n in Neighbourhood.objects.filter(municipality__organisation=org)}
    network = Network.objects.create(
        organisation=org,
        name=NETWORK_NAME,
        kind=NetworkKind.STANDING,
        purpose="Spanningen tussen groepen vroeg opmerken en samen de boel bij elkaar houden.",
        goal="Een voelspriet in alle wijken; signalen delen; twee brede bijeenkomsten per jaar met een jaarplanning.",
        themes="Polarisatie, discriminatie op de arbeidsmarkt, media, jongeren online",
        target_groups="Jongeren, ouders, migrantengemeenschappen, ondernemers, ouderen",
        board_support=BoardSupport.FORMAL,
        municipality_role=MunicipalityRole.FACILITATOR,
        target_communities="Marokkaanse gemeenschap, Turkse gemeenschap, Somalische gemeenschap, "
        "Poolse gemeenschap, statushouders, Antilliaanse gemeenschap",
        target_age_groups=[A.YOUTH, A.YOUNG_ADULTS, A.ADULTS, A.ELDERLY, A.PARENTS],
        target_languages="Nederlands, Arabisch, Turks, Somalisch, Pools, Tigrinya, Papiaments",
    )
    network.target_neighbourhoods.set(hoods.values())
    network.target_domains.set(
        [
            domains[n]
            for n in (
                "Jongerenwerk",
                "Politie",
                "Sportvereniging",
                "Religieuze organisatie",
                "School",
                "Bewonersinitiatief",
            )
        ]
    )
    NetworkRevision.objects.create(
        network=network, revised_by=coordinator, snapshot={"name": NETWORK_NAME}, changed=["name"]
    )
    adhoc = Network.objects.create(
        organisation=org,
        name="Ad hoc: opvang statushouders Spoorzijde",
        kind=NetworkKind.AD_HOC,
        purpose="Onrust rond de komst van een opvanglocatie in Spoorzijde.",
        goal="Zorgen en geruchten vroeg horen; bewonersavond voorbereiden.",
        board_support=BoardSupport.INFORMAL,
        municipality_role=MunicipalityRole.DIRECTOR,
        target_communities="statushouders",
    )
    adhoc.target_neighbourhoods.set([hoods["Spoorzijde"]])
    people: list[KeyFigure] = []
    for i, (
        name,
        kind,
        domain,
        employer,
        hood_names,
        communities,
        languages,
        ages,
        status,
        ref,
        months,
    ) in enumerate(PEOPLE):
        first = name.split(" ")[0].lower()
        kf = KeyFigure.objects.create(
            organisation=org,
            name=name,
            email=f"{first}.{i}@sleutelfiguur.example",
            phone=f"0612{i:06d}",
            kind=kind,
            employer=employer,
            domain=domains[domain],
            communities=communities,
            languages=languages,
            age_groups=list(ages),
            availability="avonden en weekend" if kind == IN else "onder werktijd",
            start_date=_at(months).date() if status not in (S.CANDIDATE, S.IN_CONVERSATION) else None,
            status=status,
            referred_by=people[ref] if ref is not None else None,
            recruited_by=Recruiter.SNOWBALL
            if ref is not None
            else (Recruiter.EXTERNAL if i == 3 else Recruiter.MUNICIPALITY),
            recruiter_name="Stichting Verbinden" if i == 3 else "",
            consent_purpose="Contact over het netwerk en het melden van signalen",
            consent_date=_at(months).date(),
            consent_how="Mondeling in het selectiegesprek, bevestigd per e-mail",
            # One person's retention date has passed, so the reminder shows in the demo.
            retention_until=(timezone.localdate() - timedelta(days=3))
            if i == 30
            else _at(months - 36).date(),
        )
        kf.neighbourhoods.set(_hoods(hoods, hood_names))
        kf.networks.add(network)
        if i in (5, 6, 17, 23, 26):
            kf.networks.add(adhoc)
        people.append(kf)
        _history(org, kf, status, months)
    for name, topics, members in GROUPS:
        group = WorkingGroup.objects.create(network=network, name=name, topics=topics)
        group.members.set([people[m] for m in members])
    for months, title in ((8, "Brede bijeenkomst voorjaar"), (2, "Brede bijeenkomst najaar")):
        present = [p for j, p in enumerate(people[:28]) if (j + months) % 4 != 0]
        meeting = Meeting.objects.create(
            network=network,
            title=title,
            held_on=_at(months, 15).date(),
            attendance_count=len(present),
            annual_plan="Jaarplanning: voorlichting over polarisatie in de gemeenschappen; gesprek met de lokale "
            "krant; bijeenkomst met het mkb over kansen voor jongeren.",
        )
        meeting.attendees.set(present)
    training = Training.objects.create(
        network=network,
        title="Training signaleren en duiden",
        offered_on=_at(9).date(),
        description="Hoe herken je spanningen, wat geef je door en aan wie?",
    )
    training.participants.set(people[:14])


def _hoods(hoods: dict[str, Neighbourhood], names: str) -> list[Neighbourhood]:
    # Names are space-separated in the table; two of them contain a space themselves.
    chosen = []
    for known in sorted(hoods, key=len, reverse=True):
        if known in names:
            chosen.append(hoods[known])
            names = names.replace(known, "")
    return chosen


def _history(org: Organisation, kf: KeyFigure, status: str, months: int) -> None:
    changes = [("", S.CANDIDATE, months + 1)]
    if status in (S.ACTIVE, S.PAUSED, S.STOPPED):
        changes.append((S.CANDIDATE, S.ACTIVE, months))
        SelectionConversation.objects.create(
            key_figure=kf,
            held_on=_at(months, 5).date(),
            enough_time=True,
            click=True,
            motivation="Wil bijdragen aan een wijk waarin mensen elkaar kennen.",
            decision=Decision.ACCEPT,
            reason="Heeft tijd, brede contacten en geen andere belangen.",
        )
    if status == S.PAUSED:
        changes.append((S.ACTIVE, S.PAUSED, max(months - 3, 0)))
    if status == S.STOPPED:
        changes.append((S.ACTIVE, S.STOPPED, max(months - 5, 0)))
    if status == S.IN_CONVERSATION:
        changes.append((S.CANDIDATE, S.IN_CONVERSATION, 0))
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                organisation=org, key_figure=kf, old_status=old, new_status=new, changed_at=_at(m, 3)
            )
            for old, new, m in changes
        ]
    )
