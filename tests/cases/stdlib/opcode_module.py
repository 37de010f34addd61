import _opcode
print(sorted(n for n in dir(_opcode)))
print(_opcode.get_intrinsic1_descs())
print(_opcode.get_intrinsic2_descs())
print(_opcode.get_special_method_names())
print(_opcode.get_nb_ops())
print(_opcode.get_specialization_stats())
for f in ['is_valid','has_arg','has_const','has_name','has_jump','has_free','has_local','has_exc']:
    print(f, [i for i in range(-2, 300) if getattr(_opcode, f)(i)])
import opcode
for name, op in sorted(opcode.opmap.items(), key=lambda x:x[1]):
    r=[]
    for arg in (None, 0, 1, 2, 3, 4, 5, 7, 8, 16, 17, 256):
        for j in (None, True, False):
            try:
                r.append(_opcode.stack_effect(op, arg, jump=j))
            except Exception as e:
                r.append(type(e).__name__+':'+str(e))
    print(name, op, r)
try: _opcode.stack_effect(1000)
except Exception as e: print(type(e).__name__, e)
for call in ["_opcode.stack_effect(1, jump=3)", "_opcode.stack_effect(44, 'x')", "_opcode.stack_effect()",
             "_opcode.has_arg('x')", "_opcode.has_arg(2**70)", "_opcode.has_arg(1.0)", "_opcode.has_arg(opcode=1)",
             "_opcode.get_nb_ops(1)", "_opcode.get_executor(1)", "_opcode.stack_effect(300)", "_opcode.stack_effect(-1)",
             "_opcode.stack_effect(44, -5)", "_opcode.stack_effect(83, 1, 2)", "_opcode.stack_effect(83, oparg=1)"]:
    try: print(call, eval(call))
    except Exception as e: print(call, type(e).__name__, e)
try: _opcode.get_executor(compile('1','','eval'), 0)
except Exception as e: print(type(e).__name__, e)
print(_opcode.ENABLE_SPECIALIZATION, _opcode.ENABLE_SPECIALIZATION_FT)
