"""The web chat at /chat: one page speaking the conversation engine through JSON endpoints."""
