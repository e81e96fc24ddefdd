"""Command-line interface: one module per subcommand, each only parsing and I/O."""
