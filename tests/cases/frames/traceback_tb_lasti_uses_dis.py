import dis

def fail(d):
    return d["missing"]

try:
    fail({})
except KeyError as e:
    tb = e.__traceback__.tb_next
    code = tb.tb_frame.f_code
    print(tb.tb_lasti % 2, dis.opname[code.co_code[tb.tb_lasti]])
    print(tb.tb_lasti == tb.tb_frame.f_lasti)
    print(tb.tb_lasti)
    outer = e.__traceback__
    print(dis.opname[outer.tb_frame.f_code.co_code[outer.tb_lasti]])
