#include <errno.h>
#include <qrencode.h>
