from django.urls import path

from family_resources.casework.views import allocation, assessments, chronology, episodes, notes, plans, step_up

app_name = "casework"

urlpatterns = [
    path("episodes/<int:episode_id>/", episodes.episode_detail, name="episode"),
    path("episodes/<int:episode_id>/allocate/", allocation.allocate, name="allocate"),
    path("episodes/<int:episode_id>/plan/", plans.plan_detail, name="plan"),
    path("episodes/<int:episode_id>/plan/start/", plans.plan_start, name="plan_start"),
    path("episodes/<int:episode_id>/plan/outcomes/add/", plans.outcome_add, name="outcome_add"),
    path("episodes/<int:episode_id>/plan/outcomes/<int:outcome_id>/actions/add/", plans.action_add, name="action_add"),
    path("episodes/<int:episode_id>/plan/actions/<int:action_id>/status/", plans.action_status, name="action_status"),
    path("episodes/<int:episode_id>/plan/agree/", plans.agree, name="plan_agree"),
    path("episodes/<int:episode_id>/plan/reviews/add/", plans.review_add, name="review_add"),
    path("episodes/<int:episode_id>/close/", plans.close, name="close"),
    path("episodes/<int:episode_id>/assessment/start/", assessments.start, name="assessment_start"),
    path("assessments/<int:assessment_id>/", assessments.detail, name="assessment"),
    path("assessments/<int:assessment_id>/edit/", assessments.edit, name="assessment_edit"),
    path("assessments/<int:assessment_id>/sign-off/", assessments.sign_off, name="assessment_sign_off"),
    path("assessments/<int:assessment_id>/return/", assessments.return_to_practitioner, name="assessment_return"),
    path("episodes/<int:episode_id>/notes/", notes.note_list, name="notes"),
    path("episodes/<int:episode_id>/notes/add/", notes.note_add, name="note_add"),
    path("episodes/<int:episode_id>/step-up/", step_up.step_up, name="step_up"),
    path("episodes/<int:episode_id>/step-ups/<int:step_up_id>/", step_up.step_up_detail, name="step_up_detail"),
    path(
        "episodes/<int:episode_id>/step-ups/<int:step_up_id>/reference/",
        step_up.step_up_reference,
        name="step_up_reference",
    ),
    path("families/<str:reference>/chronology/", chronology.chronology, name="chronology"),
]
