"""siang package."""
