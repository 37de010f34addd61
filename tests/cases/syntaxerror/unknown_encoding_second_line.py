#!/usr/bin/env python
# coding=no-such-codec
x = 1
