from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("toegankelijkheid", RedirectView.as_view(url="/toegankelijkheid/", permanent=True)),
    # The residents' vote is the hottest path: its patterns are matched first (no prefix overlaps).
    path("", include("brug.dialogue.urls")),
    path("", include("brug.core.urls")),
    path("", include("brug.municipalities.urls")),
    path("", include("brug.learning.urls")),
    path("", include("brug.knowledge.urls")),
    path("", include("brug.analysis.urls")),
    path("", include("brug.network.urls")),
    path("", include("brug.signals.urls")),
]

handler400 = "brug.core.views.pages.error_400"
handler403 = "brug.core.views.pages.error_403"
handler404 = "brug.core.views.pages.error_404"
handler500 = "brug.core.views.pages.error_500"
