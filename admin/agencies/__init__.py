"""GET /api/v1/agencies: the agencies feedback is routed to, with their codes."""
