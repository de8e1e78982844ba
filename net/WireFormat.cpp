#include "net/WireFormat.h"
