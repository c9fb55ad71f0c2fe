"""Every write of the learning network: keyword-only, atomic, audited."""
