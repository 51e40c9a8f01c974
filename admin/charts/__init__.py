"""Charts drawn on the server as inline SVG, for the dashboard and the public page."""
