// Starts GOV.UK Frontend's components. Loaded as a module from our own origin,
// so no inline script is needed and a strict Content Security Policy holds.
import { initAll } from '../govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
