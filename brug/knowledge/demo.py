"""Demo knowledge: the public method items and a few cases, dilemmas and successes. Idempotent."""

from __future__ import annotations

from brug.core.demo import DemoContext
from brug.core.models import Membership

from .models import Kind, KnowledgeItem, Visibility
from .services import publish_item, seed_method_items

# organisation key, user key, kind, visibility, title, themes, dividing lines, body
DEMO_ITEMS = [
    (
        "voorbeeldstad",
        "officer",
        Kind.CASE,
        Visibility.NETWORK,
        "Spanningen rond de komst van een azc in Noorderveld",
        ["opvang-vluchtelingen"],
        ["burger-overheid"],
        "Na de aankondiging van een asielzoekerscentrum in Noorderveld liep een bewonersavond uit de hand. "
        "Een kleine groep bewoners sprak over 'de gemeente die alles over onze hoofden heen beslist'. "
        "Online gingen berichten rond met onjuiste informatie over de aantallen.\n\n"
        "We hebben daarna in kleine groepen gesprekken gevoerd met bewoners uit de straat, samen met de "
        "wijkagent en het buurtwerk. Daarin werd duidelijk dat de zorg vooral ging over de verkeersveiligheid "
        "bij de school en over het gevoel niet gehoord te worden.",
    ),
    (
        "voorbeeldstad",
        "coordinator",
        Kind.DILEMMA,
        Visibility.ORGANISATION,
        "Met wie gaan we in gesprek over de windmolens?",
        ["windmolens"],
        ["stad-platteland", "burger-overheid"],
        "De actiegroep tegen de windmolens vraagt om een apart overleg met de wethouder. Gaan we daarop in, "
        "dan lijkt het alsof de luidste stem het meeste gewicht krijgt. Doen we het niet, dan bevestigen we het "
        "beeld van een gemeente die niet luistert. Intern dilemma: het stille midden in de dorpen zien we "
        "nauwelijks op de informatieavonden.",
    ),
    (
        "voorbeeldstad",
        "officer",
        Kind.SUCCESS,
        Visibility.PUBLIC,
        "Sinterklaasintocht zonder escalatie: vooraf in gesprek met beide kanten",
        ["sinterklaas", "dialoog"],
        ["etnisch-cultureel-religieus"],
        "Weken voor de intocht spraken we apart met voor- en tegenstanders van Zwarte Piet, met de politie en "
        "met het intochtcomité. We legden uit welke afwegingen de gemeente maakte (Dilemmalogica) en spraken "
        "af waar demonstreren kon. De intocht verliep rustig. Wat werkte: vroeg beginnen, niet moraliseren en "
        "de organisatie van de intocht zelf laten kiezen.",
    ),
    (
        "gouda",
        "participant",
        Kind.CASE,
        Visibility.NETWORK,
        "Jongerenoverlast bij het winkelcentrum en boze ondernemers",
        ["jongerenoverlast"],
        ["jong-oud"],
        "Ondernemers klagen over groepen jongeren die 's avonds rondhangen bij het winkelcentrum. Op sociale "
        "media vallen harde woorden over 'die jongeren uit de wijk'. Het jongerenwerk kent de jongeren en "
        "zegt dat er weinig plekken zijn waar ze wel welkom zijn. We organiseerden een gesprek tussen "
        "ondernemers en jongeren, begeleid door een jongerenwerker.",
    ),
    (
        "gouda",
        "participant",
        Kind.DILEMMA,
        Visibility.ORGANISATION,
        "Wanneer grijpen we in bij onrust over huisvesting van statushouders?",
        ["huisvesting-statushouders", "woningkrapte"],
        ["arm-rijk"],
        "Bewoners van een wijk met lange wachtlijsten voor sociale huur vinden het oneerlijk dat "
        "statushouders voorrang krijgen. Is dit een natuurlijk onderdeel van maatschappelijke verandering, "
        "of moeten we nu actief iets doen voordat het escaleert?",
    ),
    (
        "gouda",
        "participant",
        Kind.SUCCESS,
        Visibility.PUBLIC,
        "Wijkgesprekken over woningkrapte met een sociale impact rapportage",
        ["woningkrapte", "dialoog"],
        ["arm-rijk", "jong-oud"],
        "Voor een grote nieuwbouwlocatie maakten we vooraf een sociale impact rapportage: wat doet dit project "
        "met de verhoudingen in de wijk? Daaruit bleek dat jongeren en ouderen heel verschillend keken naar "
        "de plannen. In drie wijkgesprekken kwamen beide groepen aan het woord en werd de planning aangepast.",
    ),
]


def load(ctx: DemoContext) -> None:
    seed_method_items(organisation=ctx.orgs["ess"])
    for org_key, user_key, kind, visibility, title, themes, lines, body in DEMO_ITEMS:
        organisation = ctx.orgs[org_key]
        if KnowledgeItem.objects.filter(organisation=organisation, title=title).exists():
            continue
        membership = Membership.objects.get(user=ctx.users[user_key], organisation=organisation)
        publish_item(
            membership=membership,
            kind=kind,
            title=title,
            body=body,
            themes=themes,
            dividing_lines=lines,
            visibility=visibility,
        )
