from django.urls import path

from .views import api, imports, meetings, messages, monitor, pages

app_name = "signals"

P = "o/<slug:org_slug>/signalen/"

urlpatterns = [
    path(P, pages.signal_list, name="list"),
    path(P + "nieuw/", pages.signal_new, name="new"),
    path(P + "<int:pk>/", pages.signal_detail, name="detail"),
    path(P + "<int:pk>/status/", pages.signal_status, name="status"),
    path(P + "<int:pk>/incident/", pages.signal_incident, name="incident"),
    path(P + "berichten/", messages.message_list, name="messages"),
    path(P + "berichten/export/", messages.message_export, name="messages_export"),
    path(P + "meldingen/", pages.alert_list, name="alerts"),
    path(P + "meldingen/<int:pk>/gezien/", pages.alert_seen, name="alert_seen"),
    path(P + "algoritmen/", pages.algorithms, name="algorithms"),
    path(P + "monitor/", monitor.monitor_page, name="monitor"),
    path(P + "trends/", monitor.trends_page, name="trends"),
    path(P + "monitor/instellingen/", monitor.monitor_settings, name="monitor_settings"),
    path(P + "themas/", monitor.theme_list, name="themes"),
    path(P + "themas/nieuw/", monitor.theme_edit, name="theme_new"),
    path(P + "themas/<int:pk>/", monitor.theme_edit, name="theme_edit"),
    path(P + "themas/<int:pk>/verwijderen/", monitor.theme_delete, name="theme_delete"),
    path(P + "themas/voorbeeld/", monitor.theme_preview, name="theme_preview"),
    path(P + "import/", imports.import_start, name="import"),
    path(P + "import/voorbeeld.csv", imports.import_sample, name="import_sample"),
    path(P + "import/<int:pk>/", imports.import_detail, name="import_detail"),
    path(P + "import/<int:pk>/voortgang/", imports.import_progress, name="import_progress"),
    path(P + "import/<int:pk>/annuleren/", imports.import_cancel, name="import_cancel"),
    path(P + "overleg/", meetings.meeting_list, name="meetings"),
    path(P + "overleg/nieuw/", meetings.meeting_new, name="meeting_new"),
    path(P + "overleg/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path(P + "overleg/<int:pk>/bewerken/", meetings.meeting_edit, name="meeting_edit"),
    path(P + "api-sleutels/", api.tokens, name="tokens"),
    path(P + "api-sleutels/<int:pk>/intrekken/", api.token_revoke, name="token_revoke"),
    path("api/signalen/openapi.json", api.openapi, name="api_openapi"),
    path("api/signalen/v1/signalen/", api.signals_collection, name="api_signals"),
    path("api/signalen/v1/signalen/<int:pk>/", api.signal_item, name="api_signal"),
]
