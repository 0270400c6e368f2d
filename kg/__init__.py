"""kg: turn a folder of news and policy articles into a knowledge graph you can query, analyse and see."""

__version__ = "0.1.0"
