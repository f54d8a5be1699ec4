from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BODY_MAX, QUOTE_MAX


class NoteEditForm(forms.Form):
    body = forms.CharField(label=_("笔记"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 4}),
                           strip=False)
    public = forms.BooleanField(label=_("公开（所有人可见，显示作者名）"), required=False)


class NoteCreateForm(NoteEditForm):
    speech = forms.CharField(max_length=16)
    section = forms.CharField(max_length=64)
    paragraph = forms.IntegerField(min_value=1)
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    exact = forms.CharField(max_length=QUOTE_MAX, strip=False)


class NoteFilterForm(forms.Form):
    """The filters of 我的笔记; every field optional, all carried in the URL."""

    q = forms.CharField(label=_("搜索笔记"), required=False, max_length=200)
    tag = forms.CharField(label=_("标签"), required=False, max_length=100)
    speaker = forms.CharField(label=_("讲话人"), required=False, max_length=100)
    speech = forms.CharField(label=_("讲话"), required=False, max_length=16)
