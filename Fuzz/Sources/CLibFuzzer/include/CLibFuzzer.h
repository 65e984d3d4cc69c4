// libFuzzer's entry for programs that have a main of their own (libFuzzer 11 and later).
#ifndef CARAVAN_CLIBFUZZER_H
#define CARAVAN_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*test)(const uint8_t *data, size_t size));

#endif
