from django.urls import path

from .views import analyses, decisions, delete, maps, other, partners, report

app_name = "analysis"

P = "o/<slug:org_slug>/analyse/"

urlpatterns = [
    path(P, other.index, name="index"),
    path(P + "methode/", other.method_card, name="method_card"),
    path(P + "methode.pdf", other.method_card_pdf, name="method_card_pdf"),
    path(P + "kaarten/nieuw/", maps.map_create, name="map_create"),
    path(P + "kaarten/<int:pk>/", maps.map_detail, name="map_detail"),
    path(P + "kaarten/<int:pk>/verwijderen/", delete.map_delete, name="map_delete"),
    path(P + "kaarten/<int:pk>/advies/", maps.map_advice, name="map_advice"),
    path(P + "kaarten/<int:pk>/geschiedenis/", maps.map_history, name="map_history"),
    path(P + "kaarten/<int:pk>/versie/", maps.map_version_save, name="map_version_save"),
    path(P + "kaarten/<int:pk>/paren/toevoegen/", maps.pair_add, name="pair_add"),
    path(P + "kaarten/<int:pk>/paren/<int:pair_pk>/", maps.pair_detail, name="pair_detail"),
    path(P + "kaarten/<int:pk>/paren/<int:pair_pk>/verwijderen/", maps.pair_remove, name="pair_remove"),
    path(P + "kaarten/<int:pk>/paren/<int:pair_pk>/betrokkenen/", maps.actor_add, name="actor_add"),
    path(P + "kaarten/<int:pk>/paren/<int:pair_pk>/incidenten/", maps.incident_add, name="incident_add"),
    path(P + "kaarten/<int:pk>/paren/<int:pair_pk>/brandstof/", maps.fuel_add, name="fuel_add"),
    path(P + "kaarten/<int:pk>/paren/<int:pair_pk>/bewerken/", maps.pair_edit, name="pair_edit"),
    path(P + "incidenten/<int:pk>/verwijderen/", maps.incident_remove, name="incident_remove"),
    path(P + "brandstof/<int:pk>/verwijderen/", maps.fuel_remove, name="fuel_remove"),
    path(P + "betrokkenen/<int:pk>/verplaats/", maps.actor_move, name="actor_move"),
    path(P + "betrokkenen/<int:pk>/verwijderen/", maps.actor_remove, name="actor_remove"),
    path(P + "analyses/nieuw/", analyses.analysis_start, name="analysis_start"),
    path(P + "analyses/<int:pk>/", analyses.analysis_detail, name="analysis_detail"),
    path(P + "analyses/<int:pk>/stap/<int:step>/", analyses.analysis_step, name="analysis_step"),
    path(P + "analyses/<int:pk>/geschiedenis/", analyses.analysis_history, name="analysis_history"),
    path(P + "analyses/<int:pk>/partners/", partners.partner_links, name="partner_links"),
    path(
        P + "analyses/<int:pk>/partners/<int:link_pk>/intrekken/",
        partners.partner_link_revoke,
        name="partner_link_revoke",
    ),
    path(P + "analyses/<int:pk>/verwijderen/", delete.analysis_delete, name="analysis_delete"),
    path(P + "analyses/<int:pk>/rapport/", report.report, name="report"),
    path(P + "analyses/<int:pk>/rapport.pdf", report.report_pdf, name="report_pdf"),
    path(P + "analyses/<int:pk>/delen/", report.share, name="share"),
    path(P + "interventies/", other.catalogue, name="catalogue"),
    path(P + "interventies/<int:pk>/bewerken/", delete.intervention_edit, name="intervention_edit"),
    path(P + "interventies/<int:pk>/verwijderen/", delete.intervention_delete, name="intervention_delete"),
    path(P + "impactscans/nieuw/", other.impact_create, name="impact_create"),
    path(P + "impactscans/<int:pk>/", other.impact_detail, name="impact_detail"),
    path(P + "impactscans/<int:pk>/verwijderen/", delete.impact_delete, name="impact_delete"),
    path(P + "besluiten/nieuw/", decisions.decision_create, name="decision_create"),
    path(P + "besluiten/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path(P + "besluiten/<int:pk>/voorbeeld/", decisions.decision_preview, name="decision_preview"),
    path(P + "besluiten/<int:pk>/publiceren/", decisions.decision_publish, name="decision_publish"),
    path(P + "besluiten/<int:pk>/intrekken/", decisions.decision_withdraw, name="decision_withdraw"),
    path("besluit/<slug:slug>/", decisions.decision_public, name="decision_public"),
    path("bijdrage/<str:token>/", partners.partner_contribution, name="partner_contribution"),
]
