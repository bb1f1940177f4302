from .navigation import entries_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:  # an error page for a request stopped before AuthenticationMiddleware (400)
        return {"nav_entries": [], "unread_notifications": 0}
    unread = user.notifications.filter(read_at__isnull=True).count() if user.is_authenticated else 0
    return {"nav_entries": entries_for(user), "unread_notifications": unread}
