def 関数(値):
    return 値 / 0


結果 = ("日本" +
      str(関数(
          1)))
