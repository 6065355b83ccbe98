/* The password policy applied wherever a password is set (command line, one-time link, own
 * change): 12 to 128 characters, and not one of the most common passwords of the list shipped in
 * wordlists/common-passwords.txt (compared case-insensitively, also when only digits or symbols
 * are added around a listed word or a listed word is repeated). */
#ifndef SIARAN_PWPOLICY_H
#define SIARAN_PWPOLICY_H

#define PWPOLICY_MIN 12  /* characters (UTF-8 code points) */
#define PWPOLICY_MAX 128

enum pwpolicy_result {
	PWPOLICY_OK,
	PWPOLICY_TOO_SHORT,
	PWPOLICY_TOO_LONG,
	PWPOLICY_COMMON,
	PWPOLICY_INVALID, /* not valid UTF-8 text, or control characters */
};

/* Reads the list at path (one password a line, '#' starts a comment line). Call once at start,
 * before any thread checks a password; the list is read-only afterwards. Returns the number of
 * entries, or -1 (logged) when the file cannot be read (when it cannot be opened at all, a
 * list read before stays). */
int pwpolicy_load(const char *path);
/* Frees the list (checks then only test the length). */
void pwpolicy_free(void);

enum pwpolicy_result pwpolicy_check(const char *password);
/* What a person should read next to the field (Indonesian), NULL for PWPOLICY_OK. */
const char *pwpolicy_message(enum pwpolicy_result r);
/* The same in English, for the command line. */
const char *pwpolicy_message_en(enum pwpolicy_result r);

#endif
