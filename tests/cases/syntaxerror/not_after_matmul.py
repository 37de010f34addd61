x = a @ not b
