"""Programme pages, one module per concept."""
