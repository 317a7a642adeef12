"""The offline downloads: printable books (PDF) and the zipped offline copy, made by build_site.py."""
