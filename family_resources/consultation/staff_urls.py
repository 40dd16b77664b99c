"""Consultation officers' pages, under /staff/consultations/."""

from django.urls import path

from family_resources.consultation import content_views, representation_views
from family_resources.consultation import staff_views as views
from family_resources.consultation.analysis import views as analysis_views
from family_resources.consultation.themes import staff_views as theme_views

app_name = "consultation_staff"

urlpatterns = [
    path("", views.staff_list, name="list"),
    path("new/", views.staff_create, name="create"),
    path("<int:pk>/", views.staff_detail, name="detail"),
    path("<int:pk>/status/", views.staff_transition, name="transition"),
    path("<int:pk>/editions/new/", views.staff_edition_add, name="edition_add"),
    path(
        "<int:pk>/editions/<slug:code>/questions/<slug:key>/", views.staff_question_translate, name="question_translate"
    ),
    path("<int:pk>/questions/new/", views.staff_question_add, name="question_add"),
    path("<int:pk>/questions/<slug:key>/wording/", views.staff_question_reword, name="question_reword"),
    path("<int:pk>/questions/<slug:key>/move/", views.staff_question_move, name="question_move"),
    path("<int:pk>/responses/", views.staff_responses, name="responses"),
    path("<int:pk>/responses/new/", views.staff_response_enter, name="response_enter"),
    path("<int:pk>/responses/<str:reference>/", views.staff_response_detail, name="response_detail"),
    # Themes, coding free text, and the equality impact assessment with its decisions (issue 8).
    path("<int:pk>/themes/", theme_views.theme_list, name="themes"),
    path("<int:pk>/themes/<int:theme_id>/", theme_views.theme_edit, name="theme_edit"),
    path("<int:pk>/themes/<int:theme_id>/merge/", theme_views.theme_merge_view, name="theme_merge"),
    path("<int:pk>/coding/", theme_views.coding, name="coding"),
    path("<int:pk>/coding/<int:answer_id>/", theme_views.code_answer, name="code_answer"),
    path("<int:pk>/impacts/", theme_views.impact_list, name="impacts"),
    path("<int:pk>/impacts/<int:impact_id>/", theme_views.impact_edit, name="impact_edit"),
    path("<int:pk>/decisions/new/", theme_views.decision_add, name="decision_add"),
    path("<int:pk>/decisions/<int:decision_id>/", theme_views.decision_edit, name="decision_edit"),
    # Who are we not hearing from, and editing an edition's words (ADR 0032).
    path("<int:pk>/representation/", representation_views.staff_representation, name="representation"),
    path("<int:pk>/editions/<slug:code>/content/", content_views.edition_content, name="edition_content"),
    path("<int:pk>/editions/<slug:code>/content/details/", content_views.edition_details, name="edition_details"),
    path("<int:pk>/editions/<slug:code>/pages/new/", content_views.page_add, name="page_add"),
    path("<int:pk>/editions/<slug:code>/pages/<int:page_id>/", content_views.page_edit, name="page_edit"),
    path("<int:pk>/editions/<slug:code>/pages/<int:page_id>/move/", content_views.page_move, name="page_move"),
    path("<int:pk>/editions/<slug:code>/pages/<int:page_id>/remove/", content_views.page_remove, name="page_remove"),
    path("<int:pk>/editions/<slug:code>/faq/new/", content_views.faq_add, name="faq_add"),
    path("<int:pk>/editions/<slug:code>/faq/<int:faq_id>/", content_views.faq_edit, name="faq_edit"),
    path("<int:pk>/editions/<slug:code>/faq/<int:faq_id>/move/", content_views.faq_move, name="faq_move"),
    path("<int:pk>/editions/<slug:code>/faq/<int:faq_id>/remove/", content_views.faq_remove, name="faq_remove"),
    # Analysis and outcome exports (docs/decisions/0029-consultation-analysis-and-exports.md).
    path("<int:pk>/analysis/", analysis_views.analysis, name="analysis"),
    path("<int:pk>/analysis/responses.csv", analysis_views.responses_csv, name="analysis_responses_csv"),
    path("<int:pk>/analysis/equality.csv", analysis_views.equality_csv, name="analysis_equality_csv"),
    path("<int:pk>/analysis/summary.pdf", analysis_views.summary_pdf, name="analysis_summary_pdf"),
]
