"""Exports of a report for other systems (schema.org ClaimReview JSON-LD)."""
