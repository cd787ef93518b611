"""The `ratbond` command line: one module per command group, each calling the library only."""
