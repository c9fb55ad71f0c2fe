from django.urls import path

from .views import networks, people, public, rights, running

app_name = "network"

P = "o/<slug:org_slug>/sleutelfiguren/"

urlpatterns = [
    path(P, networks.index, name="index"),
    path(P + "domeinen/", networks.domains, name="domains"),
    path(P + "verloop/", running.turnover, name="turnover"),
    path(P + "netwerk/nieuw/", networks.network_create, name="network_create"),
    path(P + "netwerk/<int:pk>/", networks.network_detail, name="network_detail"),
    path(P + "netwerk/<int:pk>/bewerken/", networks.network_edit, name="network_edit"),
    path(P + "netwerk/<int:pk>/dekking/", networks.network_coverage, name="network_coverage"),
    path(P + "netwerk/<int:pk>/<str:kind>/nieuw/", running.phase3_create, name="phase3_create"),
    path(P + "netwerk/<int:pk>/<str:kind>/<int:item_pk>/", running.phase3_edit, name="phase3_edit"),
    path(P + "personen/nieuw/", people.person_create, name="person_create"),
    path(P + "personen/<int:pk>/", people.person_detail, name="person_detail"),
    path(P + "personen/<int:pk>/bewerken/", people.person_edit, name="person_edit"),
    path(P + "personen/<int:pk>/status/", people.person_status, name="person_status"),
    path(P + "personen/<int:pk>/gesprek/", people.conversation, name="conversation"),
    path(P + "personen/<int:pk>/link/", people.link_issue, name="link_issue"),
    path(P + "personen/<int:pk>/link/intrekken/", people.link_revoke, name="link_revoke"),
    path(P + "personen/<int:pk>/inzage/", rights.person_export, name="person_export"),
    path(P + "personen/<int:pk>/inzage.json", rights.person_export_json, name="person_export_json"),
    path(P + "personen/<int:pk>/wissen/", rights.person_erase, name="person_erase"),
    path(P + "signaal/<int:signal_pk>/contact/", people.signal_sender, name="signal_sender"),
    path("s/<str:token>/", public.signal_link, name="signal_link"),
]
