"""Who is calling and what they may see: passwords, access tokens, API keys and scope rules."""
