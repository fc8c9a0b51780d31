// The WAF quirk (API.md a.0): requests with a missing or library-default User-Agent are
// silently dropped: the connection hangs, then dies, with no HTTP response.

const DEFAULT_USER_AGENTS: readonly RegExp[] = [
  /^node$/i,
  /^undici$/i,
  /^node-fetch(\/|$)/i,
  /^axios\//i,
  /^python-requests\//i,
  /^python-httpx\//i,
  /^python-urllib\//i,
  /^curl\//i,
  /^go-http-client\//i,
  /^okhttp\//i,
  /^java\//i,
  /^apache-httpclient\//i,
]

export function isDefaultUserAgent(ua: string | string[] | undefined): boolean {
  const value = (Array.isArray(ua) ? ua[0] : ua)?.trim()
  if (!value) return true
  return DEFAULT_USER_AGENTS.some((re) => re.test(value))
}
