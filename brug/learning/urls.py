from django.urls import path

from .views import editions, notifications, participant, public, sessions

app_name = "learning"

F = "o/<slug:org_slug>/leernetwerk/edities/<int:edition_id>/"  # facilitator (partner organisation)
P = "o/<slug:org_slug>/leernetwerk/deelname/<int:edition_id>/"  # participant (municipality)

urlpatterns = [
    path("oproep/", public.calls, name="calls"),
    path("oproep/<slug:slug>/", public.call, name="call"),
    path("oproep/<slug:slug>/bedankt/", public.call_thanks, name="call_thanks"),
    path("o/<slug:org_slug>/leernetwerk/", editions.index, name="index"),
    path("o/<slug:org_slug>/leernetwerk/meldingen/", notifications.own, name="notifications"),
    path("o/<slug:org_slug>/leernetwerk/edities/nieuw/", editions.edition_form, name="edition_new"),
    path(F, editions.edition, name="edition"),
    path(F + "bewerken/", editions.edition_form, name="edition_edit"),
    path(F + "publiceren/", editions.publish, name="publish"),
    path(F + "aanmeldingen/", editions.registrations, name="registrations"),
    path(F + "aanmeldingen/<int:registration_id>/", editions.registration, name="registration"),
    path(F + "selectie/", editions.selection, name="selection"),
    path(F + "toegang/", editions.access, name="access"),
    path(F + "export/<slug:kind>.<str:fmt>", editions.export, name="export"),
    path(F + "bericht/", notifications.broadcast, name="broadcast"),
    path(F + "herinneringen/", notifications.reminder_overview, name="reminders"),
    path(F + "koppels/", editions.pairs, name="pairs"),
    path(F + "koppels/<int:pair_id>/", editions.pair_update, name="pair_update"),
    path(F + "bijeenkomsten/<int:session_id>/", sessions.session, name="session"),
    path(
        F + "bijeenkomsten/<int:session_id>/kennisproduct/",
        sessions.knowledge_product,
        name="knowledge_product",
    ),
    path(F + "bijeenkomsten/<int:session_id>/infoblad.pdf", sessions.knowledge_pdf, name="knowledge_pdf"),
    path(F + "opdrachten/", sessions.assignments, name="assignments"),
    path(F + "bestanden/<int:file_id>/", sessions.submission_file, name="submission_file"),
    path(F + "maatwerk/", sessions.maatwerk, name="maatwerk"),
    path(F + "maatwerk/<int:application_id>/", sessions.maatwerk_detail, name="maatwerk_detail"),
    path(F + "agenda/<str:kind>/<int:pk>.ics", sessions.facilitator_ics, name="ics"),
    path(P, participant.participation, name="participation"),
    path(P + "deelnemers/", participant.fellows, name="fellows"),
    path(P + "opdrachten/<int:assignment_id>/", participant.assignment, name="assignment"),
    path(P + "bestanden/<int:file_id>/", participant.own_file, name="own_file"),
    path(P + "kennisproducten/<int:session_id>/", participant.knowledge_product, name="participant_product"),
    path(P + "kennisproducten/<int:session_id>/infoblad.pdf", sessions.knowledge_pdf, name="participant_pdf"),
    path(P + "bijeenkomsten/<int:session_id>.ics", participant.session_ics, name="participant_ics"),
    path(P + "vragen/", participant.threads, name="threads"),
    path(P + "vragen/<int:thread_id>/", participant.thread, name="thread"),
]
