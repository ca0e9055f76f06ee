"""Polyshelf engine: catalog localization stages shared by the CLI and the desktop workbench."""

__version__ = "0.1.0"
