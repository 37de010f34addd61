# argparse: parsing, help text (terminal width from shutil.get_terminal_size), errors.
import os
import sys
import argparse

os.environ['COLUMNS'] = '70'
parser = argparse.ArgumentParser(prog='tool', description='A small tool for the tests.')
parser.add_argument('files', nargs='*', help='input files')
parser.add_argument('-n', '--count', type=int, default=1, help='how many times')
parser.add_argument('-v', '--verbose', action='store_true')
parser.add_argument('--mode', choices=['fast', 'slow'], default='fast')
group = parser.add_mutually_exclusive_group()
group.add_argument('--json', action='store_true')
group.add_argument('--text', action='store_true')
main = argparse.ArgumentParser(prog='main')
sub = main.add_subparsers(dest='command')
run = sub.add_parser('run', help='run things')
run.add_argument('--jobs', type=int, default=2)

print(parser.parse_args([]))
print(parser.parse_args(['a', 'b', '-n', '3', '-v', '--mode', 'slow']))
print(parser.parse_args(['--json']))
print(main.parse_args(['run', '--jobs', '4']))
main.print_help()
ns, rest = parser.parse_known_args(['x', '--unknown', '5'])
print(ns.files, rest)
parser.print_help()
print(parser.format_usage(), end='')
run.print_help()
for bad in [['-n', 'x'], ['--mode', 'medium'], ['--json', '--text'], ['--nope']]:
    try:
        parser.parse_args(bad)
    except SystemExit as e:
        print('exit', e.code)
sys.stdout.flush()
