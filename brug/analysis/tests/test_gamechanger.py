"""The game-changer rules: plain data in, plain data out."""

from __future__ import annotations

from brug.analysis.gamechanger import advise


def facts(actors=(), fuel=(), identity=False):  # type: ignore[no-untyped-def]
    return {
        "pairs": [
            {
                "label": "A – B",
                "identity_line": identity,
                "dividing_line_label": "Herkomst",
                "actors": list(actors),
                "fuel": list(fuel),
            }
        ]
    }


def actor(role, gov=False):  # type: ignore[no-untyped-def]
    return {"label": f"x-{role}", "role": role, "is_government": gov, "leads_middle": False}


def by_key(result):  # type: ignore[no-untyped-def]
    return {a["key"]: a for a in result}


def test_an_empty_map_gets_all_four_game_changers_listed_but_none_applies() -> None:
    result = advise({"pairs": []})
    assert [a["key"] for a in result] == ["doelgroep", "onderwerp", "positie", "toon"]
    assert not any(a["applies"] for a in result)


def test_attention_on_the_poles_suggests_changing_the_target_group() -> None:
    result = by_key(advise(facts([actor("pusher_a"), actor("pusher_b"), actor("joiner_a")])))
    assert result["doelgroep"]["applies"]
    assert "niemand in het stille midden" in result["doelgroep"]["reasons"][0]


def test_a_strong_silent_middle_does_not_suggest_changing_the_target_group() -> None:
    result = by_key(advise(facts([actor("pusher_a"), actor("middle"), actor("middle")])))
    assert not result["doelgroep"]["applies"]


def test_an_identity_dividing_line_suggests_changing_the_topic() -> None:
    assert by_key(advise(facts(identity=True)))["onderwerp"]["applies"]


def test_identity_framed_fuel_suggests_changing_the_topic() -> None:
    fuel = [{"by_government": False, "moralising": False, "identity_framed": True}]
    assert by_key(advise(facts(fuel=fuel)))["onderwerp"]["applies"]


def test_the_municipality_as_bridge_builder_suggests_changing_position() -> None:
    result = by_key(advise(facts([actor("bridge", gov=True)])))
    assert result["positie"]["applies"]
    assert "bruggenbouwer" in result["positie"]["reasons"][0]


def test_the_municipality_on_a_pole_suggests_changing_position() -> None:
    assert by_key(advise(facts([actor("joiner_b", gov=True)])))["positie"]["applies"]


def test_a_non_government_bridge_builder_does_not_trigger_the_position_rule() -> None:
    assert not by_key(advise(facts([actor("bridge")])))["positie"]["applies"]


def test_moralising_fuel_from_government_suggests_changing_the_tone() -> None:
    fuel = [{"by_government": True, "moralising": True, "identity_framed": False}]
    assert by_key(advise(facts(fuel=fuel)))["toon"]["applies"]


def test_moralising_fuel_from_residents_does_not_trigger_the_tone_rule() -> None:
    fuel = [{"by_government": False, "moralising": True, "identity_framed": False}]
    assert not by_key(advise(facts(fuel=fuel)))["toon"]["applies"]
