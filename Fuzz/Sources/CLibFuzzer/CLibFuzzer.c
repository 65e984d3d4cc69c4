// Declarations only: the driver lives in libFuzzer, linked by -sanitize=fuzzer.
#include "CLibFuzzer.h"
