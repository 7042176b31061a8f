"""Hearth's widgets: they show things and emit signals; services do the work."""
