"""The engine: scoring and the conversation. Plain Python; never imports Textual."""
