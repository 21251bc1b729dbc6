import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { hubSchema } from './vite/hub-schema.ts'

const API = process.env.HUB_API_URL ?? 'http://localhost:4000'

export default defineConfig({
  plugins: [react(), hubSchema(path.resolve(import.meta.dirname, '../server/schema.graphql'))],
  server: {
    port: 5173,
    proxy: { '/graphql': API, '/health': API },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
})
