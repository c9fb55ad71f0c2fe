"""Computations of the opinion map: numbered, stable without new votes, letters kept; the report
names the computation it shows and uses the same counts as the map and the export."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import pytest
from django.test import Client

from brug.dialogue import charts
from brug.dialogue.models import Dialogue, Statement, StatementStatus
from brug.dialogue.services.opinion_map import recompute_map
from brug.opinion.engine import keep_letters

from .conftest import vote
from .test_map_and_report import two_camps

pytestmark = pytest.mark.django_db
MAP = "/o/gouda/dialogen/windmolens/kaart/"
REPORT = "/o/gouda/dialogen/windmolens/rapport/"


def test_recomputing_without_new_votes_changes_nothing(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue, people=12)
    first = recompute_map(dialogue_id=dialogue.pk)
    assert first is not None and first["computation"]["id"] == 1
    for _ in range(6):  # more than the k-smoothing buffer: it must not count idle recomputes
        response = client_for(tenancy.officer).post("/o/gouda/dialogen/windmolens/herberekenen/")
        assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.result == first
    assert dialogue.result["computation"]["id"] == 1


def test_a_new_vote_gives_a_new_numbered_computation_and_groups_keep_their_letters(
    dialogue: Dialogue,
) -> None:
    two_camps(dialogue, people=12)
    first = recompute_map(dialogue_id=dialogue.pk)
    assert first is not None and first["k"] == 2
    statement = Statement.objects.filter(dialogue=dialogue).order_by("number").first()
    vote(Client(), dialogue, statement, "eens")
    second = recompute_map(dialogue_id=dialogue.pk)
    assert second is not None and second["computation"]["id"] == 2
    assert second["computation"]["at"] >= first["computation"]["at"]
    same = [p for p in first["groups"] if p in second["groups"]]
    assert same and all(first["groups"][p] == second["groups"][p] for p in same)


def test_keep_letters_follows_the_members_not_the_numbering() -> None:
    import numpy as np

    pids = np.arange(10)
    previous = {p: (0 if p < 7 else 1) for p in range(10)}  # A = the 7, B = the 3
    # The new run numbers the groups the other way round, and one member moved.
    labels = np.array([1, 1, 1, 1, 1, 1, 0, 0, 0, 0])
    relabelled = keep_letters(pids, labels, previous)
    assert relabelled.tolist() == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
    # A third group appears: it gets the next letter, the old ones keep theirs.
    three = keep_letters(pids, np.array([2, 2, 2, 2, 2, 0, 0, 1, 1, 1]), previous)
    assert three.tolist()[:5] == [0] * 5 and three.tolist()[7:] == [1, 1, 1] and set(three[5:7]) == {2}


def test_the_report_names_its_computation_and_says_when_a_newer_one_exists(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue, people=12)
    recompute_map(dialogue_id=dialogue.pk)
    body = client_for(tenancy.reader).get(REPORT).content.decode()
    assert "Dit rapport toont berekening 1 van" in body
    assert "nieuwere berekening" not in body
    statement = Statement.objects.filter(dialogue=dialogue).order_by("number").first()
    vote(Client(), dialogue, statement, "oneens")
    recompute_map(dialogue_id=dialogue.pk)
    older = client_for(tenancy.reader).get(REPORT + "?berekening=1").content.decode()
    assert "u opende berekening 1, maar er is een nieuwere berekening (2," in older
    assert "Dit rapport toont berekening 2 van" in older
    assert client_for(tenancy.outsider).get(REPORT + "?berekening=1").status_code == 404


def test_map_report_and_export_give_the_same_participant_count(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue, people=10)
    # Someone who only voted on a statement that is later rejected still counts as a voter.
    extra = Statement.objects.filter(dialogue=dialogue).order_by("number").last()
    vote(Client(), dialogue, extra, "eens")
    Statement.objects.filter(pk=extra.pk).update(status=StatementStatus.REJECTED)
    client = client_for(tenancy.officer)
    map_body = client.get(MAP).content.decode()
    report_body = client.get(REPORT).content.decode()
    archive = zipfile.ZipFile(io.BytesIO(client.get("/o/gouda/dialogen/windmolens/polis-export.zip").content))
    summary = dict(csv.reader(io.StringIO(archive.read("summary.csv").decode())))
    assert "11 deelnemers, " in map_body
    assert "11 deelnemers brachten" in report_body
    assert summary["voters"] == "11"


def test_an_imported_conversation_is_presented_with_source_and_licence(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(
        source_note="Pol.is, 15-per-hour-seattle, CC BY 4.0 The Computational Democracy Project"
    )
    two_camps(dialogue, people=6)
    body = client_for(tenancy.reader).get(REPORT).content.decode()
    assert "Geïmporteerd gesprek (Pol.is-export)" in body and "CC BY 4.0" in body
    assert "vroeg inwoners" not in body


def test_too_few_participants_say_so_on_the_map(tenancy: Any, client_for: Any, dialogue: Dialogue) -> None:
    two_camps(dialogue, people=2)
    body = client_for(tenancy.reader).get(MAP).content.decode()
    assert "te weinig stemmen voor groepen" in body


def test_group_labels_on_the_map_are_dark_text_on_a_separate_white_halo() -> None:
    result = {"projection": {"1": [0.0, 0.0], "2": [1.0, 1.0]}, "groups": {"1": 0, "2": 1}}
    svg = str(charts.scatter(result, labels={0: "Groep A", 1: "Groep B"}))
    assert "paint-order" not in svg  # WeasyPrint ignores it and paints white over the letters
    assert svg.count('fill="#1a1a1a">Groep A</text>') == 1
    assert svg.index(
        'fill="#ffffff" stroke="#ffffff" stroke-width="4" aria-hidden="true">Groep A'
    ) < svg.index('fill="#1a1a1a">Groep A')


def test_the_pdf_names_its_computation_and_links_to_the_report_page(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    from brug.dialogue.views import officer

    two_camps(dialogue, people=8)
    recompute_map(dialogue_id=dialogue.pk)
    seen: dict[str, str] = {}
    real = officer.render_to_string

    def keep(template: str, context: Any, request: Any = None) -> str:
        html = real(template, context, request=request)
        seen["html"] = html
        return html

    officer.render_to_string = keep  # type: ignore[assignment]
    try:
        response = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/rapport.pdf")
    finally:
        officer.render_to_string = real  # type: ignore[assignment]
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "Dit rapport toont berekening 1 van" in seen["html"]
    assert "/o/gouda/dialogen/windmolens/rapport/?berekening=1" in seen["html"]


def test_the_same_votes_stored_in_another_order_give_the_same_engine_input_and_groups(
    dialogue: Dialogue,
) -> None:
    from django.utils import timezone

    from brug.dialogue.models import Vote

    two_camps(dialogue, people=12)
    moment = timezone.now()
    Vote.objects.filter(dialogue=dialogue).update(created_at=moment, updated_at=moment)  # e.g. an import
    first = recompute_map(dialogue_id=dialogue.pk)
    assert first is not None and first["k"] == 2
    # Store the very same votes again, in the reverse order (other row ids, same times).
    rows = list(Vote.objects.filter(dialogue=dialogue).order_by("id"))
    Vote.objects.filter(dialogue=dialogue).delete()
    for row in reversed(rows):
        row.pk = None
    Vote.objects.bulk_create(list(reversed(rows)))
    Dialogue.objects.filter(pk=dialogue.pk).update(result=None, cluster_state={})
    again = recompute_map(dialogue_id=dialogue.pk)
    assert again is not None
    assert again["computation"]["fingerprint"] == first["computation"]["fingerprint"]
    assert again["groups"] == first["groups"] and again["repness"] == first["repness"]


def test_a_recompute_continues_from_the_stored_state_and_stores_the_next(dialogue: Dialogue) -> None:
    from brug.opinion import ClusterState

    two_camps(dialogue, people=12)
    first = recompute_map(dialogue_id=dialogue.pk)
    assert first is not None
    dialogue.refresh_from_db()
    state = ClusterState.from_dict(dialogue.cluster_state)
    assert state.history and len(state.in_conv) == 12 and len(state.base_of) == 12
    # Renumber the stored base clusters: a clean start numbers them 0, 1, 2…, a warm start keeps
    # the ids it is given (Pol.is's clusters keep their ids from update to update).
    shifted = dict(dialogue.cluster_state)
    shifted["base_of"] = [b + 1000 for b in state.base_of]
    shifted["base_ids"] = [b + 1000 for b in state.base_ids]
    Dialogue.objects.filter(pk=dialogue.pk).update(cluster_state=shifted)
    statement = Statement.objects.filter(dialogue=dialogue).order_by("number").first()
    vote(Client(), dialogue, statement, "eens")  # a 13th participant with one vote
    second = recompute_map(dialogue_id=dialogue.pk)
    assert second is not None and second["computation"]["id"] == 2
    dialogue.refresh_from_db()
    after = ClusterState.from_dict(dialogue.cluster_state)
    assert after.history and min(after.base_ids) >= 1000
    # Who was counted in stays counted in; the newcomer joins as the 13th (greedy: < 15 counted in).
    assert set(state.in_conv) <= set(after.in_conv) and len(after.in_conv) == 13
    assert all(second["groups"][p] == first["groups"][p] for p in first["groups"])


@pytest.mark.parametrize(
    "stored",
    [
        {"version": 2, "in_conv": [1, 2], "base_of": [0], "base_ids": [0]},  # misaligned
        {"version": 99, "last_k": 2},  # another engine version
        {"version": 2, "in_conv": "1,2", "base_of": [], "base_ids": []},  # wrong type
        {"last_k": "twee"},
    ],
)
def test_an_unreadable_stored_state_is_logged_and_the_recompute_starts_clean(
    dialogue: Dialogue, stored: dict[str, Any], caplog: Any
) -> None:
    two_camps(dialogue, people=12)
    clean = recompute_map(dialogue_id=dialogue.pk)
    assert clean is not None
    Dialogue.objects.filter(pk=dialogue.pk).update(cluster_state=stored, result=None)
    with caplog.at_level("WARNING", logger="brug.dialogue.recompute"):
        again = recompute_map(dialogue_id=dialogue.pk)
    assert again is not None and "unreadable" in caplog.text
    assert again["groups"] == clean["groups"] and again["k"] == clean["k"]
    dialogue.refresh_from_db()
    assert dialogue.cluster_state["version"] == 2


def test_a_state_from_before_the_history_keeps_its_smoother_and_starts_the_clusters_clean(
    dialogue: Dialogue,
) -> None:
    two_camps(dialogue, people=12)
    Dialogue.objects.filter(pk=dialogue.pk).update(
        cluster_state={"last_k": 2, "last_k_count": 2, "smoothed_k": 2}
    )
    data = recompute_map(dialogue_id=dialogue.pk)
    assert data is not None and data["k"] == 2
    dialogue.refresh_from_db()
    # The smoother counted on (a clean one would say 1) and the history is stored from now on.
    assert dialogue.cluster_state["last_k_count"] == 3
    assert dialogue.cluster_state["version"] == 2 and len(dialogue.cluster_state["in_conv"]) == 12


def test_recomputing_twice_with_the_same_votes_and_state_gives_the_same_groups(dialogue: Dialogue) -> None:
    """Even past the fingerprint check: a warm start from a converged state changes no group."""
    two_camps(dialogue, people=12)
    first = recompute_map(dialogue_id=dialogue.pk)
    assert first is not None
    stored = dict(first)
    stored["computation"] = {**first["computation"], "fingerprint": "forced"}
    Dialogue.objects.filter(pk=dialogue.pk).update(result=stored)
    second = recompute_map(dialogue_id=dialogue.pk)
    assert second is not None and second["computation"]["id"] == 2
    assert second["groups"] == first["groups"] and second["k"] == first["k"]


def test_recompute_now_with_a_corrupt_stored_state_redirects_instead_of_failing(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue, people=12)
    first = recompute_map(dialogue_id=dialogue.pk)
    assert first is not None
    Dialogue.objects.filter(pk=dialogue.pk).update(
        cluster_state={"version": 2, "in_conv": [3, 1]}, result={**first, "computation": {"id": 1, "at": "x"}}
    )
    response = client_for(tenancy.officer).post("/o/gouda/dialogen/windmolens/herberekenen/")
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.result["computation"]["id"] == 2 and dialogue.result["groups"] == first["groups"]
    assert dialogue.cluster_state["version"] == 2 and len(dialogue.cluster_state["in_conv"]) == 12
