"""Rule layer: pure functions on strings that find quote candidates and cues, no parser."""
