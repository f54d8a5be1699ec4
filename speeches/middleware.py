"""Security headers Django 5.2 does not set itself."""

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
