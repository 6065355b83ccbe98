/* Unit tests for core/pwpolicy: lengths in characters (not bytes), the shipped list of common
 * passwords read from wordlists/ and compared case-insensitively, common words padded with
 * digits or symbols, repeated pieces, and invalid text. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/pwpolicy.h"

static void load(void)
{
	/* The unit tests run from the source tree (make test-unit, scripts/run-tests.sh). */
	cr_assert_gt(pwpolicy_load("wordlists/common-passwords.txt"), 3000);
}

TestSuite(pwpolicy, .init = load, .fini = pwpolicy_free);

Test(pwpolicy, lengths_count_characters)
{
	cr_expect_eq(pwpolicy_check("sebelas-hrf"), PWPOLICY_TOO_SHORT);
	cr_expect_eq(pwpolicy_check(""), PWPOLICY_TOO_SHORT);
	cr_expect_eq(pwpolicy_check("dua-belas-hr"), PWPOLICY_OK);
	/* 11 characters of two bytes each: 22 bytes, still too short. */
	cr_expect_eq(pwpolicy_check("ééééééééééé"), PWPOLICY_TOO_SHORT);
	char longest[129], too_long[130];
	for (int i = 0; i < 128; i++)
		longest[i] = too_long[i] = (char)('a' + i % 26);
	too_long[128] = 'x';
	longest[128] = '\0';
	too_long[129] = '\0';
	cr_expect_eq(pwpolicy_check(longest), PWPOLICY_OK);
	cr_expect_eq(pwpolicy_check(too_long), PWPOLICY_TOO_LONG);
}

Test(pwpolicy, common_passwords_are_refused)
{
	static const char *const common[] = {
		"winniethepooh", "WinnieThePooh", "WINNIETHEPOOH", /* listed, any case */
		"password2026!", "!!password!!", "123456monkey", /* a listed word with padding */
		"qwertyqwerty", "aaaaaaaaaaaa", "abcabcabcabc", "121212121212", /* repetitions */
	};
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
		cr_expect_eq(pwpolicy_check(common[i]), PWPOLICY_COMMON, "%s", common[i]);
	static const char *const fine[] = {
		"kopi tubruk di Menteng pagi", "rahasia-editor-humas-2026", "password manager rules",
		"Jakarta2026!Banjir", "qwertyqwertz",
	};
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
		cr_expect_eq(pwpolicy_check(fine[i]), PWPOLICY_OK, "%s", fine[i]);
}

Test(pwpolicy, invalid_text_and_messages)
{
	cr_expect_eq(pwpolicy_check("bad\x01control-char"), PWPOLICY_INVALID);
	cr_expect_eq(pwpolicy_check("\xff\xfe not utf-8 at all"), PWPOLICY_INVALID);
	cr_expect_null(pwpolicy_message(PWPOLICY_OK));
	cr_expect(strstr(pwpolicy_message(PWPOLICY_TOO_SHORT), "12") != NULL);
	cr_expect(strstr(pwpolicy_message(PWPOLICY_TOO_LONG), "128") != NULL);
	cr_expect(strstr(pwpolicy_message_en(PWPOLICY_COMMON), "common") != NULL);
}

Test(pwpolicy, a_missing_list_is_an_error)
{
	cr_expect_eq(pwpolicy_load("wordlists/does-not-exist.txt"), -1);
	/* The list read before stays; without any list only the lengths are checked. */
	cr_expect_eq(pwpolicy_check("winniethepooh"), PWPOLICY_COMMON);
	pwpolicy_free();
	cr_expect_eq(pwpolicy_check("winniethepooh"), PWPOLICY_OK);
	cr_expect_eq(pwpolicy_check("short"), PWPOLICY_TOO_SHORT);
}
