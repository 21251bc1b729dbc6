// Every request of this console tab carries an X-Request-Id it can recognise later: the hub names
// the request in each change it announces, so the tab can tell its own saves from other operators'.

const TAB = Math.random().toString(36).slice(2, 10)
let sent = 0

/** A new request id of this tab (the hub accepts up to 100 of [A-Za-z0-9_.:-]). */
export function nextRequestId(): string {
  sent += 1
  return `console-${TAB}-${sent}`
}

/** Whether a change was made by a request of this tab. */
export function isOwnRequest(requestId: string | null | undefined): boolean {
  return requestId?.startsWith(`console-${TAB}-`) ?? false
}
