import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { emulatorPlugin } from './emulator/emulatorPlugin'

/**
 * `npm run dev`: the demo app with the Stytch emulator mounted on the same origin, so the kit
 * talks to `/__emulator/stytch/sdk/v1/...` and nothing leaves the machine.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), emulatorPlugin()],
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
})
