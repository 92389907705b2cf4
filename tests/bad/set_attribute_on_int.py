int.x = 1
