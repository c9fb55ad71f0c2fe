from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("o/<slug:org_slug>/kennisbank/", views.item_list, name="list"),
    path("o/<slug:org_slug>/kennisbank/nieuw/", views.item_add, name="add"),
    path("o/<slug:org_slug>/kennisbank/<int:pk>/", views.item_detail, name="detail"),
    path("o/<slug:org_slug>/kennisbank/<int:pk>/bewerken/", views.item_edit, name="edit"),
    path("o/<slug:org_slug>/kennisbank/<int:pk>/pdf/", views.item_pdf, name="pdf"),
    path("kennisbank/publiek/", views.public_list, name="public_list"),
    path("kennisbank/publiek/<int:pk>/", views.public_detail, name="public_detail"),
    path("kennisbank/publiek/<int:pk>/pdf/", views.public_pdf, name="public_pdf"),
]
