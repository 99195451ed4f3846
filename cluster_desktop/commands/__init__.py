"""CLI commands, one module per area; each exposes ``register(subparsers)``.

A command handler takes the parsed arguments and the ``Cli`` context and returns the exit code.
Refusals raise ``DomainError``; ``cli.main`` prints them as one line on stderr and exits 1.
"""
