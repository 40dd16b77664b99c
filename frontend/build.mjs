// Builds the service's front-end assets into build/static, which Django serves
// through whitenoise. Run by `make assets` (npm run build); nothing is fetched at run time.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const out = join(root, 'build', 'static')

rmSync(out, { recursive: true, force: true })
mkdirSync(join(out, 'css'), { recursive: true })
mkdirSync(join(out, 'govuk'), { recursive: true })

const result = sass.compile(join(root, 'frontend', 'scss', 'application.scss'), {
  loadPaths: [join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true
})
writeFileSync(join(out, 'css', 'application.css'), result.css)

cpSync(join(govuk, 'govuk-frontend.min.js'), join(out, 'govuk', 'govuk-frontend.min.js'))
// Images only: the GDS Transport font is for GOV.UK alone, so it is not shipped.
cpSync(join(govuk, 'assets', 'images'), join(out, 'govuk', 'images'), { recursive: true })
console.log(`built ${out}`)
