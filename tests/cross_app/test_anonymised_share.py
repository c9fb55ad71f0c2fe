"""The anonymised share names nobody: generated names (hypothesis) for every kind of name Brug knows.

Every shareable object of an analysis (title, pairs' poles, direction, chosen interventions and
why) gets every generated name in several spellings (case, accents stripped, hyphen or space);
neither the preview the officer approves nor the public knowledge-base page of the share may
contain any of them as a word. The knowledge-base page must not name the organisation either.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from brug.analysis import services
from brug.analysis.anonymise import Scrubber, fold
from brug.analysis.config import Role
from brug.analysis.models import ChosenIntervention, Intervention, Share
from brug.core.models import Membership, User
from brug.municipalities.models import Neighbourhood
from brug.network.models import KeyFigure, Network

pytestmark = pytest.mark.django_db

LETTERS = "abcdefghijklmnopqrstuvwxyzéëèïöüçñ"
NAME = st.text(alphabet=LETTERS, min_size=4, max_size=10)


def words(text: str) -> list[str]:
    """An independent tokeniser for the check (not the scrubber's own pattern)."""
    return re.findall(r"\w+", fold(text))


def contains_name(text: str, name: str) -> bool:
    needle = words(name)
    hay = words(text)
    return any(hay[i : i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))


def visible_text(html: str) -> str:
    """What a reader sees: tags and attributes (aria-hidden="true", class names) are not text."""
    return re.sub(r"<[^>]*>", " ", html)


def _chrome_words() -> set[str]:
    """Words of the page templates themselves and of the placeholders: a generated name that is one
    of these (e.g. "fase") is not a leak when it shows up."""
    from pathlib import Path

    from django.conf import settings as django_settings

    root = Path(django_settings.BASE_DIR) / "brug"
    files = [
        root / "templates" / "base.html",
        root / "analysis" / "templates" / "analysis" / "share.html",
        *(root / "knowledge" / "templates" / "knowledge").glob("*.html"),
        # Labels, game changers and catalogue interventions the share text may quote.
        root / "analysis" / "config.py",
        root / "analysis" / "gamechanger.py",
        root / "analysis" / "catalogue_data.py",
        root / "knowledge" / "taxonomy.py",
    ]
    text = " ".join(f.read_text(encoding="utf-8") for f in files if f.exists())
    placeholders = "gemeente wijk medewerker betrokkene persoon organisatie netwerk verwijderd"
    return set(words(text + " " + placeholders))


def spellings(name: str) -> list[str]:
    return [name, name.upper(), name.title(), fold(name), name.replace("-", " "), name.replace(" ", "-")]


# ---- the pure scrubber ---------------------------------------------------------------------


def test_scrubber_case_accents_hyphens_and_whole_words() -> None:
    scrub = Scrubber([("Zoë de Vries", "[p]"), ("Ede", "[g]"), ("Gouda Oost", "[w]"), ("Gouda", "[g]")])
    assert scrub("ZOE DE VRIES en zoë-de-vries") == "[p] en [p]"
    assert scrub("Leden uit Ede en EDE") == "Leden uit [g] en [g]"
    assert scrub("In Gouda-Oost en gouda") == "In [w] en [g]"
    assert scrub("mail a@b.nl of bel 06-12345678") == "mail [verwijderd] of bel [verwijderd]"
    assert (
        scrub(
            "'s-Gravenzande",
        )
        == "'s-Gravenzande"
    )
    assert Scrubber([("'s-Gravenzande", "[g]")])("in 's-Gravenzande.") == "in [g]."


@given(name=NAME, other=NAME)
def test_scrubber_removes_every_spelling_of_a_generated_name(name: str, other: str) -> None:
    assume(fold(other) != fold(name))
    longer = f"{name}-{other}"  # a name that contains another name
    scrub = Scrubber([(name, "[x]"), (longer, "[y]")])
    text = " / ".join(spellings(name) + spellings(longer)) + f" {name}{other}"
    out = scrub(text)
    assert not contains_name(out, name) and not contains_name(out, longer)
    # A name inside a longer word is not a name: that word stays.
    assert out.endswith(f" {name}{other}")


# ---- the share of an analysis, end to end --------------------------------------------------


@pytest.fixture
def shareable(officer_m: Membership, analysis: Any, pair: Any) -> Any:
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="spanningen",
        manifestations=["onbegrip"],
        answers={},
    )
    analysis.refresh_from_db()
    services.save_direction(
        membership=officer_m,
        analysis=analysis,
        version=analysis.version,
        phase="spanningen",
        manifestations=["onbegrip"],
        direction="Het midden opzoeken",
    )
    analysis.refresh_from_db()
    services.save_interventions(
        membership=officer_m,
        analysis=analysis,
        version=analysis.version,
        chosen={Intervention.objects.get(slug="dialoog"): "Gesprek"},
    )
    analysis.refresh_from_db()
    return analysis


def _preview_html(client: Client, analysis: Any) -> str:
    html = client.get(reverse("analysis:share", args=["gouda", analysis.pk])).content.decode()
    start = html.index('id="h-preview"')
    return html[start : html.index("</section>", start)]


@settings(
    max_examples=20,
    deadline=None,
    # No shrinking: each example is a full render; the failing example is reported as found.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(names=st.lists(NAME, min_size=9, max_size=9, unique_by=fold))
def test_the_share_replaces_every_generated_name(
    names: list[str], tenancy: Any, officer_m: Membership, shareable: Any, pair: Any, client_for: Any
) -> None:
    n = names
    chrome = _chrome_words()
    assume(not any(set(words(name)) & chrome for name in n))
    org = tenancy.org
    municipality = org.municipality
    known = {
        "municipality": n[0],
        "organisation": f"Gemeente {n[0]}",
        "neighbourhood": f"{n[0]}-{n[1]}",  # contains the municipality's name
        "nickname": n[2],
        "nickname (longer word)": f"{n[2]}{n[1]}",
        "member": f"{n[3].title()} {n[4].title()}",
        "actor": n[5],
        "key figure": n[6],
        "key figure's organisation": f"Stichting {n[7]}",
        "network": n[8],
    }
    text = " ".join(s for name in known.values() for s in spellings(name))
    with transaction.atomic():
        municipality.name = known["municipality"]
        municipality.save()
        org.name = known["organisation"]
        org.save()
        Neighbourhood.objects.create(
            municipality=municipality,
            name=known["neighbourhood"],
            nicknames=f"{known['nickname']}\n{known['nickname (longer word)']}",
        )
        user = User.objects.create_user(
            email=f"m{fold(n[3])}@gouda.example", password="x", name=known["member"]
        )
        Membership.objects.create(user=user, organisation=org, role="medewerker")
        services.add_actor(membership=officer_m, pair=pair, label=known["actor"], role=Role.MIDDLE)
        KeyFigure.objects.create(
            organisation=org,
            name=known["key figure"],
            kind="informeel",
            employer=known["key figure's organisation"],
        )
        Network.objects.create(organisation=org, name=known["network"], purpose="x", goal="y")
        # Every shareable text of the analysis carries every name.
        type(shareable).objects.filter(pk=shareable.pk).update(title=text[:200], direction=text)
        type(pair).objects.filter(pk=pair.pk).update(pole_a=text[:120], pole_b=known["nickname"])
        ChosenIntervention.objects.filter(analysis=shareable).update(why=text)
        shareable.refresh_from_db()

        preview = _preview_html(client_for(tenancy.officer), shareable)
        fresh = Membership.objects.select_related("organisation__municipality").get(pk=officer_m.pk)
        share = services.share_anonymised(membership=fresh, analysis=shareable, visibility="publiek")
        stored = f"{share.title}\n{share.body}"
        item_page = ""
        if share.knowledge_item_id:
            response = Client().get(reverse("knowledge:public_detail", args=[share.knowledge_item_id]))
            assert response.status_code == 200
            item_page = response.content.decode()
        for label, name in known.items():
            for where, rendered in (("preview", preview), ("stored", stored), ("knowledge page", item_page)):
                assert not contains_name(visible_text(rendered), name), f"{label} {name!r} in the {where}"
        assert Share.objects.filter(pk=share.pk).exists()
        transaction.set_rollback(True)


def test_the_share_page_is_not_for_outsiders(client_for: Any, tenancy: Any, shareable: Any) -> None:
    url = reverse("analysis:share", args=["gouda", shareable.pk])
    assert client_for(tenancy.outsider).get(url).status_code == 404
    assert client_for(tenancy.outsider).post(url, {"visibility": "publiek"}).status_code == 404
    assert not Share.objects.exists()
