#include "models/rules/OpeningHoursRules.h"
