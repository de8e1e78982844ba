#include "models/booking/EventLog.h"
