"""Aggregates for officials, boards and analysts: sentiment, volumes, resolution, satisfaction."""
