from django.conf import settings


def accounts(request):
    """Whether the header offers 注册 (ARCHIVE_REGISTRATION)."""
    return {"registration_open": settings.ACCOUNTS_REGISTRATION_OPEN}
