// libFuzzer's driver, which -sanitize=fuzzer links in (compiler-rt declares it in no installed header).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
