"""The organisations app's pages, by who uses them: the public directory, the
organisations' self-service, the municipality's handling, and the calendar."""
