/* Chart geometry (see chart.h). Pure arithmetic, unit-tested in tests/unit/test_chart.c. */
#include "view/chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

#define COL_AXIS_W 40.0  /* left of the columns: the axis labels */
#define COL_LABEL_H 28.0 /* under the columns: the column labels */
#define PAD 8.0
#define BAR_H 12.0       /* one horizontal bar */
#define ROW_GAP 10.0     /* between two rows of horizontal bars */
#define HB_VALUE_W 44.0  /* right of the longest bar: its value */
#define HB_AXIS_H 24.0   /* under the horizontal bars: the axis labels */

void chart_axis_nice(int64_t data_max, struct chart_axis *a)
{
	memset(a, 0, sizeof *a);
	if (data_max < 1)
		data_max = 1;
	int64_t step = 1;
	for (int64_t p = 1;; p *= 10) {
		static const int mult[] = { 1, 2, 5 };
		int done = 0;
		for (int i = 0; i < 3 && !done; i++) {
			step = mult[i] * p;
			done = (data_max + step - 1) / step <= 5;
		}
		if (done)
			break;
	}
	a->step = step;
	a->max = (data_max + step - 1) / step * step;
	a->nticks = (int)(a->max / step) + 1;
}

/* Where value v lies between from (at 0) and to (at max). */
static double scale(const struct chart_axis *a, int64_t v, double from, double to)
{
	return from + (to - from) * (double)v / (double)a->max;
}

void chart_columns_layout(struct chart_columns *c, const int64_t *values, int n, double width,
			  double height, double label_width)
{
	memset(c, 0, sizeof *c);
	c->width = width;
	c->height = height;
	c->left = COL_AXIS_W;
	c->right = width - PAD;
	c->top = PAD + 4;
	c->bottom = height - COL_LABEL_H;
	c->n = n < 0 ? 0 : n;
	int64_t max = 0;
	for (int i = 0; i < c->n; i++)
		if (values[i] > max)
			max = values[i];
	chart_axis_nice(max, &c->axis);
	for (int t = 0; t < c->axis.nticks; t++)
		c->axis.pos[t] = scale(&c->axis, t * c->axis.step, c->bottom, c->top);
	c->bars = xcalloc((size_t)(c->n ? c->n : 1), sizeof *c->bars);
	c->centre = xcalloc((size_t)(c->n ? c->n : 1), sizeof *c->centre);
	double slot = c->n ? (c->right - c->left) / c->n : 0;
	c->label_every = 1;
	if (slot > 0 && label_width > slot)
		c->label_every = (int)ceil(label_width / slot);
	for (int i = 0; i < c->n; i++) {
		struct chart_rect *b = &c->bars[i];
		double v = values[i] < 0 ? 0 : (double)values[i];
		b->w = slot * 0.7;
		b->x = c->left + slot * i + slot * 0.15;
		b->y = scale(&c->axis, (int64_t)v, c->bottom, c->top);
		b->h = c->bottom - b->y;
		c->centre[i] = c->left + slot * i + slot / 2;
	}
}

void chart_columns_free(struct chart_columns *c)
{
	free(c->bars);
	free(c->centre);
	c->bars = NULL;
	c->centre = NULL;
}

void chart_hbars_layout(struct chart_hbars *c, const int64_t *values, int n, int nseries,
			double width, double label_width)
{
	memset(c, 0, sizeof *c);
	c->n = n < 0 ? 0 : n;
	c->nseries = nseries < 1 ? 1 : nseries;
	c->width = width;
	c->row_height = BAR_H * c->nseries + ROW_GAP;
	c->left = label_width;
	c->right = width - HB_VALUE_W;
	c->top = PAD;
	c->bottom = c->top + c->row_height * c->n;
	c->height = c->bottom + HB_AXIS_H;
	int64_t max = 0;
	for (int i = 0; i < c->n * c->nseries; i++)
		if (values[i] > max)
			max = values[i];
	chart_axis_nice(max, &c->axis);
	for (int t = 0; t < c->axis.nticks; t++)
		c->axis.pos[t] = scale(&c->axis, t * c->axis.step, c->left, c->right);
	int nbars = c->n * c->nseries;
	c->bars = xcalloc((size_t)(nbars > 0 ? nbars : 1), sizeof *c->bars);
	c->label_y = xcalloc((size_t)(c->n ? c->n : 1), sizeof *c->label_y);
	for (int i = 0; i < c->n; i++) {
		double row = c->top + c->row_height * i;
		c->label_y[i] = row + c->row_height / 2;
		for (int s = 0; s < c->nseries; s++) {
			struct chart_rect *b = &c->bars[i * c->nseries + s];
			int64_t v = values[i * c->nseries + s];
			b->x = c->left;
			b->y = row + ROW_GAP / 2 + BAR_H * s;
			b->h = BAR_H - 1;
			b->w = scale(&c->axis, v < 0 ? 0 : v, c->left, c->right) - c->left;
		}
	}
}

void chart_hbars_free(struct chart_hbars *c)
{
	free(c->bars);
	free(c->label_y);
	c->bars = NULL;
	c->label_y = NULL;
}
