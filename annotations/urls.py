from django.urls import path

from . import views

urlpatterns = [
    path("notes/", views.my_notes_page, name="my_notes"),
    path("notes/export.csv", views.export_csv, name="notes_csv"),
    path("notes/export.jsonld", views.export_jsonld, name="notes_jsonld"),
    path("notes/<int:pk>", views.note_detail, name="note"),
    path("notes/<int:pk>/edit", views.note_edit, name="note_edit"),
    path("notes/<int:pk>/delete", views.note_delete, name="note_delete"),
    path("notes/<int:pk>/hide", views.note_hide, name="note_hide"),
    path("api/notes", views.note_create, name="api_note_create"),
    path("api/speeches/<str:uid>/notes", views.speech_notes, name="api_speech_notes"),
]
