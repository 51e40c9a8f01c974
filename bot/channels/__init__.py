"""Chat platform adapters: each turns its platform's events into `Inbound` and renders `Outgoing`."""
