"""The `decline` command: thin faces over the core; one small module per command group."""
