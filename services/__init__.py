"""Domain services shared by the chat bot and the admin API: the rules, never the transport."""
