"""Knowledge pages: members search, read and add; readers only read; outsiders get 404."""

from __future__ import annotations

import pytest

from brug.knowledge.models import KnowledgeItem

pytestmark = pytest.mark.django_db

ADD_URL = "/o/gouda/kennisbank/nieuw/"
LIST_URL = "/o/gouda/kennisbank/"
VALID = {
    "kind": "casus",
    "title": "Onrust na een bewonersavond",
    "body": "Bewoners voelden zich niet gehoord.",
    "visibility": "netwerk",
    "themes": ["dialoog"],
}


def test_a_member_adds_an_item_and_lands_on_its_page(tenancy, client_for) -> None:
    response = client_for(tenancy.officer).post(ADD_URL, VALID)
    item = KnowledgeItem.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/o/gouda/kennisbank/{item.pk}/"
    assert (item.organisation, item.created_by, item.themes) == (tenancy.org, tenancy.officer, ["dialoog"])
    page = client_for(tenancy.officer).get(response["Location"])
    assert "Onrust na een bewonersavond" in page.content.decode()


def test_a_reader_can_search_and_read_but_not_add(tenancy, client_for, publish) -> None:
    item = publish(
        tenancy.officer, "Casus over de wijk", "Spanningen in de wijken.", visibility="organisatie"
    )
    reader = client_for(tenancy.reader)
    listing = reader.get(LIST_URL, {"q": "wijk"})
    assert listing.status_code == 200 and "Casus over de wijk" in listing.content.decode()
    assert "Kennis toevoegen" not in listing.content.decode()
    assert reader.get(f"/o/gouda/kennisbank/{item.pk}/").status_code == 200
    assert reader.get(ADD_URL).status_code == 403
    assert reader.post(ADD_URL, VALID).status_code == 403
    assert reader.get(f"/o/gouda/kennisbank/{item.pk}/bewerken/").status_code == 403
    assert KnowledgeItem.objects.count() == 1


def test_an_outsider_gets_404_on_every_page_of_another_organisation(tenancy, client_for, publish) -> None:
    item = publish(tenancy.officer, "Casus", "Tekst", visibility="publiek")
    outsider = client_for(tenancy.outsider)
    for url in (
        LIST_URL,
        ADD_URL,
        f"{LIST_URL}{item.pk}/",
        f"{LIST_URL}{item.pk}/bewerken/",
        f"{LIST_URL}{item.pk}/pdf/",
    ):
        assert outsider.get(url).status_code == 404, url
    assert outsider.post(ADD_URL, VALID).status_code == 404


def test_another_organisations_own_item_is_404_on_my_own_pages(tenancy, client_for, publish) -> None:
    secret = publish(tenancy.officer, "Geheime casus polarisatie", "Tekst", visibility="organisatie")
    shared = publish(tenancy.officer, "Gedeelde casus polarisatie", "Tekst", visibility="netwerk")
    delft = client_for(tenancy.outsider)
    assert delft.get(f"/o/delft/kennisbank/{secret.pk}/").status_code == 404
    assert delft.get(f"/o/delft/kennisbank/{shared.pk}/").status_code == 200
    # Visible is not editable: only the owner edits.
    assert delft.get(f"/o/delft/kennisbank/{shared.pk}/bewerken/").status_code == 404
    body = delft.get("/o/delft/kennisbank/", {"q": "polarisatie"}).content.decode()
    assert "Gedeelde casus" in body and "Geheime casus" not in body


def test_the_owner_edits_an_item(tenancy, client_for, publish) -> None:
    item = publish(tenancy.officer, "Oud", "Tekst", visibility="organisatie")
    client = client_for(tenancy.coordinator)
    assert client.get(f"/o/gouda/kennisbank/{item.pk}/bewerken/").status_code == 200
    response = client.post(f"/o/gouda/kennisbank/{item.pk}/bewerken/", {**VALID, "title": "Nieuw"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Nieuw" and item.visibility == "netwerk"
    assert item.title_stems == " nieuw " and item.themes == ["dialoog"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Vul een titel in."),
        ({"body": "   "}, "Vul de tekst in."),
        ({"body": "<script></script>"}, "Vul de tekst in (zonder HTML-code)."),
        ({"kind": "roddel"}, "Kies een van de mogelijkheden uit de lijst."),
        ({"visibility": "iedereen"}, "Kies een van de mogelijkheden uit de lijst."),
    ],
)
def test_bad_input_on_the_add_form_shows_a_dutch_message_and_saves_nothing(
    tenancy, client_for, changes, message
) -> None:
    response = client_for(tenancy.officer).post(ADD_URL, {**VALID, **changes})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not KnowledgeItem.objects.exists()


def test_html_in_a_body_is_shown_as_text_never_run(tenancy, client_for) -> None:
    client = client_for(tenancy.officer)
    client.post(
        ADD_URL,
        {**VALID, "body": "Zie <script>alert('x')</script><a href=javascript:alert(1)>hier</a> & meer"},
    )
    item = KnowledgeItem.objects.get()
    page = client.get(f"/o/gouda/kennisbank/{item.pk}/").content.decode()
    assert "<script>alert" not in page and "javascript:" not in page
    assert "Zie hier &amp; meer" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?!...,;", "alleen leestekens"),
        ("polarisatie " * 1000, "Uw zoekvraag is te lang"),
        ("wijk\x00", "Null-tekens zijn niet toegestaan"),
    ],
)
def test_a_search_of_only_punctuation_or_10000_characters_gets_a_dutch_message(
    tenancy, client_for, query, message
) -> None:
    response = client_for(tenancy.reader).get(LIST_URL, {"q": query[:10_000]})
    assert response.status_code == 400
    assert message in response.content.decode()
    public = client_for(tenancy.reader).get("/kennisbank/publiek/", {"q": query[:10_000]})
    assert public.status_code == 400 and message in public.content.decode()


def test_the_public_pages_show_only_public_items_without_login(tenancy, publish, client) -> None:
    public = publish(
        tenancy.officer, "Openbare aanpak wijkgesprekken", "Gesprekken in de wijken.", visibility="publiek"
    )
    network = publish(
        tenancy.officer, "Netwerkcasus wijkgesprekken", "Gesprekken in de wijk.", visibility="netwerk"
    )
    own = publish(tenancy.officer, "Eigen casus wijkgesprekken", "Gesprekken.", visibility="organisatie")
    listing = client.get("/kennisbank/publiek/").content.decode()
    assert "Openbare aanpak" in listing and "Netwerkcasus" not in listing and "Eigen casus" not in listing
    found = client.get("/kennisbank/publiek/", {"q": "wijk"}).content.decode()
    assert "Openbare aanpak" in found and "Netwerkcasus" not in found
    assert client.get(f"/kennisbank/publiek/{public.pk}/").status_code == 200
    assert client.get(f"/kennisbank/publiek/{network.pk}/").status_code == 404
    assert client.get(f"/kennisbank/publiek/{own.pk}/").status_code == 404
    assert client.get("/kennisbank/publiek/99999999999999999999999/").status_code == 404
    assert client.get("/kennisbank/publiek/", {"pagina": "abc", "kind": "onzin"}).status_code == 400


def test_a_published_pdf_downloads_only_where_the_item_is_visible(
    tenancy, publish, client, client_for
) -> None:
    item = publish(tenancy.officer, "Infoblad", "Tekst", visibility="netwerk", pdf=b"%PDF-1.4 demo")
    assert client.get(f"/kennisbank/publiek/{item.pk}/pdf/").status_code == 404
    response = client_for(tenancy.outsider).get(f"/o/delft/kennisbank/{item.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_dashboard_shows_the_knowledge_menu_and_panel(tenancy, client_for, publish) -> None:
    publish(tenancy.outsider, "Onrust over een azc", "Bewoners boos over de opvang van asielzoekers.")
    publish(tenancy.officer, "Asielzoekers in onze gemeente", "Zorgen over de opvang van asielzoekers.")
    page = client_for(tenancy.reader).get("/o/gouda/").content.decode()
    assert 'href="/o/gouda/kennisbank/"' in page
    assert "Nieuw in de kennisbank" in page
    assert "Gemeente Delft: " in page and "Onrust over een azc" in page


def test_result_excerpts_show_no_markdown_markup(tenancy, client_for, publish, client) -> None:
    body = "## Leernetwerk in Gouda\n\nWat **werkte**:\n\n- wijkgesprekken\n- een dialoogtafel"
    publish(tenancy.officer, "Openbare aanpak wijkgesprekken", body, visibility="publiek")
    for page in (
        client.get("/kennisbank/publiek/").content.decode(),
        client.get("/kennisbank/publiek/", {"q": "wijkgesprekken"}).content.decode(),
        client_for(tenancy.officer).get(LIST_URL).content.decode(),
    ):
        assert "Leernetwerk in Gouda Wat werkte: wijkgesprekken een dialoogtafel" in page
        assert "## " not in page and "**" not in page
    # an outsider of another municipality still cannot open Gouda's own items
    own = publish(tenancy.officer, "Eigen casus", "## Kop", visibility="organisatie")
    assert client_for(tenancy.outsider).get(f"/o/gouda/kennisbank/{own.pk}/").status_code == 404


def test_the_add_form_explains_headings_and_lists_as_the_page_shows_them(tenancy, client_for) -> None:
    page = client_for(tenancy.officer).get(ADD_URL).content.decode()
    assert (
        "Koppen beginnen met" in page and "opsommingen met" in page and "Gewone tekst, geen HTML" not in page
    )
    assert client_for(tenancy.outsider).get(ADD_URL).status_code == 404
