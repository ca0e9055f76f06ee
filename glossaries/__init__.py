"""Shipped termbases (``<src>-<tgt>.csv``) and attribute value dictionaries (``attributes/``)."""
