"""Knowledge kept as data: gazetteer, actor dictionary, ontology, lexicons, and their loaders."""
