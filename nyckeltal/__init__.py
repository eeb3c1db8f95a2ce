"""Logic of Arbetslivsnämndens KPI dashboard: data, periods, formats, figures.

Nothing in this package imports streamlit; the pages in sidor/ are the only UI glue.
"""
