/* Logging to stderr with a level and a timestamp. Thread-safe (one fprintf per line). */
#ifndef SIARAN_LOG_H
#define SIARAN_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
