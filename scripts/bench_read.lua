-- wrk script for scripts/bench: reads the pages named in BENCH_PATHS (separated by spaces)
-- in turn, with the session in BENCH_COOKIE.

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/healthz", "%S+") do
  table.insert(paths, p)
end
local cookie = os.getenv("BENCH_COOKIE")
local i = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Cookie"] = cookie })
end
