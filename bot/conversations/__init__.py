"""Conversations with citizens: the engine (`engine.ConversationEngine`), flows and state."""
