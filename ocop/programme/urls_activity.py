"""The annual cycle, ideas and business plans, training, events and showrooms (/programme/…)."""

from django.urls import path

from . import views_cycle as cycle
from . import views_training as training

app_name = "activities"

urlpatterns = [
    path("cycle/", cycle.cycle, name="cycle"),
    path("cycle/open/", cycle.cycle_open, name="cycle_open"),
    path("cycle/windows/<int:pk>/", cycle.cycle_window, name="cycle_window"),
    path("ideas/", cycle.idea_list, name="idea_list"),
    path("ideas/new/", cycle.idea_create, name="idea_create"),
    path("ideas/<int:pk>/", cycle.idea_detail, name="idea_detail"),
    path("ideas/<int:pk>/screen/", cycle.idea_screen, name="idea_screen"),
    path("ideas/<int:pk>/business-plan/", cycle.plan_create, name="businessplan_create"),
    path("business-plans/<int:pk>/", cycle.plan_detail, name="businessplan_detail"),
    path("business-plans/<int:pk>/decide/", cycle.plan_decide, name="businessplan_decide"),
    path("business-plans/<int:pk>/product/", cycle.plan_link, name="businessplan_link"),
    path("courses/", training.course_list, name="course_list"),
    path("courses/new/", training.course_create, name="course_create"),
    path("courses/<int:pk>/", training.course_detail, name="course_detail"),
    path("courses/<int:pk>/attendees/", training.course_attendees, name="course_attendees"),
    path("events/", training.event_list, name="event_list"),
    path("events/new/", training.event_create, name="event_create"),
    path("events/<int:pk>/", training.event_detail, name="event_detail"),
    path("showrooms/", training.showroom_list, name="showroom_list"),
    path("showrooms/new/", training.showroom_create, name="showroom_create"),
    path("showrooms/<int:pk>/", training.showroom_detail, name="showroom_detail"),
    path("showrooms/<int:pk>/products/", training.showroom_products, name="showroom_products"),
]
