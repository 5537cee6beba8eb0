"""The full-screen Textual app. Nothing outside this package imports Textual."""
