// placeholder until the ingest layer lands
