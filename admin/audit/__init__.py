"""The audit log: every write and every view of personal data, queryable by admins."""
