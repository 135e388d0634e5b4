// placeholder until the taxonomy layer lands
