"""The market rule classes, grouped by theme; each registers itself with ``@register_rule``."""
