"""Logic of Arbetslivsnämndens KPI dashboard: data, periods, formats, figures.

Nothing in this package imports streamlit; the pages in sidor/ are the only UI glue.
"""

# The service's name: the browser's title bar ("Ekonomiskt bistånd – Arbetslivsnämndens
# nyckeltal"), the report's documents, the accessibility statement.
APPNAMN = "Arbetslivsnämndens nyckeltal"
