#include "models/store/Database.h"
