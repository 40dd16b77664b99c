from django.urls import path

from family_resources.scheduling.views import appointments, booking, diary, places

app_name = "scheduling"

urlpatterns = [
    path("book/", booking.book, name="book"),
    path("appointments/<int:appointment_id>/", appointments.appointment_detail, name="appointment"),
    path("appointments/<int:appointment_id>/move/", booking.reschedule, name="reschedule"),
    path("appointments/<int:appointment_id>/cancel/", appointments.cancel, name="cancel"),
    path("appointments/<int:appointment_id>/attendance/", appointments.mark, name="mark"),
    path("appointments/<int:appointment_id>/calendar.ics", appointments.calendar_file, name="appointment_calendar"),
    path("episodes/<int:episode_id>/", appointments.episode_appointments, name="episode_appointments"),
    path("diary/", diary.diary, name="diary"),
    path("diary/<int:practitioner_id>/", diary.diary, name="practitioner_diary"),
    path("diary/<int:practitioner_id>/calendar.ics", diary.diary_calendar, name="diary_calendar"),
    path("places/", diary.places, name="places"),
    path("places/<slug:slug>/", diary.room_diary, name="room_diary"),
    path("places/<slug:slug>/close/", places.close_place, name="close_place"),
    path("rebook/", places.rebook, name="rebook"),
]
