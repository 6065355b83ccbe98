/* The application's clock. Production reads the system clock; tests may shift it with the
 * SIARAN_CLOCK_OFFSET environment variable (seconds, read once by clock_init) to exercise
 * scheduled publishing and session expiry without waiting. */
#ifndef SIARAN_CLOCK_H
#define SIARAN_CLOCK_H
#include <stdint.h>

/* Reads SIARAN_CLOCK_OFFSET; returns -1 if it is set but not an integer. Call once at start. */
int clock_init(void);
/* Current time, Unix seconds (UTC), including the offset. */
int64_t clock_now(void);

#endif
