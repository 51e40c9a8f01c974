"""The public transparency page: figures per province and agency, no personal data."""
