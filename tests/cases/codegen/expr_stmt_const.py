1
'doc'
None
