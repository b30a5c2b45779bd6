"""Imports and exports: CSV, XLSX, OFX and bank statements read into the file all or nothing,
and tables written out formula-safe."""
