from django.urls import path

from . import views

app_name = "municipalities"

urlpatterns = [
    path("o/<slug:org_slug>/wijken/", views.neighbourhoods, name="neighbourhoods"),
    path(
        "o/<slug:org_slug>/wijken/<int:pk>/verwijderen/",
        views.neighbourhood_remove,
        name="neighbourhood_remove",
    ),
]
