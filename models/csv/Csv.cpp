#include "models/csv/Csv.h"
