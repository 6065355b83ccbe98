/* Application clock with an optional test offset (see clock.h). The offset is written once in
 * clock_init, before any thread starts, and only read afterwards. */
#include "util/clock.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

static int64_t offset;

int clock_init(void)
{
	const char *s = getenv("SIARAN_CLOCK_OFFSET");
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end)
		return -1;
	offset = v;
	return 0;
}

int64_t clock_now(void)
{
	return (int64_t)time(NULL) + offset;
}
