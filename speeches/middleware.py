"""Our middleware: security headers Django 5.2 does not set itself, Chinese first, NUL kept out of the admin."""

from django.http import HttpResponseBadRequest

# No inline script anywhere: our JS lives in static files. The admin keeps inline styles.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
ADMIN_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def security_headers(get_response):
    def middleware(request):
        response = get_response(request)
        policy = ADMIN_POLICY if request.path.startswith("/admin/") else POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    return middleware


def chinese_unless_chosen(get_response):
    """The archive speaks Chinese first: English is the reader's explicit choice (the switch's
    cookie), not a guess from the browser's Accept-Language, which on shared and office machines
    is often English for readers who came for Chinese texts. Runs before LocaleMiddleware."""

    def middleware(request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return get_response(request)

    return middleware


def admin_refuses_nul(get_response):
    """The admin filters and searches the database with what the URL says, and PostgreSQL refuses
    NUL in text (a 500). Public pages handle NUL themselves (search treats it as a separator)."""

    def middleware(request):
        if request.path.startswith("/admin/") and any("\x00" in k or "\x00" in v for k, values in
                                                      request.GET.lists() for v in values):
            return HttpResponseBadRequest("请求中含有非法字符（NUL）。The request contains a NUL character.",
                                          content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
