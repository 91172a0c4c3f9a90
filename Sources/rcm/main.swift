print("rcm")
