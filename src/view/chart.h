/* Chart geometry for the server-rendered SVG charts of the dashboard: a nice axis for counts,
 * vertical columns (a time series, a histogram) and horizontal grouped bars (one row per unit).
 * Only numbers in viewBox units here; templates turn them into SVG, with classes for colours
 * (the Content-Security-Policy allows no inline styles). */
#ifndef SIARAN_CHART_H
#define SIARAN_CHART_H
#include <stdint.h>

#define CHART_MAX_TICKS 12

struct chart_rect {
	double x, y, w, h;
};

/* An axis from 0 to max in steps of step (1, 2 or 5 times a power of ten), nticks = max/step + 1
 * gridlines at pos[i] (viewBox coordinate of the value i * step). */
struct chart_axis {
	int64_t max, step;
	int nticks;
	double pos[CHART_MAX_TICKS];
};

/* The axis for counts up to data_max with at most five steps (data_max 0 gives 0..1). */
void chart_axis_nice(int64_t data_max, struct chart_axis *a);

/* Vertical columns in a width x height viewBox: the plot spans x left..right and y top..bottom
 * (bottom is the zero line); below it a row for the column labels, left of it the axis labels. */
struct chart_columns {
	double width, height;
	double left, right, top, bottom;
	int n;
	struct chart_rect *bars; /* n; a zero value has h = 0 at the zero line */
	double *centre;          /* n: the x of each column's centre */
	int label_every;         /* label every k-th column so that labels of label_width fit */
	struct chart_axis axis;  /* positions are y coordinates */
};
/* Lays out n >= 0 columns. Free with chart_columns_free. */
void chart_columns_layout(struct chart_columns *c, const int64_t *values, int n, double width,
			  double height, double label_width);
void chart_columns_free(struct chart_columns *c);

/* Horizontal bars, n categories of nseries bars each (values[i * nseries + s]), one row per
 * category under each other; the category labels go in a column label_width wide on the left,
 * the values right of each bar, the axis labels under the plot. */
struct chart_hbars {
	double width, height;
	double left, right, top, bottom;
	double row_height;
	int n, nseries;
	struct chart_rect *bars; /* n * nseries */
	double *label_y;         /* n: the y of the middle of each row */
	struct chart_axis axis;  /* positions are x coordinates */
};
void chart_hbars_layout(struct chart_hbars *c, const int64_t *values, int n, int nseries,
			double width, double label_width);
void chart_hbars_free(struct chart_hbars *c);

#endif
