import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { emulatorPlugin } from './emulator/emulatorPlugin'

/**
 * `npm run dev`: the demo app with its backends on the same origin: emulators of Stytch
 * (`/__emulator/stytch`), Stack Auth (`/__emulator/stack-auth`), Supabase Auth
 * (`/__emulator/supabase`) and an app's own endpoint for `createHttpAdapter` (`/__emulator/http`), a real Better Auth server (`/api/auth`), and the outbox they all write
 * to. Nothing leaves the machine.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), emulatorPlugin()],
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
})
