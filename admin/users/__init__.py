"""/api/v1/users: accounts, for admins."""
