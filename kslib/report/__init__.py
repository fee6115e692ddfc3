"""Stage 6 of 6, report: run every notebook on a folder and write the figures and one HTML report."""
