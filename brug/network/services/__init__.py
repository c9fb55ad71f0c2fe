"""Every write of the key-figure part: keyword-only, atomic, and in the audit log (field names only)."""

from .errors import NetworkError, RateLimited
from .links import issue_link, link_state, reveal_signal_sender, revoke_link, submit_signal
from .networks import add_domain, ensure_default_domains, save_network
from .people import change_status, record_conversation, referral_loop, save_key_figure
from .rights import erase_key_figure, export_key_figure
from .running import save_meeting, save_training, save_working_group

__all__ = [
    "NetworkError",
    "RateLimited",
    "add_domain",
    "change_status",
    "ensure_default_domains",
    "erase_key_figure",
    "export_key_figure",
    "issue_link",
    "link_state",
    "record_conversation",
    "referral_loop",
    "reveal_signal_sender",
    "revoke_link",
    "save_key_figure",
    "save_meeting",
    "save_network",
    "save_training",
    "save_working_group",
    "submit_signal",
]
