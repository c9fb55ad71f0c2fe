from django.contrib.auth import views as auth_views
from django.urls import path

from .views import auth, org, pages

app_name = "core"

urlpatterns = [
    path("", org.home, name="home"),
    path("inloggen/", auth.login_view, name="login"),
    path("inloggen/code/", auth.login_code, name="2fa_verify"),
    path("uitloggen/", auth.logout_view, name="logout"),
    path("account/tweestapsverificatie/", auth.two_factor_setup, name="2fa_setup"),
    path("account/herstelcodes/", auth.two_factor_reset_codes, name="2fa_recovery_codes"),
    path("wachtwoord-vergeten/", auth.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="core/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(template_name="core/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("uitnodiging/<str:token>/", org.accept_invitation, name="accept_invitation"),
    path("toegankelijkheid/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("o/<slug:org_slug>/", org.dashboard, name="dashboard"),
    path("o/<slug:org_slug>/leden/", org.members, name="members"),
    path("o/<slug:org_slug>/leden/<int:pk>/rol/", org.member_role, name="member_role"),
    path("o/<slug:org_slug>/leden/<int:pk>/verwijderen/", org.member_remove, name="member_remove"),
    path("o/<slug:org_slug>/auditlog/", org.audit_log, name="audit_log"),
    path("o/<slug:org_slug>/organisaties/", org.organisations, name="organisations"),
]
