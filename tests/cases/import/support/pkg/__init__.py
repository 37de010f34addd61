attr = "pkg attr"
