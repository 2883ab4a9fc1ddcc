"""Language (L): documents in unexpected languages, the language mix."""
