// placeholder until the readers layer lands
