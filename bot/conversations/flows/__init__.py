"""The conversation flows: report/opinion, follow-up, after resolution, and my data."""
