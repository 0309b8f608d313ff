"""Backprop Studio's window: Qt views over one Document (gui.document)."""
