"""The committee's own follow-up report as an import file: its text (.txt as extracted from
the PDF), Word document or PDF read into rows of the import format. Entry point:
nyckeltal.uppfoljning.rapport.las_rapport; README "Import från uppföljningsrapporten"."""
