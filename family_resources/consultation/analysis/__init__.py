"""Figures from a consultation's responses, for the officers' analysis page, the CSV downloads and the PDF
summary report (docs/decisions/0029-consultation-analysis-and-exports.md).

Every figure is a `reporting.tables.Figure` built once in `figures.py`; the page, the exports and the tests
all read the same functions. Nothing here writes.
"""
