"""The officials' side of Siang: the admin API, scope and auth, the dashboard, digests, Open311."""
