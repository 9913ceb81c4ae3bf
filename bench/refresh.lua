-- wrk script: refresh, each request with one of GRANTS refresh tokens ("<PREFIX>1" .. "<PREFIX>N", PREFIX by default
-- "bench-refresh-"),
-- seeded by run.sh with a grant each, as many users' clients would send them. (All requests on ONE refresh token
-- serialize on that grant's row lock by design: a refresh and a revocation of one grant must never interleave.)
--   BASIC  the base64 of client_id:client_secret, GRANTS  how many tokens were seeded
local grants = tonumber(os.getenv("GRANTS"))
local basic = "Basic " .. os.getenv("BASIC")
local prefix = os.getenv("PREFIX") or "bench-refresh-"
math.randomseed(os.time())
request = function()
  local body = "grant_type=refresh_token&refresh_token=" .. prefix .. math.random(1, grants)
  return wrk.format("POST", nil,
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = basic}, body)
end
