from django.urls import path

from . import api, search_views, views

urlpatterns = [
    path("tags/", views.tag_list, name="tags"),
    path("tags/search/", search_views.tag_search, name="tag_search"),
    path("tags/batches/<int:pk>/", search_views.tag_batch, name="tag_batch"),
    path("tags/batches/<int:pk>/undo", search_views.tag_batch_undo, name="tag_batch_undo"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("speeches/<str:uid>/sections/<str:anchor>/tags/<str:action>", views.section_tag, name="section_tag"),
    path("api/tags", api.tags, name="api_tags"),
    path("api/tags/<str:slug>", api.tag_sections, name="api_tag"),
    path("api/speeches/<str:uid>/sections/<str:anchor>/tags", api.section_tags, name="api_section_tags"),
    path("api/speeches/<str:uid>/sections/<str:anchor>/tags/remove", api.section_untag,
         name="api_section_untag"),
]
