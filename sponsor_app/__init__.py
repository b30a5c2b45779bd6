"""Sponsor Desk: records and evaluation reports for community refugee sponsorship groups."""

__version__ = "0.1.0"
APP_NAME = "Sponsor Desk"
