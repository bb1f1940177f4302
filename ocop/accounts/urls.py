from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import ThrottledLoginForm, ThrottledPasswordResetForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=ThrottledLoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=ThrottledPasswordResetForm),
        name="password_reset",
    ),
    path("notifications/", views.notification_list, name="notification_list"),
    path("", include("django.contrib.auth.urls")),
]
