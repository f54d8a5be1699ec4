"""Signals other apps listen to; sent by speeches.services."""
from django.dispatch import Signal

# sender=Speech, speech=<Speech>: sent after a speech's sections were deleted and recreated
# (re-import or re-parse), inside the same transaction, so notes and tags can re-anchor.
sections_replaced = Signal()
