"""/api/v1/routing-rules: the editable rules that decide which agency gets an item."""
