x = t"""abc
{y}
