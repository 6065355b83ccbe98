/* Unit tests for view/chart: nice axes for counts, column and horizontal bar geometry (bars
 * proportional to their values, inside the plot, not overlapping), label thinning. */
#include <criterion/criterion.h>
#include <math.h>

#include "view/chart.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

Test(chart, nice_axis)
{
	static const struct {
		int64_t data_max, max, step;
	} cases[] = {
		{ 0, 1, 1 },   { 1, 1, 1 },     { 3, 3, 1 },     { 5, 5, 1 },     { 6, 6, 2 },
		{ 7, 8, 2 },   { 10, 10, 2 },   { 11, 15, 5 },   { 25, 25, 5 },   { 26, 30, 10 },
		{ 51, 60, 20 }, { 99, 100, 20 }, { 101, 150, 50 }, { 1234, 1500, 500 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct chart_axis a;
		chart_axis_nice(cases[i].data_max, &a);
		cr_expect_eq(a.max, cases[i].max, "max for %ld: %ld", (long)cases[i].data_max, (long)a.max);
		cr_expect_eq(a.step, cases[i].step, "step for %ld: %ld", (long)cases[i].data_max, (long)a.step);
		cr_expect_eq(a.nticks, (int)(a.max / a.step) + 1);
		cr_expect(a.nticks <= 6);
	}
}

Test(chart, columns)
{
	int64_t v[] = { 4, 1, 0, 2, 0 };
	struct chart_columns c;
	chart_columns_layout(&c, v, 5, 560, 220, 0);
	cr_assert_eq(c.n, 5);
	cr_expect_eq(c.axis.max, 4);
	cr_expect(NEAR(c.width, 560) && NEAR(c.height, 220));
	cr_expect(c.left > 0 && c.right <= 560 && c.top > 0 && c.bottom < 220);
	/* The tallest column fills the plot; the others are proportional; zero has no height. */
	cr_expect(NEAR(c.bars[0].y, c.top));
	cr_expect(NEAR(c.bars[0].h, c.bottom - c.top));
	cr_expect(NEAR(c.bars[1].h * 4, c.bars[0].h));
	cr_expect(NEAR(c.bars[3].h * 2, c.bars[0].h));
	cr_expect(NEAR(c.bars[2].h, 0) && NEAR(c.bars[2].y, c.bottom));
	for (int i = 0; i < 5; i++) {
		cr_expect(NEAR(c.bars[i].y + c.bars[i].h, c.bottom), "column %d stands on the zero line", i);
		cr_expect(c.bars[i].x >= c.left && c.bars[i].x + c.bars[i].w <= c.right + 1e-9);
		cr_expect(NEAR(c.centre[i], c.bars[i].x + c.bars[i].w / 2));
		if (i)
			cr_expect(c.bars[i].x > c.bars[i - 1].x + c.bars[i - 1].w, "gap before %d", i);
	}
	/* Gridlines from the zero line (value 0) up to the top (value max). */
	cr_expect(NEAR(c.axis.pos[0], c.bottom));
	cr_expect(NEAR(c.axis.pos[c.axis.nticks - 1], c.top));
	cr_expect_eq(c.label_every, 1);
	chart_columns_free(&c);
}

Test(chart, column_labels_thin_out)
{
	int64_t v[53] = { 0 };
	struct chart_columns c;
	chart_columns_layout(&c, v, 53, 560, 220, 44);
	double slot = (c.right - c.left) / 53;
	cr_expect(c.label_every * slot >= 44, "labels %d apart, slot %f", c.label_every, slot);
	cr_expect((c.label_every - 1) * slot < 44);
	cr_expect_eq(c.axis.max, 1, "an empty series still has an axis");
	chart_columns_free(&c);

	chart_columns_layout(&c, v, 0, 560, 220, 44);
	cr_expect_eq(c.n, 0);
	chart_columns_free(&c);
}

Test(chart, horizontal_bars)
{
	/* two categories, three series */
	int64_t v[] = { 4, 4, 1, 2, 1, 0 };
	struct chart_hbars h;
	chart_hbars_layout(&h, v, 2, 3, 560, 150);
	cr_expect_eq(h.axis.max, 4);
	cr_expect(NEAR(h.left, 150));
	cr_expect(h.right < 560);
	cr_expect(NEAR(h.bottom - h.top, 2 * h.row_height));
	cr_expect(h.height > h.bottom);
	double full = h.right - h.left;
	cr_expect(NEAR(h.bars[0].w, full));
	cr_expect(NEAR(h.bars[2].w * 4, full));
	cr_expect(NEAR(h.bars[3].w * 2, full));
	cr_expect(NEAR(h.bars[5].w, 0));
	for (int i = 0; i < 6; i++) {
		cr_expect(NEAR(h.bars[i].x, h.left));
		int row = i / 3;
		cr_expect(h.bars[i].y >= h.top + row * h.row_height);
		cr_expect(h.bars[i].y + h.bars[i].h <= h.top + (row + 1) * h.row_height);
		if (i % 3)
			cr_expect(h.bars[i].y >= h.bars[i - 1].y + h.bars[i - 1].h, "bar %d below %d", i, i - 1);
	}
	cr_expect(NEAR(h.label_y[1] - h.label_y[0], h.row_height));
	cr_expect(NEAR(h.axis.pos[0], h.left) && NEAR(h.axis.pos[h.axis.nticks - 1], h.right));
	chart_hbars_free(&h);
}
