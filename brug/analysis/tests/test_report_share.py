"""The report (HTML and PDF from the same template) and anonymised sharing after a preview."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import services
from brug.analysis.models import Intervention, Share
from brug.core.tests.pdfua import assert_tagged_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(officer_m: Any, analysis: Any, pair: Any) -> Any:
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="spanningen",
        manifestations=["onbegrip"],
        answers={"groups": "Bewoners van Gouda-Oost, mail jan@gouda.nl of 06-12345678"},
    )
    analysis.refresh_from_db()
    services.save_direction(
        membership=officer_m,
        analysis=analysis,
        version=analysis.version,
        phase="spanningen",
        manifestations=["onbegrip"],
        direction="Met Mo Medewerker het midden in Gouda opzoeken",
    )
    analysis.refresh_from_db()
    services.save_interventions(
        membership=officer_m,
        analysis=analysis,
        version=analysis.version,
        chosen={Intervention.objects.get(slug="dialoog"): "Gesprek in het buurthuis"},
    )
    services.save_impact_scan(
        membership=officer_m,
        project="Windpark Oost",
        kind="windmolens",
        neighbourhoods=[],
        groups=[{"name": "Boeren"}],
        tensions=[{"what": "Boosheid"}],
        pairs=[pair],
        owner="Energie",
        review_date=analysis.created_at.date(),
    )
    analysis.refresh_from_db()
    return analysis


def test_the_report_page_holds_diagram_analysis_interventions_and_impact_scans(
    client_for: Any, tenancy: Any, complete: Any
) -> None:
    html = (
        client_for(tenancy.reader)
        .get(reverse("analysis:report", args=["gouda", complete.pk]))
        .content.decode()
    )
    assert "<svg" in html and 'role="img"' in html
    assert "Gesprek in het buurthuis" in html and "Windpark Oost" in html and "Spanningen" in html
    assert "Game changers die passen" in html


def test_the_pdf_is_made_from_the_same_template(client_for: Any, tenancy: Any, complete: Any) -> None:
    response = client_for(tenancy.reader).get(reverse("analysis:report_pdf", args=["gouda", complete.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000
    assert_tagged_pdf(response.content, title=f"Rapport: {complete.title}")
    # The diagram is drawn in the PDF: the fill colour of the left pushers' zone (#c9dcf0) is used.
    assert b"0.788235 0.862745 0.941176 rg" in _pdf_streams(response.content)


def _pdf_streams(pdf: bytes) -> bytes:
    import re
    import zlib

    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(out)


def test_the_share_preview_replaces_names_mail_and_phone(officer_m: Any, complete: Any) -> None:
    preview = services.share_preview(membership=officer_m, analysis=complete)
    text = preview.title + preview.body
    assert "Gouda" not in text and "Mo Medewerker" not in text
    assert "[gemeente]" in text and "[medewerker]" in text
    assert "Gesprek in het buurthuis" in text
    assert "Wethouder" not in text  # actors only as counts per role
    assert "lokale-analyse" in preview.themes


def test_the_officer_shares_exactly_the_previewed_text(client_for: Any, tenancy: Any, complete: Any) -> None:
    client = client_for(tenancy.officer)
    url = reverse("analysis:share", args=["gouda", complete.pk])
    page = client.get(url).content.decode()
    assert "Voorbeeld:" in page
    fingerprint = page.split('name="fingerprint" value="')[1].split('"')[0]
    response = client.post(url, {"visibility": "netwerk", "fingerprint": fingerprint})
    assert response.status_code == 302
    share = Share.objects.get()
    assert "Gouda" not in share.body
    assert share.body in page.replace("&#x27;", "'") or share.title in page


def test_the_shared_text_reaches_the_knowledge_base(officer_m: Any, complete: Any) -> None:
    share = services.share_anonymised(membership=officer_m, analysis=complete)
    from brug.knowledge.models import KnowledgeItem

    item = KnowledgeItem.objects.get(pk=share.knowledge_item_id)
    assert item.body == share.body and item.kind == "analyse"


def test_sharing_the_same_text_twice_keeps_one_knowledge_item(officer_m: Any, complete: Any) -> None:
    from brug.knowledge.models import KnowledgeItem

    first = services.share_anonymised(membership=officer_m, analysis=complete)
    second = services.share_anonymised(membership=officer_m, analysis=complete)
    assert first.pk == second.pk
    assert Share.objects.count() == 1
    assert KnowledgeItem.objects.filter(kind="analyse").count() == 1


def test_sharing_is_refused_when_the_analysis_changed_after_the_preview(
    client_for: Any, tenancy: Any, complete: Any, officer_m: Any
) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:share", args=["gouda", complete.pk]),
        {"visibility": "netwerk", "fingerprint": "oud"},
    )
    assert response.status_code == 400
    assert "de analyse is veranderd sinds het voorbeeld" in response.content.decode()
    assert not Share.objects.exists()


def test_an_incomplete_analysis_cannot_be_shared(officer_m: Any, analysis: Any) -> None:
    with pytest.raises(services.AnalysisError, match="Rond eerst alle stappen"):
        services.share_anonymised(membership=officer_m, analysis=analysis)
