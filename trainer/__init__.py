"""rehearse: practise telling the CEO that something you own broke."""

__version__ = "0.1.0"
