-- wrk script: cycles through pre-signed interaction requests.
-- The file (BENCH_REQUESTS) has one request a line: timestamp TAB signature-hex TAB body.
local requests = {}
local index = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local timestamp, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
    if timestamp then
      requests[#requests + 1] = wrk.format("POST", "/interactions", {
        ["Content-Type"] = "application/json",
        ["X-Signature-Ed25519"] = signature,
        ["X-Signature-Timestamp"] = timestamp,
      }, body)
    end
  end
  -- Each thread starts at a different request.
  index = math.random(#requests) - 1
end

function request()
  index = index % #requests + 1
  return requests[index]
end
