"""kgreview: research texts → a knowledge graph of codes, evidence, authors and gaps."""

__version__ = "0.1.0"
