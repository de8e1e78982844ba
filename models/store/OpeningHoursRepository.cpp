#include "models/store/OpeningHoursRepository.h"
