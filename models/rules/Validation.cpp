#include "models/rules/Validation.h"
