"""One module per parser step; ``convert.textparse.pipeline.STEPS`` gives their order."""
