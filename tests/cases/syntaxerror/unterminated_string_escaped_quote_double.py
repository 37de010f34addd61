s = "say \"hi\"
