"""The plain-text article parser: a pipeline of small named steps (see ``pipeline``)."""
