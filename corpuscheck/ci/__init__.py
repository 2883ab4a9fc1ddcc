"""CI integration: [tool.corpuscheck] configuration, baselines, the pytest plugin."""
