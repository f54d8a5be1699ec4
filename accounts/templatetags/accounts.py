from django import template

register = template.Library()


@register.filter
def minutes(delta) -> int:
    """Whole minutes of a timedelta, rounded up (the lock-out page's "try again in N minutes")."""
    return -(-int(delta.total_seconds()) // 60)
