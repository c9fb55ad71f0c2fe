"""Publishing, editing and seeding knowledge items through the service."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from brug.core.models import AuditLogEntry, Organisation, OrganisationKind
from brug.knowledge.models import KnowledgeItem, Visibility
from brug.knowledge.services import publish_item, seed_method_items, update_item

pytestmark = pytest.mark.django_db


def test_a_member_publishes_an_item_that_is_indexed_and_logged(tenancy, membership_of) -> None:
    item = publish_item(
        membership=membership_of(tenancy.officer),
        kind="casus",
        title="Onrust in de wijken",
        body="De gemeenten zagen spanningen.",
        themes=["Woningkrapte", "dialoog"],
        dividing_lines=["jong-oud"],
        visibility="netwerk",
        source_label="Leernetwerk editie 3",
        edition_id=3,
    )
    item.refresh_from_db()
    assert item.organisation == tenancy.org
    assert item.themes == ["woningkrapte", "dialoog"]
    assert " wijk " in item.title_stems and " gemeent " in item.body_stems
    assert len(bytes(item.embedding)) == 512 * 4
    assert item.edition_id == 3
    assert AuditLogEntry.objects.filter(action="knowledge.item.publish", object_id=str(item.pk)).exists()


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("title", {"title": "   "}),
        ("body", {"body": ""}),
        ("body", {"body": "<p></p>"}),
        ("kind", {"kind": "roddel"}),
        ("visibility", {"visibility": "iedereen"}),
        ("themes", {"themes": ["onbekend thema"]}),
        ("title", {"title": "x" * 201}),
        ("pdf", {"pdf": b"geen pdf"}),
    ],
)
def test_bad_input_raises_a_dutch_message_and_saves_nothing(tenancy, membership_of, field, changes) -> None:
    arguments = {"kind": "casus", "title": "Titel", "body": "Tekst", "visibility": "publiek", **changes}
    with pytest.raises(ValidationError) as error:
        publish_item(membership=membership_of(tenancy.officer), **arguments)
    assert field in error.value.message_dict
    assert not KnowledgeItem.objects.exists()


def test_html_and_scripts_are_stripped_from_the_body(tenancy, membership_of) -> None:
    item = publish_item(
        membership=membership_of(tenancy.officer),
        kind="casus",
        title="<b>Vet</b> geschreven",
        body="<script>alert('x')</script>Gewone <em>tekst</em><img src=x onerror=alert(1)>",
        visibility="publiek",
    )
    assert item.title == "Vet geschreven"
    assert "<" not in item.body and "alert" not in item.body
    assert item.body == "Gewone tekst"


def test_a_reader_may_not_publish(tenancy, membership_of) -> None:
    with pytest.raises(PermissionDenied):
        publish_item(
            membership=membership_of(tenancy.reader), kind="casus", title="T", body="B", visibility="publiek"
        )
    assert not KnowledgeItem.objects.exists()


def test_only_the_owning_organisation_can_update_an_item(tenancy, membership_of, publish) -> None:
    item = publish(tenancy.officer, "Oude titel", "Tekst over de wijk")
    fields = {
        "kind": "dilemma",
        "title": "Nieuwe titel",
        "body": "Tekst over de buurt",
        "visibility": "publiek",
    }
    with pytest.raises(PermissionDenied):
        update_item(membership=membership_of(tenancy.outsider), item=item, **fields)
    update_item(membership=membership_of(tenancy.coordinator), item=item, **fields)
    item.refresh_from_db()
    assert (item.title, item.kind, item.visibility) == ("Nieuwe titel", "dilemma", Visibility.PUBLIC)
    assert " buurt " in item.body_stems
    assert AuditLogEntry.objects.filter(action="knowledge.item.update", object_id=str(item.pk)).exists()


def test_seeding_the_methods_twice_creates_them_once() -> None:
    ess = Organisation.objects.create(name="ESS", slug="ess", kind=OrganisationKind.PARTNER)
    first = seed_method_items(organisation=ess)
    second = seed_method_items(organisation=ess)
    assert [i.pk for i in first] == [i.pk for i in second]
    titles = set(KnowledgeItem.objects.values_list("title", flat=True))
    assert {"Denkkader polarisatie van Bart Brandsma", "Deep Democracy (methode Lewis)"} <= titles
    assert len(titles) == 5
    assert set(KnowledgeItem.objects.values_list("visibility", flat=True)) == {"publiek"}
