"""``python -m storyboard``, and the ``storyboard`` command."""

import gc


def run() -> None:
    """Run the command line in a process of its own, and exit with its code.

    The cyclic garbage collector is off from the first import: start-up makes
    tens of thousands of objects that live as long as the process, and the
    collector walked them again and again (4 ms of a 150 ms sign edit). A
    render makes little cyclic garbage; the commands that run for long
    (``render --watch``, ``batch``) turn the collector back on.
    """
    gc.disable()
    from storyboard.cli import exit_without_teardown, main

    exit_without_teardown(main())


if __name__ == "__main__":
    run()
