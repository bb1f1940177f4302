from .navigation import entries_for


def navigation(request):
    user = request.user
    unread = user.notifications.filter(read_at__isnull=True).count() if user.is_authenticated else 0
    return {"nav_entries": entries_for(user), "unread_notifications": unread}
