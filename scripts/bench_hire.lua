-- wrk script for scripts/bench: each request records a new hire (an employment-center hire,
-- so rule 2 always allows it) of a worker nobody has hired before (rule 4).
-- Needs BENCH_CSRF and BENCH_COOKIE in the environment; the path is the URL's.

local counter = 0
local threads = 0
-- `thread_id` is a global that `setup` sets in each thread's own Lua state (a local of the
-- same name would shadow it: every thread would then send the same workers, and half the
-- hires would be refused as the same worker hired twice).

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local function check_digit(d11)
  local function weighted(weights)
    local s = 0
    for i = 1, 11 do
      s = s + tonumber(d11:sub(i, i)) * weights[i]
    end
    return s % 11
  end
  local s = weighted({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
  if s == 10 then
    s = weighted({3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2})
  end
  if s == 10 then
    return nil
  end
  return s
end

-- Women born 1940-1964 (sex digit 4): neither the seed nor the CSV import uses them.
-- BENCH_IIN_OFFSET starts a second run on the same database at workers the first did not use.
local offset = tonumber(os.getenv("BENCH_IIN_OFFSET") or "0")

local function next_iin()
  while true do
    local n = offset + (thread_id or 0) * 10000000 + counter
    counter = counter + 1
    local day = n % 8400
    local serial = math.floor(n / 8400) % 10000
    local year = 1940 + math.floor(day / 336)
    local month = 1 + math.floor((day % 336) / 28)
    local dom = 1 + day % 28
    local d11 = string.format("%02d%02d%02d4%04d", year % 100, month, dom, serial)
    local c = check_digit(d11)
    if c then
      return d11 .. c
    end
  end
end

local csrf = os.getenv("BENCH_CSRF")
local cookie = os.getenv("BENCH_COOKIE")
local day = os.getenv("BENCH_HIRE_DATE") or "2024-12-20"

request = function()
  local body = "csrf_token=" .. csrf
    .. "&iin=" .. next_iin()
    .. "&full_name=Benchmark+Worker&home_settlement=Uralsk&position=Mason"
    .. "&hire_date=" .. day .. "&kind=temporary&channel=employment_center"
    .. "&referral_number=BENCH-" .. (thread_id or 0) .. "-" .. counter
    .. "&referral_date=" .. day .. "&monthly_wage_tenge=150000"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end
