"""opsboard: a terminal planning board for an e-commerce operations lead."""
__version__ = "0.1.0"
