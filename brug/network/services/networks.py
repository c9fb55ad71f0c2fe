"""Phase 1: networks and their set-up checklist, with a revision kept on every change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership, Organisation
from brug.core.versioning import save_if_unchanged

from ..models import Domain, Network, NetworkRevision
from ..models.networks import DEFAULT_DOMAINS
from .errors import NetworkError

CHECKLIST_FIELDS = [
    "name",
    "kind",
    "purpose",
    "goal",
    "themes",
    "target_groups",
    "board_support",
    "municipality_role",
    "target_communities",
    "target_age_groups",
    "target_languages",
    "target_size_min",
    "target_size_max",
    "target_partner_organisations",
    "broad_meetings_per_year",
]
M2M_FIELDS = ["target_neighbourhoods", "target_domains"]


def ensure_default_domains(*, organisation: Organisation) -> None:
    if not Domain.objects.filter(organisation=organisation).exists():
        Domain.objects.bulk_create(
            [Domain(organisation=organisation, name=name) for name in DEFAULT_DOMAINS], ignore_conflicts=True
        )


@transaction.atomic
def add_domain(*, membership: Membership, name: str) -> Domain:
    name = name.strip()
    if not name:
        raise NetworkError("Vul een naam in voor het domein.", field="name")
    if Domain.objects.filter(organisation=membership.organisation, name__iexact=name).exists():
        raise NetworkError("Dit domein bestaat al.", field="name")
    domain = Domain.objects.create(organisation=membership.organisation, name=name)
    record(action="network.domain.create", obj=domain, membership=membership, fields=["name"])
    return domain


def _snapshot(network: Network) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(network, name) for name in CHECKLIST_FIELDS}
    data["target_neighbourhoods"] = sorted(n.name for n in network.target_neighbourhoods.all())
    data["target_domains"] = sorted(d.name for d in network.target_domains.all())
    return data


@transaction.atomic
def save_network(
    *, membership: Membership, data: Mapping[str, Any], network: Network | None = None
) -> Network:
    """Create or revise a network; every save keeps a dated revision of the checklist and who made it."""
    creating = network is None
    if network is None:
        network = Network(organisation=membership.organisation)
        before: dict[str, Any] = {}
    else:
        # From the database: a ModelForm has already written the new values onto the instance it was given.
        before = _snapshot(Network.objects.get(pk=network.pk))
    for name in CHECKLIST_FIELDS:
        if name in data:
            setattr(network, name, data[name])
    if creating:
        network.save()
    else:  # refused (StaleObject) if someone saved after the form was rendered
        save_if_unchanged(network, version=data.get("version"))
    for name in M2M_FIELDS:
        if name in data:
            getattr(network, name).set(data[name])
    after = _snapshot(network)
    changed = sorted(k for k in after if before.get(k) != after[k])
    if changed:
        NetworkRevision.objects.create(
            network=network, revised_by=membership.user, snapshot=after, changed=changed
        )
    record(
        action="network.network.create" if creating else "network.network.update",
        obj=network,
        membership=membership,
        fields=changed,
    )
    return network
