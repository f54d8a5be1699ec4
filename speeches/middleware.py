"""Our middleware: security headers Django 5.2 does not set itself, Chinese first, no NUL to the database."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render

RETRY_AFTER = 60  # seconds: about what a repair of a small archive takes; a client retries then

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


def refuse_nul(get_response):
    """PostgreSQL refuses NUL in text, so a NUL that reaches a query is a 500. Pages look up what
    the path names (speaker, city, speech) and the admin filters on its query string: a NUL there
    is a 400. Search parameters are not databased and keep their own rule (NUL separates words)."""

    def middleware(request):
        query = request.GET.lists() if request.path.startswith("/admin/") else ()
        if "\x00" in request.path or any("\x00" in k + "".join(values) for k, values in query):
            return HttpResponseBadRequest("请求中含有非法字符（NUL）。The request contains a NUL character.",
                                          content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware


def index_faults(get_response):
    """A page or API call that needs the search index while it is unusable answers 503 with
    Retry-After, saying plainly that search is being rebuilt (JSON for the API), and asks for a
    repair: never a 500, never a 200 with silently empty results."""

    def middleware(request):
        return get_response(request)

    def process_exception(request, exception):
        from speeches.search import IndexUnavailable, request_repair

        if not isinstance(exception, IndexUnavailable):
            return None
        started = request_repair(exception)
        message = "检索索引正在重建，请稍后再试。Search is being rebuilt; please try again shortly."
        if request.path.startswith("/api/"):
            response = JsonResponse({"error": message, "index": exception.problem, "retry_after": RETRY_AFTER},
                                    status=503, json_dumps_params={"ensure_ascii": False})
        else:
            context = {"problem": exception.problem, "retry_after": RETRY_AFTER, "started": started,
                       "query": request.GET.get("q", "")[:200]}
            response = render(request, "search_unavailable.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response

    middleware.process_exception = process_exception
    return middleware
