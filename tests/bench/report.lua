-- wrk script for `make bench`: at the end of a run, one machine-readable line that run.sh reads
-- (latencies in microseconds; errors = socket errors: connect, read, write, timeout;
-- non2xx = responses whose status was not 2xx or 3xx).
function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		"BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d non2xx=%d\n",
		summary.requests, summary.duration, summary.bytes,
		latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
		e.connect + e.read + e.write + e.timeout, e.status))
end
