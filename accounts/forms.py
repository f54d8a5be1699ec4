from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


class RegisterForm(UserCreationForm):
    # Needed to reset a forgotten password; not checked for uniqueness, so registering never
    # tells anyone whether an address already has an account.
    email = forms.EmailField(label=_("电子邮箱"), help_text=_("忘记密码时，重置链接发到这里。"))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
