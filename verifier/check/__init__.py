"""`verifier check`: lint a draft against trusted sources, like a code linter.

- markdown.py: Markdown syntax blanked out of a draft, offsets unchanged;
- trusted.py: the trusted articles and claim ledgers, read once;
- checker.py: a draft's claims compared with the sources' -> Diagnostic objects;
- diagnostics.py: the Diagnostic data (positions in characters and UTF-16 units);
- drafts.py: reading drafts from files, folders and standard input;
- formats.py: text, json, sarif and github renderings.
"""
