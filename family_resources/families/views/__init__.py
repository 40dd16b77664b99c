"""The family record, as staff see and change it: one module per part of the record."""
