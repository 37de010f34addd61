x = "namespace leaf"
