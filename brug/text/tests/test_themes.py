"""Every default theme finds a typical message and leaves an off-topic one alone."""

from __future__ import annotations

import json

import pytest

from brug.text import Classifier, Theme, default_themes, load_themes

TYPICAL = {
    "stikstof": "Weer trekkers op de snelweg, de boeren protesteren tegen het stikstofplan",
    "windmolens": "Die windmolens van 240 meter komen vlak naast het dorp",
    "opvang vluchtelingen en statushouders": "Er komt een azc voor 300 asielzoekers in de oude kazerne",
    "woningnood": "Tien jaar op de wachtlijst voor een huurwoning, de woningnood is absurd",
    "gentrificatie": "Overal koffiebars en bakfietsen, de oorspronkelijke bewoners worden verdreven",
    "jongerenoverlast": "Elke avond hangjongeren met scooters en lachgas bij het winkelcentrum",
    "gender": "Genderneutrale toiletten op school, goed of niet?",
    "corona": "Moeten we weer een mondkapje op nu corona terug is?",
    "Sinterklaas (Zwarte Piet)": "Zwarte Piet of roetveegpiet bij de intocht dit jaar?",
    "inflatie": "De energierekening is verdubbeld en de boodschappen zijn onbetaalbaar",
    "anti-overheid": "De regering liegt ons al jaren voor, zakkenvullers zijn het",
}
OFF_TOPIC = "Wie heeft mijn rode kat gezien? Hij loopt sinds gisteren weg uit de Merelstraat."


def test_default_themes_have_eleven_dutch_named_themes():
    assert [t.name for t in default_themes()] == list(TYPICAL)


@pytest.mark.parametrize("name", list(TYPICAL))
def test_each_default_theme_matches_a_typical_message(name):
    result = Classifier().classify(TYPICAL[name])
    assert name in result.themes
    assert result.why["themes"][name], "explanation lists the matched words"


@pytest.mark.parametrize("theme", default_themes(), ids=lambda t: t.name)
def test_no_default_theme_matches_an_off_topic_message(theme):
    assert not theme.compiled.matches(OFF_TOPIC)


def test_themes_load_from_a_json_file(tmp_path):
    path = tmp_path / "themes.json"
    path.write_text(json.dumps([{"name": "kermis", "query": "kermis* OR draaimolen"}]), encoding="utf-8")
    themes = load_themes(path)
    assert themes == [Theme("kermis", "kermis* OR draaimolen")]
    assert Classifier(themes).classify("De kermisattracties staan er weer").themes == ["kermis"]


def test_loading_a_theme_with_a_broken_query_names_the_theme(tmp_path):
    path = tmp_path / "themes.json"
    path.write_text(json.dumps([{"name": "kapot", "query": "(a OR b"}]), encoding="utf-8")
    with pytest.raises(ValueError, match="kapot"):
        load_themes(path)
