"""Every write of the analysis app. Views and other apps import from here."""

from .analyses import (
    save_contribution,
    save_direction,
    save_interventions,
    save_preparation,
    snapshot_analysis,
    start_analysis,
)
from .catalogue import (
    add_intervention,
    delete_intervention,
    intervention_in_use,
    seed_global_catalogue,
    update_intervention,
)
from .common import AnalysisError, StaleVersion
from .decisions import publish_decision, save_decision, withdraw_decision
from .deletion import delete_analysis, delete_impact_scan, delete_map
from .impact import save_impact_scan
from .maps import (
    add_actor,
    add_fuel,
    add_incident,
    add_pair,
    create_map,
    map_data,
    move_actor,
    remove_actor,
    remove_fuel,
    remove_incident,
    remove_pair,
    save_named_version,
    snapshot_map,
    update_map,
    update_pair,
)
from .partners import (
    invite_partner,
    partner_link_state,
    revoke_partner_link,
    save_partner_contribution,
)
from .share import share_anonymised, share_preview
from .signals import create_incident_from_signal

__all__ = [
    "AnalysisError",
    "StaleVersion",
    "add_actor",
    "add_fuel",
    "add_incident",
    "add_intervention",
    "add_pair",
    "create_incident_from_signal",
    "create_map",
    "delete_analysis",
    "delete_impact_scan",
    "delete_intervention",
    "delete_map",
    "intervention_in_use",
    "map_data",
    "move_actor",
    "remove_actor",
    "remove_fuel",
    "remove_incident",
    "remove_pair",
    "save_contribution",
    "save_direction",
    "save_impact_scan",
    "save_interventions",
    "save_preparation",
    "seed_global_catalogue",
    "share_anonymised",
    "share_preview",
    "snapshot_analysis",
    "invite_partner",
    "partner_link_state",
    "publish_decision",
    "save_decision",
    "withdraw_decision",
    "revoke_partner_link",
    "save_named_version",
    "save_partner_contribution",
    "snapshot_map",
    "start_analysis",
    "update_intervention",
    "update_map",
    "update_pair",
]
