"""The officials' dashboard at /admin: sign in, the queue, an item with its history and actions."""
