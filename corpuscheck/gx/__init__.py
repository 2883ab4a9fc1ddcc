"""The validation layer: suites (YAML -> plan), validation through GX, our rules as GX expectations."""
