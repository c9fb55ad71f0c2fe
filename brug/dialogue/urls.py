from django.urls import path

from .views import officer, resident

app_name = "dialogue"

ORG = "o/<slug:org_slug>/dialogen/"
ONE = ORG + "<slug:slug>/"

urlpatterns = [
    path(ORG, officer.dialogue_list, name="list"),
    path(ORG + "nieuw/", officer.dialogue_create, name="create"),
    path(ORG + "importeren/", officer.import_polis, name="import"),
    path(ONE, officer.dialogue_detail, name="detail"),
    path(ONE + "bewerken/", officer.dialogue_edit, name="edit"),
    path(ONE + "stellingen/", officer.statement_add, name="statement_add"),
    path(ONE + "qr.svg", officer.dialogue_qr, name="qr"),
    path(ONE + "moderatie/", officer.moderation, name="moderation"),
    path(ONE + "moderatie/<int:pk>/", officer.moderate, name="moderate"),
    path(ONE + "kaart/", officer.opinion_map, name="map"),
    path(ONE + "herberekenen/", officer.recompute_now, name="recompute"),
    path(ONE + "rapport/", officer.report, name="report"),
    path(ONE + "rapport.pdf", officer.report_pdf, name="report_pdf"),
    path(ONE + "polis-export.zip", officer.export_polis, name="export"),
    path("d/<slug:slug>/", resident.resident, name="resident"),
    path("d/<slug:slug>/stem/", resident.vote, name="vote"),
    path("d/<slug:slug>/stelling/", resident.add_statement, name="add_statement"),
    path("d/<slug:slug>/kaart/", resident.public_map, name="public_map"),
    path("d/<slug:slug>/email/", resident.email_start, name="email_start"),
    path("d/<slug:slug>/email/code/", resident.email_confirm, name="email_confirm"),
]
