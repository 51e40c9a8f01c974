"""Volunteer programmes: agencies post them, see who signed up, record who came."""
