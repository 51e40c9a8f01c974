"""Public reference data: provinces, districts and subdistricts."""
