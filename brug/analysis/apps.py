from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "brug.analysis"
    label = "analysis"

    def ready(self) -> None:
        # The signals page offers "make an incident"; analysis answers (signals never imports analysis).
        from brug.signals.hooks import IncidentSupport, incidents

        from . import selectors, services

        incidents.fill(
            IncidentSupport(
                pairs_for=lambda membership: selectors.pairs_for(membership=membership),
                pair_for=lambda membership, pk: selectors.pair_for(membership=membership, pk=pk),
                create_incident=lambda membership, pair, signal: services.create_incident_from_signal(
                    membership=membership, pair=pair, signal=signal
                ),
                incidents_of=lambda signal: selectors.incidents_from_signal(signal=signal),
            )
        )
