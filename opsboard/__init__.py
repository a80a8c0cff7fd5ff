"""opsboard: a terminal planning board for an e-commerce operations lead."""

import os

__version__ = "0.1.0"

# pydantic looks for plugins by scanning every installed package's entry
# points the first time a model validates: ~30 ms of the app's start, for
# plugins opsboard does not use. (A user who sets the variable keeps theirs.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
