"""``python -m storyboard``."""

from storyboard.cli import entry_point

entry_point()
