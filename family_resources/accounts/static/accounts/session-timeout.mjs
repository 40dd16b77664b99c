// The GOV.UK timeout warning: a modal dialog shortly before an idle staff session ends, with
// "Stay signed in" (which renews the session on the server) and "Sign out". Without JavaScript the
// server still ends the session (accounts.middleware.StaffSessionMiddleware); this only warns first.
const dialog = document.querySelector('[data-module="app-session-timeout"]')

if (dialog && typeof dialog.showModal === 'function') {
  const stayForm = dialog.querySelector('.app-timeout-dialog__form')
  let warnTimer
  let endTimer
  let lastFocus

  const schedule = () => {
    // Read each time, so the page's spans are the ones in force when the timers start.
    const idleMs = Number(dialog.dataset.idleSeconds) * 1000
    const warningMs = Number(dialog.dataset.warningSeconds) * 1000
    window.clearTimeout(warnTimer)
    window.clearTimeout(endTimer)
    warnTimer = window.setTimeout(warn, Math.max(0, idleMs - warningMs))
    endTimer = window.setTimeout(signedOut, idleMs)
  }

  const warn = () => {
    lastFocus = document.activeElement
    dialog.showModal()
    dialog.querySelector('[data-timeout-stay]').focus()
  }

  const signedOut = () => {
    const next = window.location.pathname + window.location.search
    window.location.href = `${dialog.dataset.signedOutUrl}?next=${encodeURIComponent(next)}`
  }

  stayForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    const response = await window.fetch(dialog.dataset.keepAliveUrl, {
      method: 'POST',
      body: new window.FormData(stayForm),
      credentials: 'same-origin',
      redirect: 'manual'
    })
    if (response.status === 204) {
      dialog.close()
      if (lastFocus) lastFocus.focus()
      schedule()
    } else {
      signedOut()
    }
  })

  // Escape means "stay signed in", as in the GOV.UK pattern.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    stayForm.requestSubmit()
  })

  schedule()
}
