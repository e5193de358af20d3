"""Validators for every supported format (see ``newsconvert validate``)."""
