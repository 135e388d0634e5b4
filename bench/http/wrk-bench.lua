-- wrk script for bench/http.sh. With a file argument (wrk ... -- FILE) each request takes the
-- next path from FILE, one a line, round robin; without one, the URL's own path. After the run
-- it prints one JSON object: requests/s, latency percentiles in ms, non-2xx and socket errors.
local paths = {}
local next_path = 1

init = function(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if #line > 0 then
        paths[#paths + 1] = line
      end
    end
  end
end

request = function()
  if #paths == 0 then
    return wrk.format()
  end
  local p = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", p)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "requests_per_s": %.1f, "p50_ms": %.3f, ' ..
    '"p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "mean_ms": %.3f, "non_2xx": %d, ' ..
    '"errors": %d, "bytes": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, latency.mean / 1e3, summary.errors.status, errors, summary.bytes))
end
