from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import ThrottledPasswordResetForm

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=ThrottledPasswordResetForm),
        name="password_reset",
    ),
    path("notifications/", views.notification_list, name="notification_list"),
    path("", include("django.contrib.auth.urls")),
]
