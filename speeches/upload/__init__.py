"""Staff upload: files checked and parsed, previewed and corrected, then imported in the background."""
