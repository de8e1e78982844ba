#include "models/csv/CentreCsv.h"
