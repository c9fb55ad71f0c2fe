"""Each sentence about the domains, per branch (agree / differ / not enough data), and the pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import compare, services
from brug.analysis import report_sentences as rs
from brug.core.models import Membership


def test_phase_verdict_agree_differ_and_not_enough() -> None:
    assert rs.phase_verdict(["spanningen", "spanningen"]) == "Nee"
    assert rs.phase_verdict(["spanningen", "incidenten"]) == "Ja"
    assert rs.phase_verdict(["spanningen"]) == "niet te vergelijken"
    assert rs.phase_verdict(["spanningen", ""]) == "niet te vergelijken"


def test_manifestations_verdict_agree_differ_and_not_enough() -> None:
    assert rs.manifestations_verdict([{"a", "b"}, {"b", "a"}]) == "Nee"
    assert rs.manifestations_verdict([{"a"}, {"a", "b"}]) == "Ja"
    assert rs.manifestations_verdict([{"a"}, set()]) == "Ja"
    assert rs.manifestations_verdict([set(), set()]) == "niet te vergelijken"
    assert rs.manifestations_verdict([{"a"}]) == "niet te vergelijken"


def test_free_text_is_never_nee() -> None:
    assert rs.free_text_verdict(["Bewoners", "Jongeren"]) == "verschillend"
    assert rs.free_text_verdict(["Bewoners", ""]) == "verschillend"
    assert rs.free_text_verdict([" bewoners ", "Bewoners"]) == "gelijk"
    assert rs.free_text_verdict(["", ""]) == "niet te vergelijken"
    assert rs.free_text_verdict(["Bewoners"]) == "niet te vergelijken"
    for texts in (["a", "b"], ["a", "a"], ["", ""], ["a", ""], ["a"]):
        assert rs.free_text_verdict(texts) != "Nee"


ROWS_SAME = [("Fase", "Nee"), ("Verschijningsvormen", "Nee"), ("Locaties", "gelijk")]


def test_sentences_without_or_with_one_contribution_compare_nothing() -> None:
    assert rs.domain_sentences(n_contributions=0, rows=[]) == ["Nog geen bijdragen."]
    one = rs.domain_sentences(n_contributions=1, rows=ROWS_SAME)
    assert one == ["Er is één bijdrage: er valt nog niets te vergelijken tussen domeinen."]


def test_sentence_agree() -> None:
    assert rs.domain_sentences(n_contributions=2, rows=ROWS_SAME) == [
        "De domeinen zien fase en verschijningsvormen hetzelfde."
    ]


def test_sentence_differ_never_says_hetzelfde() -> None:
    rows = [("Fase", "Ja"), ("Verschijningsvormen", "Ja"), ("Locaties", "verschillend")]
    text = " ".join(rs.domain_sentences(n_contributions=2, rows=rows))
    assert "hetzelfde" not in text
    assert "De domeinen zien fase en verschijningsvormen verschillend." in text
    assert "De antwoorden verschillen bij: Locaties." in text


def test_sentence_half_agree() -> None:
    rows = [("Fase", "Nee"), ("Verschijningsvormen", "Ja")]
    assert rs.domain_sentences(n_contributions=2, rows=rows) == [
        "De domeinen zien verschijningsvormen verschillend.",
        "De domeinen zien de fase hetzelfde.",
    ]
    rows = [("Fase", "Ja"), ("Verschijningsvormen", "Nee")]
    assert rs.domain_sentences(n_contributions=2, rows=rows)[-1] == (
        "De domeinen zien de verschijningsvormen hetzelfde."
    )


def test_sentence_not_enough_data() -> None:
    rows = [("Fase", "niet te vergelijken"), ("Verschijningsvormen", "niet te vergelijken")]
    text = rs.domain_sentences(n_contributions=2, rows=rows)
    assert text == ["Fase en Verschijningsvormen: te weinig domeinen vulden dit in om te vergelijken."]


def test_table_and_sentence_come_from_the_same_rows() -> None:
    rows = compare.domain_differences(
        [
            {"domain": "a", "author": "A", "phase": "ongemak", "manifestations": ["x"], "answers": {}},
            {"domain": "b", "author": "B", "phase": "incidenten", "manifestations": ["y"], "answers": {}},
        ]
    )
    assert [r["verdict"] for r in rows[:2]] == ["Ja", "Ja"]
    assert all(r["verdict"] == "niet te vergelijken" for r in rows[2:])
    assert "hetzelfde" not in " ".join(compare.domain_summary(2, rows))


@pytest.mark.django_db
def test_report_with_two_differing_domains_says_they_differ(
    client_for: Any, tenancy: Any, analysis: Any, officer_m: Any
) -> None:
    """The bug: the report said 'hetzelfde' while its table marked phase and manifestations as different."""
    coordinator = Membership.objects.get(user=tenancy.coordinator)
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="ongemak",
        manifestations=["onbegrip"],
        answers={"groups": "Bewoners van de wijk"},
    )
    services.save_contribution(
        membership=coordinator,
        analysis=analysis,
        version=0,
        domain="veiligheid",
        phase="incidenten",
        manifestations=["onbegrip", "uitsluiting"],
        answers={"groups": "Jongeren bij het station"},
    )
    for name in ("analysis:report", "analysis:analysis_detail"):
        html = client_for(tenancy.reader).get(reverse(name, args=["gouda", analysis.pk])).content.decode()
        assert "hetzelfde" not in html
        assert "De domeinen zien fase en verschijningsvormen verschillend." in html
        table = html[html.index("brug-differences") :]
        table = table[: table.index("</table>")]
        verdict_cells = re.findall(r"<td>(?:<strong>)?([^<]*)(?:</strong>)?</td></tr>", table)
        assert "Nee" not in verdict_cells
        assert verdict_cells[:3] == ["Ja", "Ja", "verschillend"]
        outsider = client_for(tenancy.outsider).get(reverse(name, args=["gouda", analysis.pk]))
        assert outsider.status_code == 404
