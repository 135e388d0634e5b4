// placeholder until the extract layer lands
