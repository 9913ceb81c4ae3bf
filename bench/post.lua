-- wrk script: POST a form body with HTTP Basic client authentication, both from the environment.
--   BODY  the urlencoded form, BASIC  the base64 of client_id:client_secret
-- wrk itself reports "Non-2xx or 3xx responses"; run.sh counts those as errors.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
