"""storyboard: a shot list in, a rough-cut animatic MP4 out, locally and deterministically."""

__version__ = "0.3.0"
